import {readFileSync} from 'node:fs';
import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {COMMAND_IDS, type Scope, bindingActive, commandFor, footerItems, keyLabel, keymap, keymapMarkdown, matches, splitKeys} from '../../source/ui/keymap.js';

const key = (flags: Partial<Key> = {}): Partial<Key> => flags;
const scopes: Scope[] = ['table', 'pane', 'filter', 'help'];

describe('keymap', () => {
	it.each<[string, Partial<Key>, Scope, string | undefined]>([
		['k', key(), 'table', 'nav.up'],
		['', key({upArrow: true}), 'table', 'nav.up'],
		['j', key(), 'pane', 'nav.down'],
		['', key({downArrow: true}), 'filter', 'nav.down'],
		['j', key(), 'filter', undefined],
		['g', key(), 'table', 'nav.first'],
		['G', key({shift: true}), 'table', 'nav.last'],
		['5', key(), 'table', 'nav.jump'],
		['0', key(), 'table', undefined],
		['', key({return: true}), 'table', 'pane.open'],
		['d', key(), 'table', 'pane.open'],
		['', key({return: true}), 'filter', 'filter.apply'],
		['', key({escape: true, meta: true}), 'pane', 'pane.close'],
		['', key({escape: true, meta: true}), 'table', 'filter.clear'],
		['', key({escape: true, meta: true}), 'filter', 'filter.clear'],
		['', key({escape: true, meta: true}), 'help', 'help.toggle'],
		['R', key({shift: true}), 'pane', 'probe.now'],
		['r', key(), 'table', undefined],
		['a', key(), 'table', 'key.activate'],
		['b', key(), 'pane', 'key.backup'],
		['a', key(), 'filter', undefined],
		['b', key(), 'help', undefined],
		['p', key(), 'table', 'poll.toggle'],
		['/', key(), 'table', 'filter.start'],
		['?', key(), 'table', 'help.toggle'],
		['?', key(), 'help', 'help.toggle'],
		['?', key(), 'filter', undefined],
		['q', key(), 'table', 'app.quit'],
		['q', key(), 'help', 'app.quit'],
		['q', key(), 'filter', undefined],
		['c', key({ctrl: true}), 'filter', 'app.quit'],
		['c', key({ctrl: true}), 'table', 'app.quit'],
		['k', key({ctrl: true}), 'table', undefined],
		['j', key({upArrow: true, meta: true}), 'help', undefined],
	])('%j %o in %s is %s', (input, flags, scope, expected) => {
		expect(commandFor(input, flags, scope)).toBe(expected);
	});

	it('has every command once, each with a key and a description', () => {
		expect(keymap.map(command => command.id)).toEqual([...COMMAND_IDS]);
		for (const command of keymap) {
			expect(command.keys.length).toBeGreaterThan(0);
			expect(command.description.length).toBeGreaterThan(5);
		}
	});

	it('never gives one keypress two meanings in the same scope', () => {
		const probes: Array<[string, Partial<Key>]> = [
			...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/?'.split('').map((c): [string, Partial<Key>] => [c, {}]),
			...(['upArrow', 'downArrow', 'pageUp', 'pageDown', 'home', 'end', 'return', 'escape'] as const).map((name): [string, Partial<Key>] => ['', {[name]: true}]),
			['c', {ctrl: true}],
		];
		for (const scope of scopes) {
			for (const [input, flags] of probes) {
				const meanings = keymap.filter(c => c.scopes.includes(scope) && c.keys.some(b => bindingActive(b, scope) && matches(b, input, flags)));
				expect(meanings.length, `${JSON.stringify(input)} ${JSON.stringify(flags)} in ${scope}`).toBeLessThanOrEqual(1);
			}
		}
	});

	it('lets every scope quit and reach or leave help', () => {
		for (const scope of scopes) expect(keymap.find(c => c.id === 'app.quit')?.scopes).toContain(scope);
		expect(footerItems('table').map(item => item.id)).toContain('help.toggle');
	});

	it('labels keys for the overlay and the footer', () => {
		const quit = keymap.find(c => c.id === 'app.quit');
		expect(quit && keyLabel(quit)).toBe('q/Ctrl+C');
		expect(quit && keyLabel(quit, 'filter')).toBe('Ctrl+C');
		expect(footerItems('filter').map(item => `${item.keys} ${item.label}`)).toEqual(['↑ up', '↓ down', 'Enter apply', 'Esc clear filter', 'Ctrl+C quit']);
		expect(footerItems('table').some(item => item.id === 'filter.clear')).toBe(false);
		expect(footerItems('table', {filterActive: true}).some(item => item.id === 'filter.clear')).toBe(true);
	});

	it('lists the proxy keys in the footer only while a proxy runs', () => {
		const ids = (proxy?: boolean) => footerItems('table', {proxy}).map(item => item.id);
		expect(ids()).not.toContain('key.activate');
		expect(ids(true)).toEqual(expect.arrayContaining(['key.activate', 'key.backup']));
		expect(footerItems('pane', {proxy: true}).map(item => `${item.keys} ${item.label}`)).toEqual(expect.arrayContaining(['a activate', 'b backup']));
		expect(footerItems('filter', {proxy: true}).some(item => item.id === 'key.activate')).toBe(false);
	});

	it('splits a chunk of plain characters into single keys', () => {
		expect(splitKeys('4\r', {})).toEqual([['4', {shift: false}], ['', {return: true}]]);
		expect(splitKeys('aB\u007F', {})).toEqual([['a', {shift: false}], ['B', {shift: true}], ['', {backspace: true}]]);
		expect(splitKeys('j', {})).toEqual([['j', {}]]);
		expect(splitKeys('c', {ctrl: true})).toEqual([['c', {ctrl: true}]]);
	});

	it('renders the keymap as a Markdown table for the README', () => {
		const table = keymapMarkdown();
		expect(table.split('\n')).toHaveLength(keymap.length + 2);
		expect(table).toContain('| `q`, `Ctrl+C` | Quit keywatch |');
	});
});

describe("the README's Keyboard section", () => {
	it('is the keymap as it is now (regenerate: npm run build && node scripts/keymap-doc.mjs)', () => {
		const doc = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		expect(doc).toContain(`${keymapMarkdown()}\n`);
	});
});
