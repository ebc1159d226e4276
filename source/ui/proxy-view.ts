import type {FailoverEvent, ProxyControl} from '../app/proxy-control.js';
import {stripControl} from '../secrets/scrub.js';
import type {ProviderId} from '../types.js';
import {formatShortAge} from './format.js';
import {providerLabel} from './key-view.js';

// What the table, the header and the pane read of a running proxy. Read at render time: the view
// re-renders on every tick (5 s when idle, 1 s while something counts seconds: ui/tick.ts), which is as often
// as requests per minute is worth redrawing.

export type {ProxyControl} from '../app/proxy-control.js';

export type ProxyRow = {active: boolean; backup: boolean; requestsPerMinute?: number};

export function proxyRow(proxy: ProxyControl, key: {name: string; provider: ProviderId}): ProxyRow {
	const row: ProxyRow = {active: proxy.active(key.provider) === key.name, backup: proxy.isBackup(key.name)};
	const rate = proxy.requestsPerMinute(key.name);
	if (rate !== undefined) row.requestsPerMinute = rate;
	return row;
}

/** "● " for the active key of its provider, "b " for a backup, blank otherwise: two columns either way. */
export function proxyMarker(row: ProxyRow): string {
	if (row.active) return '● ';
	return row.backup ? 'b ' : '  ';
}

/** "quota exhausted" from "quota_exhausted: Out of credit"; the reason as given when it has no kind. */
function reasonWords(reason: string): string {
	const kind = /^([a-z_]+):/.exec(reason)?.[1];
	return stripControl(kind ? kind.replaceAll('_', ' ') : reason);
}

/** "failover OpenAI: prod → spare (quota exhausted) 2m ago". */
export function failoverText(event: FailoverEvent, now: number): string {
	const ago = formatShortAge(now - event.at);
	return `failover ${providerLabel(event.provider)}: ${stripControl(event.from)} → ${stripControl(event.to)} (${reasonWords(event.reason)}) ${ago} ago`;
}
