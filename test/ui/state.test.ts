import {describe, expect, it} from 'vitest';
import {
	type RowRef,
	type ViewAction,
	type ViewState,
	clampScroll,
	currentNotice,
	initialViewState,
	NOTICE_MS,
	scopeOf,
	selectedIndex,
	viewReducer,
	visibleRows,
} from '../../source/ui/state.js';

const rows: RowRef[] = [
	{id: 'a', name: 'openai-prod', provider: 'openai'},
	{id: 'b', name: 'openai-batch', provider: 'openai'},
	{id: 'c', name: 'claude-main', provider: 'anthropic'},
	{id: 'd', name: 'claude-eval', provider: 'anthropic'},
	{id: 'e', name: 'azure-east', provider: 'azure_openai'},
];

function run(actions: ViewAction[], pageSize = 10): ViewState {
	return actions.reduce(viewReducer, viewReducer(initialViewState, {type: 'sync', rows, pageSize}));
}

const ids = (state: ViewState) => visibleRows(state).map(row => row.id);

describe('view reducer', () => {
	it.each<[string, ViewAction[], string | undefined]>([
		['starts on the first row', [], 'a'],
		['moves down', [{type: 'move', by: 1}], 'b'],
		['stops at the last row', [{type: 'move', by: 99}], 'e'],
		['stops at the first row', [{type: 'move', by: -3}], 'a'],
		['goes to the last row', [{type: 'last'}], 'e'],
		['goes back to the first', [{type: 'last'}, {type: 'first'}], 'a'],
		['jumps to row 3', [{type: 'jump', row: 3}], 'c'],
		['ignores a jump past the end', [{type: 'move', by: 1}, {type: 'jump', row: 9}], 'b'],
		['ignores row 0', [{type: 'move', by: 1}, {type: 'jump', row: 0}], 'b'],
		['pages down by the page size', [{type: 'page', direction: 1}], 'c'],
		['keeps the selected key when the filter still shows it', [{type: 'jump', row: 4}, {type: 'filter.start'}, {type: 'filter.type', text: 'claude'}], 'd'],
		['moves to the first match when the filter hides the selection', [{type: 'filter.start'}, {type: 'filter.type', text: 'claude'}], 'c'],
		['stays on the same key when the filter is cleared', [{type: 'filter.type', text: 'eval'}, {type: 'filter.clear'}], 'd'],
		['has no selection when nothing matches', [{type: 'filter.type', text: 'zzz'}], undefined],
		['moves within the filtered rows', [{type: 'filter.type', text: 'openai'}, {type: 'last'}], 'e'],
	])('%s', (_name, actions, expected) => {
		expect(run(actions, 2).selectedId).toBe(expected);
	});

	it.each<[string, ViewAction[], Partial<ViewState>]>([
		['opens the pane', [{type: 'pane.open'}], {paneOpen: true}],
		['closes the pane', [{type: 'pane.open'}, {type: 'pane.close'}], {paneOpen: false}],
		['starts filtering', [{type: 'filter.start'}], {filtering: true}],
		['types and deletes', [{type: 'filter.start'}, {type: 'filter.type', text: 'cla'}, {type: 'filter.backspace'}], {filter: 'cl'}],
		['applies the filter and keeps its text', [{type: 'filter.start'}, {type: 'filter.type', text: 'cl'}, {type: 'filter.apply'}], {filter: 'cl', filtering: false}],
		['clears the filter', [{type: 'filter.start'}, {type: 'filter.type', text: 'cl'}, {type: 'filter.clear'}], {filter: '', filtering: false}],
		['toggles help', [{type: 'help.toggle'}], {helpOpen: true}],
		['toggles help off', [{type: 'help.toggle'}, {type: 'help.toggle'}], {helpOpen: false}],
		['closes the pane when nothing is selected', [{type: 'pane.open'}, {type: 'filter.type', text: 'zzz'}], {paneOpen: false}],
	])('%s', (_name, actions, expected) => {
		expect(run(actions)).toMatchObject(expected);
	});

	it('switches the open pane to the key the selection moves to', () => {
		const state = run([{type: 'pane.open'}, {type: 'move', by: 2}]);
		expect(state.paneOpen).toBe(true);
		expect(state.selectedId).toBe('c');
	});

	it('filters by name or provider, case-insensitively', () => {
		expect(ids(run([{type: 'filter.type', text: 'ANTHROPIC'}]))).toEqual(['c', 'd']);
		expect(ids(run([{type: 'filter.type', text: 'azure openai'}]))).toEqual(['e']);
		expect(ids(run([{type: 'filter.type', text: 'batch'}]))).toEqual(['b']);
	});

	it('keeps the selection scrolled into view', () => {
		const down = run([{type: 'last'}], 2);
		expect(down.scroll).toBe(3);
		expect(run([{type: 'last'}, {type: 'first'}], 2).scroll).toBe(0);
		expect(run([{type: 'move', by: 2}], 2).scroll).toBe(1);
	});

	it('follows the selected key when rows reorder, and falls to the same position when it is removed', () => {
		const start = run([{type: 'jump', row: 2}]);
		const reordered = viewReducer(start, {type: 'sync', rows: [...rows].reverse(), pageSize: 10});
		expect(reordered.selectedId).toBe('b');
		expect(selectedIndex(reordered)).toBe(3);
		const removed = viewReducer(start, {type: 'sync', rows: rows.filter(row => row.id !== 'b'), pageSize: 10});
		expect(removed.selectedId).toBe('c');
	});

	it('derives the input scope', () => {
		expect(scopeOf(run([]))).toBe('table');
		expect(scopeOf(run([{type: 'pane.open'}]))).toBe('pane');
		expect(scopeOf(run([{type: 'pane.open'}, {type: 'filter.start'}]))).toBe('filter');
		expect(scopeOf(run([{type: 'filter.start'}, {type: 'filter.apply'}, {type: 'help.toggle'}]))).toBe('help');
	});

	it.each([
		[0, 0, 5, 20, 0],
		[0, 7, 5, 20, 3],
		[10, 4, 5, 20, 4],
		[18, 19, 5, 20, 15],
		[30, -1, 5, 20, 15],
		[3, 0, 5, 2, 0],
	])('clampScroll(%i, index %i, page %i, count %i) is %i', (scroll, index, page, count, expected) => {
		expect(clampScroll(scroll, index, page, count)).toBe(expected);
	});
});

