import {useState} from 'react';
import type {MonitorApi} from '../../monitor/types.js';
import type {KeyState} from '../../types.js';
import {type HeaderProps, headerLines} from '../header-lines.js';
import type {ProxyControl} from '../proxy-view.js';
import {type ScreenLayout, screenLayout} from '../screen-layout.js';
import {type ViewState, clampScroll, currentNotice, filterRows} from '../state.js';
import {statusPageAnnouncement} from '../status-page-notice.js';
import {type Theme, themeFor} from '../theme.js';
import {IDLE_TICK_MS, tickMs} from '../tick.js';
import {type AlertsSource, useLastAlert} from './use-last-alert.js';
import {useMonitor} from './use-monitor.js';
import {useNow} from './use-now.js';
import {useProxy} from './use-proxy.js';
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
	/** The proxy running in this process, when `settings.proxy.enabled` started one. */
	proxy?: ProxyControl;
};

export type LiveView = ReturnType<typeof useLiveView>;

const DEFAULT_INTERVAL_MS = 60_000;

/** Everything the live view draws, derived in one place: the monitor's data, the view state, the layout. */
export function useLiveView({monitor, intervalMs, demo, compact = false, noColor, clock = Date.now, remote, warnings, alerts, proxy}: LiveViewInput) {
	const snapshot = useMonitor(monitor);
	const lastAlertAt = useLastAlert(alerts);
	const proxyVersion = useProxy(proxy);
	const [everyMs, setEveryMs] = useState(IDLE_TICK_MS);
	const now = useNow(clock, everyMs);
	const {columns, rows} = useTerminalSize();
	const theme: Theme = themeFor(noColor);
	const interval = snapshot.intervalMs || intervalMs || DEFAULT_INTERVAL_MS;
	// A remote monitor knows why its serve cannot be read; a local one has no such method.
	const remoteError = remote ? (monitor as {lastError?: () => string | undefined}).lastError?.() : undefined;
	const base: HeaderProps = {snapshot, now, width: columns, intervalMs: interval, demo, compact, remote, warnings, lastAlertAt, ...(remoteError ? {remoteError} : {})};
	if (proxy) base.proxy = {url: proxy.url, lastFailover: proxy.lastFailover()};
	// The header's height depends on the notice, which lives in the view state: measured per state.
	const headerFor = (state: ViewState): HeaderProps => ({...base, notice: currentNotice(state, now)});
	const layoutFor = (state: ViewState): ScreenLayout =>
		screenLayout({
			columns,
			rows,
			compact,
			headerHeight: headerLines(headerFor(state), theme).length,
			paneOpen: state.paneOpen,
			filterBar: state.filtering || state.filter !== '',
			rowCount: filterRows(snapshot.keys, state.filter).length,
		});
	const [view, dispatch] = useViewState(snapshot.keys, state => layoutFor(state).table.height - 1);
	// Dispatched while rendering, like the row sync: React renders again before anything is drawn.
	const announcement = statusPageAnnouncement(snapshot, view.announced, now);
	if (announcement) dispatch(announcement);
	const header = headerFor(view);
	const layout = layoutFor(view);
	const visible = filterRows(snapshot.keys, view.filter);
	// Derived while rendering (React renders again at once): the tick follows what is on screen.
	const wantedTick = tickMs(visible, now, view.paneOpen);
	if (wantedTick !== everyMs) setEveryMs(wantedTick);
	const index = visible.findIndex(key => key.id === view.selectedId);
	const selected: KeyState | undefined = visible[index];
	const pageSize = Math.max(1, layout.table.height - 1);
	const first = clampScroll(view.scroll, index, pageSize, visible.length);
	const position = visible.length > pageSize ? `${first + 1}–${Math.min(first + pageSize, visible.length)} of ${visible.length}` : undefined;
	return {snapshot, now, columns, theme, interval, header, view, dispatch, layout, visible, index, selected, first, position, compact, proxy, proxyVersion};
}
