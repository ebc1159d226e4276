import type {Scope} from './keymap.js';

// The live view's own state, apart from the monitor's: which key is selected, the filter, which
// overlays are open, how far the table is scrolled. Pure, so every transition is a table-driven test.

/** What the view needs to know about a row to select and filter it. KeyState satisfies it. */
export type RowRef = {readonly id: string; readonly name: string; readonly provider: string};

/** A one-line message under the header (a keypress's outcome, a status page that cannot be read). */
export type Notice = {text: string; tone: 'info' | 'warning'; at: number};

/** How long a notice stays on screen. */
export const NOTICE_MS = 15_000;

export type ViewState = {
	rows: readonly RowRef[];
	/** Table rows that fit on screen. */
	pageSize: number;
	/** Selection is by id, so it stays on the same key when rows reorder or the filter changes. */
	selectedId: string | undefined;
	filter: string;
	/** Typing into the filter line. */
	filtering: boolean;
	paneOpen: boolean;
	/** First line of the detail pane shown (a short terminal cannot show all of it). */
	paneScroll: number;
	helpOpen: boolean;
	/** Index of the first visible row. */
	scroll: number;
	notice?: Notice;
	/** What was announced once and is not announced again (status pages that could not be read). */
	announced: readonly string[];
};

export type ViewAction =
	| {type: 'sync'; rows: readonly RowRef[]; pageSize: number}
	| {type: 'move'; by: number}
	| {type: 'page'; direction: 1 | -1}
	| {type: 'first'}
	| {type: 'last'}
	| {type: 'jump'; row: number}
	| {type: 'pane.open'}
	| {type: 'pane.close'}
	| {type: 'pane.scroll'; by: number}
	| {type: 'filter.start'}
	| {type: 'filter.type'; text: string}
	| {type: 'filter.backspace'}
	| {type: 'filter.apply'}
	| {type: 'filter.clear'}
	| {type: 'help.toggle'}
	| {type: 'notice'; notice: Notice}
	| {type: 'announce'; ids: readonly string[]; notice: Notice};

export const initialViewState: ViewState = {
	rows: [],
	pageSize: 1,
	selectedId: undefined,
	filter: '',
	filtering: false,
	paneOpen: false,
	paneScroll: 0,
	helpOpen: false,
	scroll: 0,
	announced: [],
};

export function matchesFilter(row: RowRef, filter: string): boolean {
	const needle = filter.trim().toLowerCase();
	if (!needle) return true;
	const provider = row.provider.toLowerCase();
	return row.name.toLowerCase().includes(needle) || provider.includes(needle) || provider.replaceAll('_', ' ').includes(needle);
}

let memo: {rows: readonly RowRef[]; filter: string; visible: readonly RowRef[]} | undefined;

/** Rows the filter lets through, in order. Memoised on (rows, filter): it runs on every render. */
export function filterRows<T extends RowRef>(rows: readonly T[], filter: string): readonly T[] {
	if (memo?.rows === rows && memo.filter === filter) return memo.visible as readonly T[];
	const visible = filter.trim() ? rows.filter(row => matchesFilter(row, filter)) : rows;
	memo = {rows, filter, visible};
	return visible;
}

export function visibleRows(state: ViewState): readonly RowRef[] {
	return filterRows(state.rows, state.filter);
}

/** Index of the selection among the visible rows; -1 when nothing is visible. */
export function selectedIndex(state: ViewState): number {
	return visibleRows(state).findIndex(row => row.id === state.selectedId);
}

/** The notice to show at `now`, if one is still fresh. */
export function currentNotice(state: ViewState, now: number): Notice | undefined {
	const {notice} = state;
	return notice && now - notice.at < NOTICE_MS ? notice : undefined;
}

export function scopeOf(state: ViewState): Scope {
	if (state.helpOpen) return 'help';
	if (state.filtering) return 'filter';
	if (state.paneOpen) return 'pane';
	return 'table';
}

