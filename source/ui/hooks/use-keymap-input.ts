import {type Key, useInput} from 'ink';
import {type Dispatch, useLayoutEffect, useRef} from 'react';
import type {ProxySwitch} from '../../app/proxy-switch.js';
import type {MonitorApi} from '../../monitor/types.js';
import type {KeyState} from '../../types.js';
import {type CommandId, commandFor, splitKeys} from '../keymap.js';
import {heldNotice} from '../probe-notice.js';
import {runProxyCommand, runProxyToggle} from '../proxy-commands.js';
import type {ProxyControl} from '../proxy-view.js';
import {type ViewAction, type ViewState, scopeOf, viewReducer} from '../state.js';

export type KeymapInputOptions = {
	view: ViewState;
	dispatch: Dispatch<ViewAction>;
	monitor: MonitorApi;
	onQuit: () => void;
	/** False when stdin cannot be put in raw mode (not a terminal). */
	isActive?: boolean;
	/** The in-process proxy `a` and `b` act on; without one they say how to turn it on. */
	proxy?: ProxyControl;
	/** What P starts and stops; absent in a --remote view, which has no monitor for a proxy to feed. */
	proxySwitch?: ProxySwitch;
	/** A --remote view: a and b cannot offer to start a proxy. */
	remote?: boolean;
	/** The monitor's key for a row id (what `R`, `a` and `b` act on). */
	keyOf: (id: string) => KeyState | undefined;
	/** Stamps notices. */
	clock: () => number;
};

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;

const viewActions: Partial<Record<CommandId, ViewAction>> = {
	'nav.up': {type: 'move', by: -1},
	'nav.down': {type: 'move', by: 1},
	'nav.pageUp': {type: 'page', direction: -1},
	'nav.pageDown': {type: 'page', direction: 1},
	'nav.first': {type: 'first'},
	'nav.last': {type: 'last'},
	'pane.open': {type: 'pane.open'},
	'pane.close': {type: 'pane.close'},
	'pane.scrollDown': {type: 'pane.scroll', by: 5},
	'pane.scrollUp': {type: 'pane.scroll', by: -5},
	'filter.start': {type: 'filter.start'},
	'filter.apply': {type: 'filter.apply'},
	'filter.clear': {type: 'filter.clear'},
	'help.toggle': {type: 'help.toggle'},
};

type Apply = (action: ViewAction) => void;

function run(command: CommandId, input: string, view: ViewState, apply: Apply, options: KeymapInputOptions): void {
	const action = command === 'nav.jump' ? ({type: 'jump', row: Number(input)} as const) : viewActions[command];
	if (action) apply(action);
	else if (command === 'probe.now' && view.selectedId !== undefined) {
		const held = heldNotice(options.keyOf(view.selectedId), options.clock());
		if (held) apply({type: 'notice', notice: held});
		else options.monitor.probeNow(view.selectedId);
	}
	else if (command === 'poll.toggle') options.monitor.setPaused(!options.monitor.getSnapshot().paused);
	else if (command === 'key.activate' || command === 'key.backup') {
		const key = view.selectedId === undefined ? undefined : options.keyOf(view.selectedId);
		const notice = runProxyCommand(command, key, options.proxy, options.clock(), !options.remote);
		if (notice) apply({type: 'notice', notice});
	}
	else if (command === 'proxy.toggle') runProxyToggle(options.proxySwitch, options.clock, notice => apply({type: 'notice', notice}));
	else if (command === 'app.quit') options.onQuit();
}

// The filter line's own scope: printable keys are text there, not commands.
function editFilter(input: string, key: Partial<Key>, apply: Apply): void {
	if (key.backspace || key.delete) {
		apply({type: 'filter.backspace'});
		return;
	}
	if (key.ctrl || key.meta || key.tab) return;
	const text = input.replace(controlCharacters, '');
	if (text) apply({type: 'filter.type', text});
}

/**
 * Keys to commands through the keymap, in the scope the view is in, and commands to reducer actions
 * or monitor calls.
 *
 * React 19 renders an update in a microtask, so several keys arriving in one chunk of input (fast
 * typing, key repeat, a paste) are all handled before the next render. Each key therefore sees the
 * view as the keys before it left it: the handler advances its own copy with the same pure reducer it
 * dispatches to, and takes React's state again after every commit. One listener routes by scope; a
 * listener per scope toggled with `isActive` would be re-subscribed only after a render, too late for
 * the letter typed right after `/`.
 */
export function useKeymapInput(options: KeymapInputOptions): void {
	const latest = useRef(options);
	const view = useRef(options.view);
	useLayoutEffect(() => {
		latest.current = options;
		view.current = options.view;
	});
	useInput(
		(chunk: string, chunkKey: Key) => {
			const current = latest.current;
			const apply: Apply = action => {
				view.current = viewReducer(view.current, action);
				current.dispatch(action);
			};
			for (const [input, key] of splitKeys(chunk, chunkKey)) {
				const scope = scopeOf(view.current);
				const command = commandFor(input, key, scope);
				if (command) run(command, input, view.current, apply, current);
				else if (scope === 'filter') editFilter(input, key, apply);
			}
		},
		{isActive: options.isActive ?? true},
	);
}
