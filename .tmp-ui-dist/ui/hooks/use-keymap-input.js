import { useInput } from 'ink';
import { useLayoutEffect, useRef } from 'react';
import { commandFor } from '../keymap.js';
import { scopeOf, viewReducer } from '../state.js';
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;
const viewActions = {
    'nav.up': { type: 'move', by: -1 },
    'nav.down': { type: 'move', by: 1 },
    'nav.pageUp': { type: 'page', direction: -1 },
    'nav.pageDown': { type: 'page', direction: 1 },
    'nav.first': { type: 'first' },
    'nav.last': { type: 'last' },
    'pane.open': { type: 'pane.open' },
    'pane.close': { type: 'pane.close' },
    'filter.start': { type: 'filter.start' },
    'filter.apply': { type: 'filter.apply' },
    'filter.clear': { type: 'filter.clear' },
    'help.toggle': { type: 'help.toggle' },
};
function run(command, input, view, apply, options) {
    const action = command === 'nav.jump' ? { type: 'jump', row: Number(input) } : viewActions[command];
    if (action)
        apply(action);
    else if (command === 'probe.now' && view.selectedId !== undefined)
        options.monitor.probeNow(view.selectedId);
    else if (command === 'poll.toggle')
        options.monitor.setPaused(!options.monitor.getSnapshot().paused);
    else if (command === 'app.quit')
        options.onQuit();
}
// The filter line's own scope: printable keys are text there, not commands.
function editFilter(input, key, apply) {
    if (key.backspace || key.delete) {
        apply({ type: 'filter.backspace' });
        return;
    }
    if (key.ctrl || key.meta || key.tab)
        return;
    const text = input.replace(controlCharacters, '');
    if (text)
        apply({ type: 'filter.type', text });
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
export function useKeymapInput(options) {
    const latest = useRef(options);
    const view = useRef(options.view);
    useLayoutEffect(() => {
        latest.current = options;
        view.current = options.view;
    });
    useInput((input, key) => {
        const current = latest.current;
        const apply = action => {
            view.current = viewReducer(view.current, action);
            current.dispatch(action);
        };
        const scope = scopeOf(view.current);
        const command = commandFor(input, key, scope);
        if (command)
            run(command, input, view.current, apply, current);
        else if (scope === 'filter')
            editFilter(input, key, apply);
    }, { isActive: options.isActive ?? true });
}
