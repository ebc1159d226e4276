import type {FailoverEvent} from '../app/proxy-control.js';
import {sanitize, stripControl} from '../secrets/scrub.js';
import {PROVIDER_IDS, STATUSES, type Incident, type MonitorSnapshot, type Status} from '../types.js';
import {formatClock, formatInterval, formatShortAge} from './format.js';
import {isStale, providerLabel} from './key-view.js';
import {failoverText} from './proxy-view.js';
import {mainIncident, shortUrl} from './reasons.js';
import type {Notice} from './state.js';
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
	/** Remote mode: why the serve cannot be read right now (it, not the providers, is what is missing). */
	remoteError?: string;
	/** Start-up warnings (e.g. config folder permissions), one line each. */
	warnings?: readonly string[];
	/** When the last alert fired, epoch ms. */
	lastAlertAt?: number;
	/** The in-process proxy: its URL and the last time it moved traffic to a backup. */
	proxy?: {url: string; lastFailover?: FailoverEvent};
	/** A fresh one-line message (what a keypress did, a status page that cannot be read). */
	notice?: Notice;
};

/** Banner lines for incidents; past this many providers the rest share one line. */
const MAX_INCIDENT_LINES = 3;

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
		const parts: Segment[][] = [[{text: 'keywatch', style: theme.text.heading}, {text: ` ${formatClock(now, {seconds: false})}`}]];
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

function proxyLine({proxy, now, width}: HeaderProps, theme: Theme): Line | undefined {
	if (!proxy) return undefined;
	const line: Segment[] = [{text: '⇄ proxy ', style: theme.text.dim}, {text: stripControl(proxy.url), style: theme.text.accent}];
	if (proxy.lastFailover) line.push({text: '  │  '}, {text: failoverText(proxy.lastFailover, now), style: theme.text.warning});
	return truncateLine(line, width);
}

function incidentText(provider: string, incidents: readonly Incident[]): string {
	const shown = mainIncident(incidents);
	if (!shown) return '';
	const more = incidents.length > 1 ? `, +${incidents.length - 1} more` : '';
	const link = shown.url ? ` ${shortUrl(shown.url)}` : '';
	return `⚠ ${provider}: ${stripControl(shown.name)} (${shown.impact}${more})${link}`;
}

/** One banner per provider with open incidents on its status page, in provider order. */
function incidentLines({snapshot, width}: HeaderProps, theme: Theme): Line[] {
	const open = PROVIDER_IDS.flatMap(provider => {
		const incidents = snapshot.incidents?.[provider];
		return Array.isArray(incidents) && incidents.length > 0 ? [{provider, incidents}] : [];
	});
	const styleOf = (incidents: readonly Incident[]) =>
		incidents.some(i => i.impact === 'major' || i.impact === 'critical') ? theme.status.down : theme.text.warning;
	const fits = open.length <= MAX_INCIDENT_LINES;
	const lines = (fits ? open : open.slice(0, MAX_INCIDENT_LINES - 1)).map(({provider, incidents}) =>
		truncateLine([{text: incidentText(providerLabel(provider), incidents), style: styleOf(incidents)}], width),
	);
	if (!fits) {
		const rest = open.slice(MAX_INCIDENT_LINES - 1);
		lines.push(truncateLine([{text: `⚠ ${rest.length} more providers have open incidents: ${rest.map(r => providerLabel(r.provider)).join(', ')}`, style: theme.text.warning}], width));
	}
	return lines;
}

/** The header's lines: the status line, the proxy, incidents, the demo and offline banners, warnings, a notice. */
export function headerLines(props: HeaderProps, theme: Theme): Line[] {
	const lines: Line[] = [statusLine(props, theme)];
	const proxy = proxyLine(props, theme);
	if (proxy) lines.push(proxy);
	lines.push(...incidentLines(props, theme));
	if (props.demo || props.snapshot.demo) {
		const wrapped = props.compact ? [DEMO_BANNER] : wrapText(DEMO_BANNER, props.width);
		for (const text of wrapped) lines.push(truncateLine([{text, style: theme.text.accent}], props.width));
	}
	if (props.snapshot.offline) {
		const text = props.remoteError ? `▼ ${sanitize(props.remoteError)}; showing the last state it sent, retrying` : `▼ ${OFFLINE_BANNER}`;
		for (const part of props.compact ? [text] : wrapText(text, props.width)) lines.push(truncateLine([{text: part, style: theme.status.down}], props.width));
	} else if (props.remoteError) {
		// A serve that answers but refuses control, or sends items this version cannot read: said, not hidden.
		lines.push(truncateLine([{text: `! ${sanitize(props.remoteError)}`, style: theme.text.warning}], props.width));
	}
	for (const warning of props.warnings ?? []) lines.push(truncateLine([{text: `! ${sanitize(warning)}`, style: theme.text.warning}], props.width));
	if (props.notice) {
		const {text, tone} = props.notice;
		lines.push(truncateLine([{text: `${tone === 'warning' ? '!' : '»'} ${sanitize(text)}`, style: tone === 'warning' ? theme.text.warning : theme.text.accent}], props.width));
	}
	return lines;
}
