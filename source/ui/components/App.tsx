import {Box, useApp, useStdin} from 'ink';
import type {ProxySwitch} from '../../app/proxy-switch.js';
import {useKeymapInput} from '../hooks/use-keymap-input.js';
import {type LiveViewInput, useLiveView} from '../hooks/use-live-view.js';
import {useProxySwitch} from '../hooks/use-proxy-switch.js';
import {ThemeContext} from '../hooks/use-theme.js';
import {MIN_COLUMNS, MIN_ROWS} from '../screen-layout.js';
import {scopeOf} from '../state.js';
import {keyTrend} from '../trend.js';
import {DetailPane} from './DetailPane.js';
import {FilterBar} from './FilterBar.js';
import {Footer} from './Footer.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {KeyTable} from './KeyTable.js';
import {TextLine} from './TextLine.js';

export type AppProps = LiveViewInput & {
	/** Called when the user quits, before Ink exits. */
	onQuit?: () => void;
	/** What P starts and stops; the proxy it runs replaces `proxy`. */
	proxySwitch?: ProxySwitch;
};

const NO_KEYS = 'No keys yet. Add one: keywatch add openai --name prod --env OPENAI_API_KEY';

/** The longest way of saying the terminal is too small that fits its width (q still quits). */
function tooSmallText(columns: number): string {
	const need = `${MIN_COLUMNS}×${MIN_ROWS}`;
	const texts = [`terminal too small (need ${need})`, `too small: need ${need}`, `need ${need}`];
	return texts.find(text => text.length <= columns) ?? texts.at(-1)!.slice(0, Math.max(1, columns));
}

/** The live view: header, table (with the detail pane below or beside it), filter line, footer. */
export function App(props: AppProps) {
	const switched = useProxySwitch(props.proxySwitch, props.proxy);
	const live = useLiveView({...props, proxy: switched});
	const {view, layout, selected, snapshot, columns, now, interval, proxy} = live;
	const {exit} = useApp();
	const {isRawModeSupported} = useStdin();
	useKeymapInput({
		view,
		dispatch: live.dispatch,
		monitor: props.monitor,
		isActive: isRawModeSupported,
		proxy,
		proxySwitch: props.proxySwitch,
		remote: props.remote !== undefined,
		keyOf: id => props.monitor.getSnapshot().keys.find(key => key.id === id),
		clock: props.clock ?? Date.now,
		onQuit() {
			props.onQuit?.();
			exit();
		},
	});

	const pane = layout.pane && selected ? {...layout.pane, key: selected} : undefined;
	if (layout.tooSmall) return <TextLine line={[{text: tooSmallText(columns)}]} />;
	return (
		<ThemeContext.Provider value={live.theme}>
			<Box flexDirection="column" width={columns} height={layout.height}>
				<Header {...live.header} maxLines={layout.header} />
				{view.helpOpen ? (
					<HelpOverlay width={columns} height={layout.body} />
				) : (
					<Box flexDirection={pane?.placement === 'beside' ? 'row' : 'column'} height={layout.body} flexShrink={0}>
						<KeyTable
							keys={live.visible}
							selectedIndex={live.index}
							scroll={live.first}
							width={layout.table.width}
							height={layout.table.height}
							now={now}
							intervalMs={interval}
							compact={live.compact}
							proxy={proxy}
							incidents={snapshot.incidents}
							empty={snapshot.keys.length === 0 ? NO_KEYS : `No key matches “${view.filter}”`}
						/>
						{pane ? (
							<DetailPane
								keyState={pane.key}
								trend={keyTrend(props.monitor, pane.key)}
								now={now}
								width={pane.width}
								height={pane.height}
								intervalMs={interval}
								placement={pane.placement}
								incidents={snapshot.incidents?.[pane.key.provider]}
								statusPageError={snapshot.statusPageErrors?.[pane.key.provider]}
								proxy={proxy}
								scroll={view.paneScroll}
							/>
						) : null}
					</Box>
				)}
				{view.filtering || view.filter ? (
					<FilterBar text={view.filter} editing={view.filtering} matches={live.visible.length} total={snapshot.keys.length} width={columns} />
				) : null}
				<Footer
					scope={scopeOf(view)}
					width={columns}
					filterActive={view.filter !== ''}
					paused={snapshot.paused}
					proxy={proxy !== undefined}
					position={live.position}
				/>
			</Box>
		</ThemeContext.Provider>
	);
}
