export const initialViewState = {
    rows: [],
    pageSize: 1,
    selectedId: undefined,
    filter: '',
    filtering: false,
    paneOpen: false,
    helpOpen: false,
    scroll: 0,
};
export function matchesFilter(row, filter) {
    const needle = filter.trim().toLowerCase();
    if (!needle)
        return true;
    const provider = row.provider.toLowerCase();
    return row.name.toLowerCase().includes(needle) || provider.includes(needle) || provider.replaceAll('_', ' ').includes(needle);
}
let memo;
/** Rows the filter lets through, in order. Memoised on (rows, filter): it runs on every render. */
export function filterRows(rows, filter) {
    if (memo?.rows === rows && memo.filter === filter)
        return memo.visible;
    const visible = filter.trim() ? rows.filter(row => matchesFilter(row, filter)) : rows;
    memo = { rows, filter, visible };
    return visible;
}
export function visibleRows(state) {
    return filterRows(state.rows, state.filter);
}
/** Index of the selection among the visible rows; -1 when nothing is visible. */
export function selectedIndex(state) {
    return visibleRows(state).findIndex(row => row.id === state.selectedId);
}
export function scopeOf(state) {
    if (state.helpOpen)
        return 'help';
    if (state.filtering)
        return 'filter';
    if (state.paneOpen)
        return 'pane';
    return 'table';
}
/** The first row to draw so that `index` is on screen, moving as little as possible from `scroll`. */
export function clampScroll(scroll, index, pageSize, count) {
    const page = Math.max(1, pageSize);
    let first = Math.min(Math.max(0, scroll), Math.max(0, count - page));
    if (index >= 0 && index < first)
        first = index;
    if (index >= first + page)
        first = index - page + 1;
    return Math.max(0, first);
}
function selectIndex(state, index) {
    const visible = visibleRows(state);
    if (visible.length === 0)
        return state;
    const clamped = Math.min(Math.max(0, index), visible.length - 1);
    return { ...state, selectedId: visible[clamped]?.id };
}
// Keeps the invariants every action relies on: the selection is a visible row (or none when nothing
// is visible), the pane is open only on a selection, and the selection is scrolled into view.
function normalize(state, previousIndex) {
    const visible = visibleRows(state);
    let { selectedId } = state;
    if (!visible.some(row => row.id === selectedId)) {
        selectedId = visible[Math.min(Math.max(0, previousIndex), visible.length - 1)]?.id;
    }
    const index = visible.findIndex(row => row.id === selectedId);
    const paneOpen = state.paneOpen && selectedId !== undefined;
    const scroll = clampScroll(state.scroll, index, state.pageSize, visible.length);
    if (selectedId === state.selectedId && paneOpen === state.paneOpen && scroll === state.scroll)
        return state;
    return { ...state, selectedId, paneOpen, scroll };
}
function apply(state, action) {
    const index = selectedIndex(state);
    switch (action.type) {
        case 'sync': {
            return { ...state, rows: action.rows, pageSize: Math.max(1, action.pageSize) };
        }
        case 'move': {
            return selectIndex(state, index + action.by);
        }
        case 'page': {
            return selectIndex({ ...state, scroll: state.scroll + action.direction * state.pageSize }, index + action.direction * state.pageSize);
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
            return { ...state, paneOpen: true };
        }
        case 'pane.close': {
            return { ...state, paneOpen: false };
        }
        case 'filter.start': {
            return { ...state, filtering: true, helpOpen: false };
        }
        case 'filter.type': {
            return { ...state, filter: state.filter + action.text };
        }
        case 'filter.backspace': {
            return { ...state, filter: [...state.filter].slice(0, -1).join('') };
        }
        case 'filter.apply': {
            return { ...state, filtering: false };
        }
        case 'filter.clear': {
            return { ...state, filter: '', filtering: false };
        }
        case 'help.toggle': {
            return { ...state, helpOpen: !state.helpOpen };
        }
    }
}
export function viewReducer(state, action) {
    // A selection the filter hides moves to the first match; one whose key was removed falls to the row
    // that took its place.
    const fallback = action.type.startsWith('filter.') ? 0 : Math.max(0, selectedIndex(state));
    return normalize(apply(state, action), fallback);
}
