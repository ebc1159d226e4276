import {type Key, useInput} from 'ink';
import type {Dispatch} from 'react';
import type {MonitorApi} from '../../monitor/types.js';
import {type CommandId, commandFor} from '../keymap.js';
import {type ViewAction, type ViewState, scopeOf} from '../state.js';

export type KeymapInputOptions = {
	view: ViewState;
	dispatch: Dispatch<ViewAction>;
	monitor: MonitorApi;
	paused: boolean;
	/** The key R probes. */
	selectedId: string | undefined;
	onQuit: () => void;
	/** False when stdin cannot be put in raw mode (not a terminal). */
	isActive?: boolean;
};

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;

function run(command: CommandId, input: string, options: KeymapInputOptions): void {
	const {dispatch, monitor} = options;
	const actions: Partial<Record<CommandId, ViewAction>> = {
		'nav.up': {type: 'move', by: -1},
		'nav.down': {type: 'move', by: 1},
		'nav.pageUp': {type: 'page', direction: -1},
		'nav.pageDown': {type: 'page', direction: 1},
		'nav.first': {type: 'first'},
		'nav.last': {type: 'last'},
		'nav.jump': {type: 'jump', row: Number(input)},
		'pane.open': {type: 'pane.open'},
		'pane.close': {type: 'pane.close'},
		'filter.start': {type: 'filter.start'},
		'filter.apply': {type: 'filter.apply'},
		'filter.clear': {type: 'filter.clear'},
		'help.toggle': {type: 'help.toggle'},
	};
	const action = actions[command];
	if (action) {
		dispatch(action);
		return;
	}
	if (command === 'probe.now' && options.selectedId !== undefined) monitor.probeNow(options.selectedId);
	if (command === 'poll.toggle') monitor.setPaused(!options.paused);
	if (command === 'app.quit') options.onQuit();
}

/**
 * Keys to commands (through the keymap) and commands to reducer actions or monitor calls. The filter
 * line's text entry is a second input scope, active only while the filter is being typed.
 */
export function useKeymapInput(options: KeymapInputOptions): void {
	const {view, dispatch, isActive = true} = options;
	const scope = scopeOf(view);

	useInput(
		(input: string, key: Key) => {
			const command = commandFor(input, key, scope);
			if (command) run(command, input, options);
		},
		{isActive},
	);

	useInput(
		(input: string, key: Key) => {
			if (key.backspace || key.delete) {
				dispatch({type: 'filter.backspace'});
				return;
			}
			if (key.ctrl || key.meta || key.return || key.escape || key.tab) return;
			const text = input.replace(controlCharacters, '');
			if (text) dispatch({type: 'filter.type', text});
		},
		{isActive: isActive && scope === 'filter'},
	);
}
