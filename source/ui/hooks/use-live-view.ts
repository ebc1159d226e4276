import type {MonitorApi} from '../../monitor/types.js';
import type {KeyState} from '../../types.js';
import {type HeaderProps, headerLines} from '../header-lines.js';
import {type ScreenLayout, screenLayout} from '../screen-layout.js';
import {type ViewState, clampScroll, filterRows} from '../state.js';
import {type Theme, themeFor} from '../theme.js';
import {type AlertsSource, useLastAlert} from './use-last-alert.js';
import {useMonitor} from './use-monitor.js';
import {useNow} from './use-now.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useViewState} from './use-view-state.js';

export type LiveViewInput = {
	monitor: MonitorApi;
	intervalMs?: number;
	demo?: boolean;
	compact?: boolean;
	noColor?: boolean;
	clock?: () => number;
	remote?: string;
	warnings?: readonly string[];
	alerts?: AlertsSource;
};

export type LiveView = ReturnType<typeof useLiveView>;

const DEFAULT_INTERVAL_MS = 60_000;

/** Everything the live view draws, derived in one place: the monitor's data, the view state, the layout. */
export function useLiveView({monitor, intervalMs, demo, compact = false, noColor, clock = Date.now, remote, warnings, alerts}: LiveViewInput) {
	const snapshot = useMonitor(monitor);
	const lastAlertAt = useLastAlert(alerts);
	const now = useNow(clock);
	const {columns, rows} = useTerminalSize();
	const theme: Theme = themeFor(noColor);
	const interval = snapshot.intervalMs || intervalMs || DEFAULT_INTERVAL_MS;
	const header: HeaderProps = {snapshot, now, width: columns, intervalMs: interval, demo, compact, remote, warnings, lastAlertAt};
	const headerHeight = headerLines(header, theme).length;
	const layoutFor = (state: ViewState): ScreenLayout =>
		screenLayout({
			columns,
			rows,
			compact,
			headerHeight,
			paneOpen: state.paneOpen,
			filterBar: state.filtering || state.filter !== '',
			rowCount: filterRows(snapshot.keys, state.filter).length,
		});
	const [view, dispatch] = useViewState(snapshot.keys, state => layoutFor(state).table.height - 1);
	const layout = layoutFor(view);
	const visible = filterRows(snapshot.keys, view.filter);
	const index = visible.findIndex(key => key.id === view.selectedId);
	const selected: KeyState | undefined = visible[index];
	const pageSize = Math.max(1, layout.table.height - 1);
	const first = clampScroll(view.scroll, index, pageSize, visible.length);
	const position = visible.length > pageSize ? `${first + 1}–${Math.min(first + pageSize, visible.length)} of ${visible.length}` : undefined;
	return {snapshot, now, columns, theme, interval, header, view, dispatch, layout, visible, index, selected, first, position, compact};
}
