import { useReducer } from 'react';
import { initialViewState, viewReducer } from '../state.js';
/**
 * The view reducer, kept in step with the monitor's rows and with how many rows fit (which depends on
 * the view itself: an open pane leaves fewer). The sync is dispatched during render, React's pattern
 * for state derived from props: React renders again at once, before anything is drawn, so no frame
 * shows a selection that points at a vanished key.
 */
export function useViewState(rows, pageSizeFor) {
    const [state, dispatch] = useReducer(viewReducer, undefined, () => viewReducer(initialViewState, { type: 'sync', rows, pageSize: pageSizeFor({ ...initialViewState, rows }) }));
    const pageSize = Math.max(1, pageSizeFor(state));
    if (state.rows !== rows || state.pageSize !== pageSize)
        dispatch({ type: 'sync', rows, pageSize });
    return [state, dispatch];
}