/** The first row to draw so that `index` is on screen, moving as little as possible from `scroll`. */
export function clampScroll(scroll: number, index: number, pageSize: number, count: number): number {
	const page = Math.max(1, pageSize);
	let first = Math.min(Math.max(0, scroll), Math.max(0, count - page));
	if (index >= 0 && index < first) first = index;
	if (index >= first + page) first = index - page + 1;
	return Math.max(0, first);
}

function selectIndex(state: ViewState, index: number): ViewState {
	const visible = visibleRows(state);
	if (visible.length === 0) return state;
	const clamped = Math.min(Math.max(0, index), visible.length - 1);
	return {...state, selectedId: visible[clamped]?.id};
}

// Keeps the invariants every action relies on: the selection is a visible row (or none when nothing
// is visible), the pane is open only on a selection, and the selection is scrolled into view.
function normalize(state: ViewState, previousIndex: number): ViewState {
	const visible = visibleRows(state);
	let {selectedId} = state;
	if (!visible.some(row => row.id === selectedId)) {
		selectedId = visible[Math.min(Math.max(0, previousIndex), visible.length - 1)]?.id;
	}
	const index = visible.findIndex(row => row.id === selectedId);
	const paneOpen = state.paneOpen && selectedId !== undefined;
	const scroll = clampScroll(state.scroll, index, state.pageSize, visible.length);
	if (selectedId === state.selectedId && paneOpen === state.paneOpen && scroll === state.scroll) return state;
	return {...state, selectedId, paneOpen, scroll};
}

function apply(state: ViewState, action: ViewAction): ViewState {
	const index = selectedIndex(state);
	switch (action.type) {
		case 'sync': {
			return {...state, rows: action.rows, pageSize: Math.max(1, action.pageSize)};
		}
		case 'move': {
			return selectIndex(state, index + action.by);
		}
		case 'page': {
			return selectIndex({...state, scroll: state.scroll + action.direction * state.pageSize}, index + action.direction * state.pageSize);
		}
		case 'first': {
			return selectIndex(state, 0);
		}
		case 'last': {
			return selectIndex(state, visibleRows(state).length - 1);
		}
		case 'jump': {
			return action.row >= 1 && action.row <= visibleRows(state).length ? selectIndex(state, action.row - 1) : state;
		}
		case 'pane.open': {
			return {...state, paneOpen: true, paneScroll: 0};
		}
		case 'pane.scroll': {
			// The pane clamps the upper end: only it knows how many lines it has at this width.
			return {...state, paneScroll: Math.max(0, state.paneScroll + action.by)};
		}
		case 'pane.close': {
			return {...state, paneOpen: false};
		}
		case 'filter.start': {
			return {...state, filtering: true, helpOpen: false};
		}
		case 'filter.type': {
			return {...state, filter: state.filter + action.text};
		}
		case 'filter.backspace': {
			return {...state, filter: [...state.filter].slice(0, -1).join('')};
		}
		case 'filter.apply': {
			return {...state, filtering: false};
		}
		case 'filter.clear': {
			return {...state, filter: '', filtering: false};
		}
		case 'help.toggle': {
			return {...state, helpOpen: !state.helpOpen};
		}
		case 'notice': {
			return {...state, notice: action.notice};
		}
		case 'announce': {
			const fresh = action.ids.filter(id => !state.announced.includes(id));
			return fresh.length === 0 ? state : {...state, notice: action.notice, announced: [...state.announced, ...fresh]};
		}
	}
}

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
	// A selection the filter hides moves to the first match; one whose key was removed falls to the row
	// that took its place.
	const fallback = action.type.startsWith('filter.') ? 0 : Math.max(0, selectedIndex(state));
	const next = normalize(apply(state, action), fallback);
	// Another key's pane starts at its top.
	return next.selectedId !== state.selectedId && next.paneScroll !== 0 ? {...next, paneScroll: 0} : next;
}
