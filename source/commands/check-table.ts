import {stripControl} from '../secrets/scrub.js';
import type {Incident, KeyState, MonitorSnapshot, RateWindow} from '../types.js';
import {downIncident, lowReason, sendsNoHeaders, spendLeftText, spendText} from '../ui/reasons.js';

const compact = (n: number | undefined): string => {
	if (n === undefined || !Number.isFinite(n)) return '—';
	if (n >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
	if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
	if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
	return String(Math.round(n));
};

function headroom(key: KeyState, kind: 'requests' | 'tokens'): string {
	const {windows} = key;
	const window = windows.find(w => w.limitKind === kind && w.period !== 'month') ?? windows.find(w => w.limitKind === kind);
	// Gemini and DeepSeek send no rate-limit headers: say so rather than leave a blank.
	if (!window) return key.checkedAt !== undefined && sendsNoHeaders(key.provider) ? 'no headers' : '—';
	return `${compact(window.remaining)}/${compact(window.limit)}${window.period === 'day' ? '/d' : ''}`;
}

function resetIn(windows: RateWindow[], now: number): string {
	const soonest = windows.map(w => w.resetAt).filter((t): t is number => t !== undefined && t > now).sort((a, b) => a - b)[0];
	if (soonest === undefined) return '—';
	const s = Math.ceil((soonest - now) / 1000);
	return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function credit(key: KeyState): string {
	const c = key.credit;
	if (c?.remaining !== undefined) {
		const amount = c.currency === 'USD' ? `$${c.remaining.toFixed(2)}` : `${compact(c.remaining)} ${c.currency}`;
		return c.source === 'estimate' ? `~${amount}` : amount;
	}
	// Spend against the budget (an admin key reads it): "$12.30 of $500 ($487.70 left)".
	if (key.spend) {
		const left = spendLeftText(key.spend);
		return left ? `${spendText(key.spend)} (${left})` : spendText(key.spend);
	}
	return '—';
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
		headroom(key, 'requests'),
		headroom(key, 'tokens'),
		resetIn(key.windows, now),
		credit(key),
		key.latencyMs === undefined ? '—' : `${Math.round(key.latencyMs)}ms`,
		why(key, snapshot.incidents?.[key.provider]),
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
	return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
