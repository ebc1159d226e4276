import {stripControl} from '../secrets/scrub.js';
import type {Incident, KeyState, LimitKind, MonitorSnapshot} from '../types.js';
import {formatDuration} from '../ui/format.js';
import {nextReset, REQUEST_KINDS, TOKEN_KINDS, tightestWindow} from '../ui/key-view.js';
import {countText, moneyVariants} from '../ui/key-cells.js';
import {downIncident, lowReason, sendsNoHeaders} from '../ui/reasons.js';

// The same choices as the live view's columns, so `check` and the table never disagree about a key:
// the tightest window of each kind (the one that limits), the deadline the countdown shows, one number format.

function headroom(key: KeyState, kinds: readonly LimitKind[]): string {
	const window = tightestWindow(key.windows, kinds);
	// Gemini and DeepSeek send no rate-limit headers: say so rather than leave a blank.
	if (!window) return key.checkedAt !== undefined && sendsNoHeaders(key.provider) ? 'no headers' : '—';
	return countText(window);
}

function resetIn(key: KeyState, now: number): string {
	const at = nextReset(key, now);
	return at === undefined || at <= now ? '—' : formatDuration(at - now);
}

// The live view's money cell, widest wording: credit left, or spend against the budget with what is left.
function credit(key: KeyState): string {
	const [widest, left] = moneyVariants(key);
	return !key.credit && key.spend && left ? `${widest} (${left})` : (widest ?? '—');
}

/** Nothing for OK; which window is low for LOW; the open incident for DOWN; the verdict's title otherwise. */
function why(key: KeyState, incidents: readonly Incident[] | undefined): string {
	if (key.status === 'OK' || key.status === 'CHECKING') return '';
	const title = stripControl(key.verdict?.title ?? '');
	if (key.status === 'LOW') return lowReason(key) ?? title;
	const incident = downIncident(key, incidents);
	if (!incident) return title;
	return `${title}; incident: ${stripControl(incident.name)}${incident.url ? ` ${stripControl(incident.url)}` : ''}`;
}

/** The plain table `keywatch check` prints: no colour, no cursor movement, safe to pipe. */
export function renderCheckTable(snapshot: MonitorSnapshot, now = Date.now()): string {
	const header = ['NAME', 'PROVIDER', 'STATUS', 'REQUESTS', 'TOKENS', 'RESET', 'CREDIT', 'LATENCY', 'WHY'];
	const rows = snapshot.keys.map(key => [
		key.name,
		key.provider,
		key.status,
		headroom(key, REQUEST_KINDS),
		headroom(key, TOKEN_KINDS),
		resetIn(key, now),
		credit(key),
		key.latencyMs === undefined ? '—' : `${Math.round(key.latencyMs)}ms`,
		why(key, snapshot.incidents?.[key.provider]),
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
	return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