describe('notices', () => {
	const notice = (text: string, at = 1000) => ({text, tone: 'info' as const, at});

	it('shows the latest notice until it is NOTICE_MS old', () => {
		const state = run([{type: 'notice', notice: notice('first')}, {type: 'notice', notice: notice('second', 2000)}]);
		expect(currentNotice(state, 2000)?.text).toBe('second');
		expect(currentNotice(state, 2000 + NOTICE_MS - 1)?.text).toBe('second');
		expect(currentNotice(state, 2000 + NOTICE_MS)).toBeUndefined();
	});

	it('announces each id once, however often it is asked', () => {
		const once = run([{type: 'announce', ids: ['openai'], notice: notice('openai page down')}]);
		expect(currentNotice(once, 1000)?.text).toBe('openai page down');
		expect(once.announced).toEqual(['openai']);
		const again = viewReducer(viewReducer(once, {type: 'notice', notice: notice('other')}), {type: 'announce', ids: ['openai'], notice: notice('openai page down')});
		expect(currentNotice(again, 1000)?.text).toBe('other');
		const more = viewReducer(again, {type: 'announce', ids: ['openai', 'groq'], notice: notice('groq page down')});
		expect(more.announced).toEqual(['openai', 'groq']);
		expect(currentNotice(more, 1000)?.text).toBe('groq page down');
	});

	it('leaves the selection and the pane alone', () => {
		const state = run([{type: 'jump', row: 3}, {type: 'pane.open'}, {type: 'notice', notice: notice('hi')}]);
		expect(state.selectedId).toBe('c');
		expect(state.paneOpen).toBe(true);
	});
});
