import {Box, useApp, useStdin} from 'ink';
import type {MonitorApi} from '../../monitor/types.js';
import {type AlertsSource, useLastAlert} from '../hooks/use-last-alert.js';
import {useKeymapInput} from '../hooks/use-keymap-input.js';
import {useMonitor} from '../hooks/use-monitor.js';
import {useNow} from '../hooks/use-now.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {ThemeContext} from '../hooks/use-theme.js';
import {useViewState} from '../hooks/use-view-state.js';
import {screenLayout} from '../screen-layout.js';
import {type ViewState, clampScroll, filterRows, scopeOf} from '../state.js';
import {themeFor} from '../theme.js';
import {keyTrend} from '../trend.js';
import {DetailPane} from './DetailPane.js';
import {FilterBar} from './FilterBar.js';
import {Footer} from './Footer.js';
import {Header, type HeaderProps, headerLines} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {KeyTable} from './KeyTable.js';

export type AppProps = {
	monitor: MonitorApi;
	/** Fallback poll interval for stale marking when the snapshot does not carry one. */
	intervalMs?: number;
	demo?: boolean;
	compact?: boolean;
	noColor?: boolean;
	/** Injected in tests; Date.now otherwise. */
	clock?: () => number;
	/** Called when the user quits, before Ink exits. */
	onQuit?: () => void;
	/** Remote mode: the `serve` URL, shown in the header. */
	remote?: string;
	warnings?: readonly string[];
	/** The alerter, for "last alert" in the header. */
	alerts?: AlertsSource;
};

const NO_KEYS = 'No keys yet. Add one: keywatch add openai --name prod --env OPENAI_API_KEY';

export function App({monitor, intervalMs, demo, compact = false, noColor, clock = Date.now, onQuit, remote, warnings, alerts}: AppProps) {
	const snapshot = useMonitor(monitor);
	const lastAlertAt = useLastAlert(alerts);
	const now = useNow(clock);
	const {columns, rows} = useTerminalSize();
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	const theme = themeFor(noColor);
	const interval = snapshot.intervalMs || intervalMs || 60_000;
	const header: HeaderProps = {snapshot, now, width: columns, intervalMs: interval, demo, compact, remote, warnings, lastAlertAt};
	const headerHeight = headerLines(header, theme).length;
	const layoutFor = (view: ViewState) =>
		screenLayout({
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
	return (
		<ThemeContext.Provider value={theme}>
			<Box flexDirection="column" width={columns} height={layout.height}>
				<Header {...header} />
				{view.helpOpen ? (
					<HelpOverlay width={columns} height={layout.body} />
				) : (
					<Box flexDirection={pane?.placement === 'beside' ? 'row' : 'column'} height={layout.body} flexShrink={0}>
						<KeyTable
							keys={visible}
							selectedIndex={index}
							scroll={first}
							width={layout.table.width}
							height={layout.table.height}
							now={now}
							intervalMs={interval}
							compact={compact}
							empty={snapshot.keys.length === 0 ? NO_KEYS : `No key matches “${view.filter}”`}
						/>
						{pane && selected ? (
							<DetailPane
								keyState={selected}
								trend={keyTrend(monitor, selected)}
								now={now}
								width={pane.width}
								height={pane.height}
								intervalMs={interval}
								placement={pane.placement}
							/>
						) : null}
					</Box>
				)}
				{view.filtering || view.filter ? (
					<FilterBar text={view.filter} editing={view.filtering} matches={visible.length} total={snapshot.keys.length} width={columns} />
				) : null}
				<Footer
					scope={scopeOf(view)}
					width={columns}
					filterActive={view.filter !== ''}
					paused={snapshot.paused}
					position={scrolled ? `${first + 1}–${Math.min(first + pageSize, visible.length)} of ${visible.length}` : undefined}
				/>
			</Box>
		</ThemeContext.Provider>
	);
}
