import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Box, useApp, useStdin } from 'ink';
import { useLastAlert } from '../hooks/use-last-alert.js';
import { useKeymapInput } from '../hooks/use-keymap-input.js';
import { useMonitor } from '../hooks/use-monitor.js';
import { useNow } from '../hooks/use-now.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { ThemeContext } from '../hooks/use-theme.js';
import { useViewState } from '../hooks/use-view-state.js';
import { screenLayout } from '../screen-layout.js';
import { clampScroll, filterRows, scopeOf } from '../state.js';
import { themeFor } from '../theme.js';
import { keyTrend } from '../trend.js';
import { DetailPane } from './DetailPane.js';
import { FilterBar } from './FilterBar.js';
import { Footer } from './Footer.js';
import { Header, headerLines } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { KeyTable } from './KeyTable.js';
const NO_KEYS = 'No keys yet. Add one: keywatch add openai --name prod --env OPENAI_API_KEY';
export function App({ monitor, intervalMs, demo, compact = false, noColor, clock = Date.now, onQuit, remote, warnings, alerts }) {
    const snapshot = useMonitor(monitor);
    const lastAlertAt = useLastAlert(alerts);
    const now = useNow(clock);
    const { columns, rows } = useTerminalSize();
    const { exit } = useApp();
    const { isRawModeSupported } = useStdin();
    const theme = themeFor(noColor);
    const interval = snapshot.intervalMs || intervalMs || 60_000;
    const header = { snapshot, now, width: columns, intervalMs: interval, demo, compact, remote, warnings, lastAlertAt };
    const headerHeight = headerLines(header, theme).length;
    const layoutFor = (view) => screenLayout({
        columns,
        rows,
        compact,
        headerHeight,
        paneOpen: view.paneOpen,
        filterBar: view.filtering || view.filter !== '',
        rowCount: filterRows(snapshot.keys, view.filter).length,
    });
    const [view, dispatch] = useViewState(snapshot.keys, state => layoutFor(state).table.height - 1);
    const layout = layoutFor(view);
    const visible = filterRows(snapshot.keys, view.filter);
    const index = visible.findIndex(key => key.id === view.selectedId);
    const selected = visible[index];
    const pageSize = Math.max(1, layout.table.height - 1);
    const first = clampScroll(view.scroll, index, pageSize, visible.length);
    const scrolled = visible.length > pageSize;
    useKeymapInput({
        view,
        dispatch,
        monitor,
        isActive: isRawModeSupported,
        onQuit() {
            onQuit?.();
            exit();
        },
    });
    const pane = layout.pane && selected ? layout.pane : undefined;
    return (_jsx(ThemeContext.Provider, { value: theme, children: _jsxs(Box, { flexDirection: "column", width: columns, height: layout.height, children: [_jsx(Header, { ...header }), view.helpOpen ? (_jsx(HelpOverlay, { width: columns, height: layout.body })) : (_jsxs(Box, { flexDirection: pane?.placement === 'beside' ? 'row' : 'column', height: layout.body, flexShrink: 0, children: [_jsx(KeyTable, { keys: visible, selectedIndex: index, scroll: first, width: layout.table.width, height: layout.table.height, now: now, intervalMs: interval, compact: compact, empty: snapshot.keys.length === 0 ? NO_KEYS : `No key matches “${view.filter}”` }), pane && selected ? (_jsx(DetailPane, { keyState: selected, trend: keyTrend(monitor, selected), now: now, width: pane.width, height: pane.height, intervalMs: interval, placement: pane.placement })) : null] })), view.filtering || view.filter ? (_jsx(FilterBar, { text: view.filter, editing: view.filtering, matches: visible.length, total: snapshot.keys.length, width: columns })) : null, _jsx(Footer, { scope: scopeOf(view), width: columns, filterActive: view.filter !== '', paused: snapshot.paused, position: scrolled ? `${first + 1}–${Math.min(first + pageSize, visible.length)} of ${visible.length}` : undefined })] }) }));
}
