import {sanitize, stripControl} from '../secrets/scrub.js';
import {STATUSES, type MonitorSnapshot, type Status} from '../types.js';
import {formatClock, formatInterval, formatShortAge} from './format.js';
import {isStale} from './key-view.js';
import {type Line, type Segment, lineWidth, truncateLine, wrapText} from './text.js';
import {type Theme, statusLabels, statusStyle} from './theme.js';

// The header as lines, pure: the app needs its height for the layout before anything is drawn.

export const DEMO_BANNER =
	'Demo: fake provider on 127.0.0.1 — add a real key with `keywatch add openai --name prod --env OPENAI_API_KEY`';
export const OFFLINE_BANNER = 'Offline: no provider answered the last round — check the network; keywatch keeps retrying';

export type HeaderProps = {
	snapshot: MonitorSnapshot;
	now: number;
	width: number;
	intervalMs: number;
	demo?: boolean;
	compact?: boolean;
	/** The `serve` URL this view reads from, in remote mode. */
	remote?: string;
	/** Start-up warnings (e.g. config folder permissions), one line each. */
	warnings?: readonly string[];
	/** When the last alert fired, epoch ms. */
	lastAlertAt?: number;
};

function counts(snapshot: MonitorSnapshot): Array<[Status, number]> {
	const tally = new Map<Status, number>();
	for (const key of snapshot.keys) tally.set(key.status, (tally.get(key.status) ?? 0) + 1);
	return STATUSES.filter(status => tally.has(status)).map(status => [status, tally.get(status) ?? 0]);
}

function joinWith(parts: Segment[][], separator: string): Segment[] {
	return parts.flatMap((part, index) => (index === 0 ? part : [{text: separator}, ...part]));
}

// The same facts in two lengths; the long one names every status, the short one keeps the symbols.
function statusLine({snapshot, now, width, intervalMs, remote, lastAlertAt}: HeaderProps, theme: Theme): Segment[] {
	const tally = counts(snapshot);
	const stale = snapshot.keys.filter(key => isStale(key, now, intervalMs)).length;
	const variant = (long: boolean): Segment[] => {
		const parts: Segment[][] = [[{text: 'keywatch', style: theme.text.heading}, {text: ` ${formatClock(now)}`}]];
		const tallies = tally.map(([status, count]): Segment => {
			const {symbol, word} = statusLabels[status];
			return {text: long ? `${symbol} ${word} ${count}` : `${symbol}${count}`, style: statusStyle(theme, status)};
		});
		parts.push(tallies.length > 0 ? joinWith(tallies.map(t => [t]), long ? '  ' : ' ') : [{text: 'no keys', style: theme.text.dim}]);
		const polling = long ? `● polling every ${formatInterval(intervalMs)}` : `● ${formatInterval(intervalMs)}`;
		parts.push(snapshot.paused ? [{text: '‖ paused', style: theme.text.warning}] : [{text: polling, style: theme.text.dim}]);
		if (remote) parts.push([{text: long ? `remote ${stripControl(remote)}` : 'remote', style: theme.text.dim}]);
		if (stale > 0) parts.push([{text: `${stale} stale`, style: theme.text.warning}]);
		if (lastAlertAt !== undefined) {
			const ago = formatShortAge(now - lastAlertAt);
			parts.push([{text: long ? `last alert ${formatClock(lastAlertAt)} (${ago} ago)` : `alert ${ago} ago`, style: theme.text.dim}]);
		}
		return joinWith(parts, long ? '  │  ' : ' │ ');
	};
	const long = variant(true);
	return lineWidth(long) <= width ? long : truncateLine(variant(false), width);
}

/** The header's lines: the status line, then the demo and offline banners when they apply. */
export function headerLines(props: HeaderProps, theme: Theme): Line[] {
	const lines: Line[] = [statusLine(props, theme)];
	if (props.demo || props.snapshot.demo) {
		const wrapped = props.compact ? [DEMO_BANNER] : wrapText(DEMO_BANNER, props.width);
		for (const text of wrapped) lines.push(truncateLine([{text, style: theme.text.accent}], props.width));
	}
	if (props.snapshot.offline) {
		const text = `▼ ${OFFLINE_BANNER}`;
		for (const part of props.compact ? [text] : wrapText(text, props.width)) lines.push(truncateLine([{text: part, style: theme.status.down}], props.width));
	}
	for (const warning of props.warnings ?? []) lines.push(truncateLine([{text: `! ${sanitize(warning)}`, style: theme.text.warning}], props.width));
	return lines;
}
