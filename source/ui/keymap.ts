import type {Key} from 'ink';

// One table of named commands. Input handlers ask `commandFor` and act on the command; the footer and
// the ? overlay are generated from this table, so what the screen says is what the keys do.

/** Where input goes: the help overlay, the filter line, the open detail pane, or the bare table. */
export type Scope = 'table' | 'pane' | 'filter' | 'help';

export const COMMAND_IDS = [
	'nav.up',
	'nav.down',
	'nav.pageUp',
	'nav.pageDown',
	'nav.first',
	'nav.last',
	'nav.jump',
	'pane.open',
	'pane.close',
	'pane.scrollDown',
	'pane.scrollUp',
	'probe.now',
	'key.activate',
	'key.backup',
	'poll.toggle',
	'proxy.toggle',
	'filter.start',
	'filter.apply',
	'filter.clear',
	'help.toggle',
	'app.quit',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export type NamedKey = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape';

export type KeyBinding = (
	| {kind: 'char'; chars: string}
	| {kind: 'named'; name: NamedKey}
	| {kind: 'ctrl'; char: string}
) & {
	/** What the footer and the overlay print. */
	label: string;
	/** Narrower than the command's scopes (Esc closes help but does not open it). */
	scopes?: readonly Scope[];
};

export type Command = {
	id: CommandId;
	keys: readonly KeyBinding[];
	/** For the ? overlay. */
	description: string;
	scopes: readonly Scope[];
	/** Short label for the footer; commands without one appear only in the overlay. */
	footer?: string;
	/** Shown in the footer only while this is running (the overlay lists every command). */
	requires?: 'proxy';
};

const list: readonly Scope[] = ['table', 'pane'];
const char = (chars: string, label = chars): KeyBinding => ({kind: 'char', chars, label});
const named = (name: NamedKey, label: string, scopes?: readonly Scope[]): KeyBinding =>
	scopes ? {kind: 'named', name, label, scopes} : {kind: 'named', name, label};

export const keymap: readonly Command[] = [
	{id: 'nav.up', keys: [named('upArrow', '↑'), char('k')], description: 'Select the previous key', scopes: [...list, 'filter'], footer: 'up'},
	{id: 'nav.down', keys: [named('downArrow', '↓'), char('j')], description: 'Select the next key', scopes: [...list, 'filter'], footer: 'down'},
	{id: 'nav.pageUp', keys: [named('pageUp', 'PgUp')], description: 'Scroll up one page', scopes: list},
	{id: 'nav.pageDown', keys: [named('pageDown', 'PgDn')], description: 'Scroll down one page', scopes: list},
	{id: 'nav.first', keys: [char('g'), named('home', 'Home')], description: 'Select the first key', scopes: list},
	{id: 'nav.last', keys: [char('G'), named('end', 'End')], description: 'Select the last key', scopes: list},
	{id: 'nav.jump', keys: [char('123456789', '1-9')], description: 'Select row 1 to 9', scopes: list},
	{id: 'pane.open', keys: [named('return', 'Enter'), char('d')], description: 'Open the detail pane for the selected key', scopes: list, footer: 'details'},
	{id: 'pane.close', keys: [named('escape', 'Esc')], description: 'Close the detail pane', scopes: ['pane'], footer: 'close'},
	{id: 'pane.scrollDown', keys: [char('J'), char(' ', 'Space')], description: 'Scroll the detail pane down', scopes: ['pane'], footer: 'scroll'},
	{id: 'pane.scrollUp', keys: [char('K')], description: 'Scroll the detail pane up', scopes: ['pane']},
	{id: 'probe.now', keys: [char('R')], description: 'Probe the selected key now', scopes: list, footer: 'probe'},
	{
		id: 'key.activate',
		keys: [char('a')],
		description: "Proxy: make the selected key its provider's active key",
		scopes: list,
		footer: 'activate',
		requires: 'proxy',
	},
	{id: 'key.backup', keys: [char('b')], description: 'Proxy: mark or unmark the selected key as a backup', scopes: list, footer: 'backup', requires: 'proxy'},
	{id: 'poll.toggle', keys: [char('p')], description: 'Pause or resume polling', scopes: list, footer: 'pause'},
	{id: 'proxy.toggle', keys: [char('P')], description: 'Start or stop the proxy inside this view, on 127.0.0.1 only', scopes: list, footer: 'proxy'},
	{id: 'filter.start', keys: [char('/')], description: 'Filter keys by name or provider', scopes: list, footer: 'filter'},
	{id: 'filter.apply', keys: [named('return', 'Enter')], description: 'Keep the filter and go back to the table', scopes: ['filter'], footer: 'apply'},
	{id: 'filter.clear', keys: [named('escape', 'Esc')], description: 'Clear the filter', scopes: ['table', 'filter'], footer: 'clear filter'},
	{id: 'help.toggle', keys: [char('?'), named('escape', 'Esc', ['help'])], description: 'Show or hide this list of keys', scopes: [...list, 'help'], footer: 'help'},
	{id: 'app.quit', keys: [char('q'), {kind: 'ctrl', char: 'c', label: 'Ctrl+C'}], description: 'Quit keywatch', scopes: [...list, 'help', 'filter'], footer: 'quit'},
];

// Ink reports a few keys through flags rather than `input`.
function namedPressed(name: NamedKey, key: Partial<Key>): boolean {
	const flags: Record<NamedKey, boolean | undefined> = {
		upArrow: key.upArrow,
		downArrow: key.downArrow,
		pageUp: key.pageUp,
		pageDown: key.pageDown,
		home: key.home,
		end: key.end,
		return: key.return,
		escape: key.escape,
	};
	return flags[name] === true;
}

/** In the filter line, printable keys are text, so only non-printing bindings count there. */
export function bindingActive(binding: KeyBinding, scope: Scope): boolean {
	if (binding.scopes && !binding.scopes.includes(scope)) return false;
	return !(scope === 'filter' && binding.kind === 'char');
}

export function matches(binding: KeyBinding, input: string, key: Partial<Key>): boolean {
	switch (binding.kind) {
		case 'named': {
			return namedPressed(binding.name, key);
		}
		case 'ctrl': {
			return key.ctrl === true && input.toLowerCase() === binding.char;
		}
		case 'char': {
			return input.length === 1 && !key.ctrl && !key.meta && binding.chars.includes(input);
		}
	}
}

/**
 * Ink hands over a chunk of plain characters as one input (a paste, or keys sent together as tmux
 * send-keys and fast typists do: "4\r"). Outside escape sequences each character is a key of its own.
 */
export function splitKeys(input: string, key: Partial<Key>): Array<[string, Partial<Key>]> {
	if ([...input].length <= 1 || key.ctrl || key.meta) return [[input, key]];
	return [...input].map(ch => {
		if (ch === '\r' || ch === '\n') return ['', {return: true}];
		if (ch === '\u007F' || ch === '\b') return ['', {backspace: true}];
		if (ch === '\t') return ['', {tab: true}];
		return [ch, {shift: /[A-Z]/.test(ch)}];
	});
}

/** The command a keypress means in `scope`, or undefined. */
export function commandFor(input: string, key: Partial<Key>, scope: Scope): CommandId | undefined {
	for (const command of keymap) {
		if (!command.scopes.includes(scope)) continue;
		if (command.keys.some(binding => bindingActive(binding, scope) && matches(binding, input, key))) return command.id;
	}
	return undefined;
}

/** "↑/k" — the keys of a command that work in `scope` (all of them without a scope). */
export function keyLabel(command: Command, scope?: Scope): string {
	return command.keys
		.filter(binding => (scope ? bindingActive(binding, scope) : true))
		.map(binding => binding.label)
		.join('/');
}

export type FooterItem = {id: CommandId; keys: string; label: string};

export type FooterOptions = {filterActive?: boolean; proxy?: boolean};

/** The footer's entries for `scope`, in keymap order, each with the first key that works there. */
export function footerItems(scope: Scope, options: FooterOptions = {}): FooterItem[] {
	return keymap
		.filter(command => command.footer && command.scopes.includes(scope))
		.filter(command => command.requires !== 'proxy' || options.proxy)
		.filter(command => command.id !== 'filter.clear' || scope === 'filter' || options.filterActive)
		.map(command => ({id: command.id, keys: command.keys.find(binding => bindingActive(binding, scope))?.label ?? '', label: command.footer ?? ''}))
		.filter(item => item.keys !== '');
}

/** The keymap as a Markdown table, for the README's Keyboard section. */
export function keymapMarkdown(): string {
	const rows = keymap.map(command => `| ${command.keys.map(binding => `\`${binding.label}\``).join(', ')} | ${command.description} |`);
	return ['| Keys | Does |', '| --- | --- |', ...rows].join('\n');
}
