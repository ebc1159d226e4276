import {isMoneyUnit} from '../diagnosis/working-key.js';
import {sanitize, stripControl} from '../secrets/scrub.js';
import type {Credit, Evidence, Incident, KeyState, Provenance, PublishedLimits, RateWindow, Reading, Verdict} from '../types.js';
import {sparkline} from './bars.js';
import {proxyLines, spendLines, statusNoteLines, statusPageLines} from './detail-sections.js';
import {UNKNOWN, formatAge, formatClock, formatDuration, formatInteger, formatLatency, formatMoney} from './format.js';
import {headroomHistory, isHeld, isStale, limitName, providerLabel, readingAge, windowName} from './key-view.js';
import type {ProxyControl} from './proxy-view.js';
import {NO_HEADER_PROVIDERS} from './reasons.js';
import {type Line, type Segment, truncateLine, wrapText} from './text.js';
import {type Theme, statusStyle, statusText} from './theme.js';
import type {KeyTrend} from './trend.js';

// The detail pane as lines of text, built here so its content is tested without Ink and so the pane
// knows its height before drawing. The verdict comes first: on a short screen it is what must show.

export type DetailOptions = {
	now: number;
	width: number;
	theme: Theme;
	intervalMs: number;
	/** The monitor's longer history and forecasts, when it keeps them. */
	trend?: KeyTrend;
	/** Cap on each block of prose (why, each fix step, the message), so a short pane still reaches the fix. */
	proseLines?: number;
	/** Open incidents on the key's provider's status page. */
	incidents?: readonly Incident[];
	/** Why the provider's status page could not be read, when it could not. */
	statusPageError?: string;
	/** The in-process proxy, when one runs. */
	proxy?: ProxyControl;
};

const INDENT = '  ';
const MAX_READINGS = 5;

function provenance(source: Provenance): string {
	if (source === 'traffic') return 'from proxied traffic';
	// The provider's published figure for a declared tier: a ceiling, never a count of what is left.
	if (source === 'published') return 'published limit';
	return source === 'estimate' ? 'estimate' : `from ${source}`;
}

function capped(lines: string[], limit = Number.POSITIVE_INFINITY): string[] {
	if (lines.length <= limit) return lines;
	return [...lines.slice(0, Math.max(1, limit) - 1), `${lines[Math.max(1, limit) - 1] ?? ''} …`];
}

function prose(text: string, width: number, indent = INDENT, style?: Segment['style'], limit?: number): Line[] {
	return capped(wrapText(sanitize(text), width - indent.length - 2), limit).map(part => [{text: indent + part, style}]);
}

function deadline(at: number | undefined, now: number): string {
	if (at === undefined) return '';
	return at > now ? `${formatClock(at)} (in ${formatDuration(at - now)})` : `${formatClock(at)} (passed)`;
}

function evidenceLines(evidence: Evidence, width: number, theme: Theme, limit?: number): Line[] {
	const label = (name: string, value: string): Line[] =>
		prose(value, width, INDENT + ' '.repeat(12), undefined, limit).map((line, index) =>
			index === 0 ? [{text: INDENT + name.padEnd(12), style: theme.text.dim}, {text: line[0]?.text.trimStart() ?? ''}] : line,
		);
	const http = evidence.status === null ? 'no HTTP answer' : `HTTP ${evidence.status}`;
	const lines: Line[] = [[{text: INDENT}, {text: [http, evidence.errorType, evidence.errorCode].filter(Boolean).map(s => sanitize(String(s))).join(' · ')}]];
	if (evidence.network) lines.push(...label('Network', evidence.network));
	if (evidence.message) lines.push(...label('Message', evidence.message));
	if (evidence.requestId) lines.push(...label('Request id', evidence.requestId));
	for (const [name, value] of Object.entries(evidence.headers)) lines.push(...label('Header', `${name}: ${value}`));
	if (evidence.incident) lines.push(...label('Incident', [evidence.incident.name, evidence.incident.url].filter(Boolean).join(' ')));
	return lines;
}

function verdictLines(verdict: Verdict, {width, theme, proseLines}: DetailOptions): Line[] {
	const heading = (text: string): Line => [{text, style: theme.text.heading}];
	const lines: Line[] = [heading('Why'), ...prose(verdict.why, width, INDENT, undefined, proseLines)];
	if (verdict.candidates && verdict.candidates.length > 0) lines.push(...prose(`Could also be: ${verdict.candidates.join(', ')}`, width, INDENT, theme.text.dim));
	// No heading over nothing: a verdict without steps (a plain working key) shows none.
	if (verdict.fix.length > 0) lines.push(heading('How to fix'));
	for (const [index, step] of verdict.fix.entries()) {
		const number = `${INDENT}${index + 1}. `;
		const wrapped = capped(wrapText(sanitize(step), width - number.length - 2), proseLines);
		for (const [n, part] of wrapped.entries()) lines.push([{text: (n === 0 ? number : ' '.repeat(number.length)) + part}]);
	}
	lines.push(heading('Evidence'), ...evidenceLines(verdict.evidence, width, theme, proseLines));
	if (verdict.limit) lines.push([{text: 'Limit hit  ', style: theme.text.dim}, {text: limitName(verdict.limit, verdict.window)}]);
	return lines;
}

function clearsLine(verdict: Verdict, now: number, theme: Theme): Line {
	if (verdict.clears === 'needs_action') {
		// A cap that resets far away (a monthly spend cap) needs action to work sooner, but is not forever.
		const reset = verdict.clearsAt === undefined ? 'this will not clear by itself' : `or wait for the reset at ${deadline(verdict.clearsAt, now)}`;
		return [{text: 'Needs action: ', style: theme.text.warning}, {text: reset}];
	}
	const when =
		verdict.clearsAt === undefined
			? verdict.retryAfterSeconds === undefined
				? ''
				: ` after ~${formatDuration(verdict.retryAfterSeconds * 1000)}`
			: ` at ${deadline(verdict.clearsAt, now)}`;
	return [{text: 'Clears by itself', style: theme.status.ok}, {text: when}];
}

/** When a window or a balance runs out at the current pace, keyed by the name its line shows. */
type Forecasts = ReadonlyMap<string, number>;

/** The burn-rate forecast (at the pace of the recent samples), right after the provider's figure it extrapolates. */
function forecastSegment(forecasts: Forecasts, subject: string, now: number, theme: Theme): Segment[] {
	const at = forecasts.get(subject);
	if (at === undefined || at <= now) return [];
	// "estimate" first: a line cut to the pane width keeps the label even when it loses the figure.
	return [{text: ` · estimate: runs out in ~${formatDuration(at - now)}`, style: theme.text.warning}];
}

function windowLine(window: RateWindow, nameWidth: number, now: number, theme: Theme, forecasts: Forecasts): Line {
	const left = `${formatInteger(window.remaining)} of ${formatInteger(window.limit)} left`;
	const resets = window.resetAt === undefined ? '' : `  resets ${deadline(window.resetAt, now)}`;
	return [
		{text: `${INDENT}${windowName(window).padEnd(nameWidth)}  `},
		{text: left},
		{text: resets},
		{text: `  ${provenance(window.source)}`, style: window.source === 'estimate' ? theme.text.warning : theme.text.dim},
		// A limit read from an error body (Gemini's 429 QuotaFailure) is named by the provider's quota id.
		...(window.source === 'body' ? [{text: ` · ${stripControl(window.id)}`, style: theme.text.dim}] : []),
		...forecastSegment(forecasts, windowName(window), now, theme),
	];
}

function creditLine(credit: Credit, theme: Theme, floor?: number, forecast: Segment[] = []): Line {
	const parts = [`${formatMoney(credit.remaining, credit.currency)} left`];
	if (credit.limit !== undefined) parts.push(`of ${formatMoney(credit.limit, credit.currency)}`);
	if (credit.used !== undefined) parts.push(`· used ${formatMoney(credit.used, credit.currency)}`);
	return [
		{text: `${INDENT}${stripControl(credit.label ?? 'credit')}: `},
		{text: parts.join(' ')},
		{text: `  ${provenance(credit.source)}`, style: credit.source === 'estimate' ? theme.text.warning : theme.text.dim},
		...(floor === undefined ? [] : [{text: ` · LOW under ${formatMoney(floor, credit.currency)}`, style: theme.text.dim}]),
		...forecast,
	];
}

/** Usage today, this week and this month (OpenRouter's /key), and every currency of a balance (DeepSeek). */
function creditDetailLines(credit: Credit, theme: Theme): Line[] {
	const lines: Line[] = [];
	const {usage} = credit;
	if (usage) {
		const periods: Array<[string, number | undefined]> = [
			['today', usage.day],
			['this week', usage.week],
			['this month', usage.month],
		];
		const known = periods.filter(([, amount]) => amount !== undefined).map(([name, amount]) => `${name} ${formatMoney(amount, credit.currency)}`);
		if (known.length > 0) lines.push([{text: `${INDENT}${INDENT}usage: `, style: theme.text.dim}, {text: known.join(' · ')}]);
	}
	for (const balance of credit.balances ?? []) {
		const parts = [`${formatMoney(balance.remaining, balance.currency)} left`];
		if (balance.granted !== undefined) parts.push(`granted ${formatMoney(balance.granted, balance.currency)}`);
		if (balance.toppedUp !== undefined) parts.push(`topped up ${formatMoney(balance.toppedUp, balance.currency)}`);
		lines.push([{text: `${INDENT}${INDENT}${stripControl(balance.currency).padEnd(4)}`, style: theme.text.dim}, {text: parts.join(' · ')}]);
	}
	return lines;
}

/** The key's credit (the row's figure), the account's pool beside a key's own limit, and their details. */
function creditLines(key: KeyState, theme: Theme, now: number, forecasts: Forecasts): Line[] {
	const lines: Line[] = [];
	const forecast = key.credit ? forecastSegment(forecasts, key.credit.label ?? 'credit', now, theme) : [];
	if (key.credit) lines.push(creditLine(key.credit, theme, key.accountCredit ? undefined : key.lowBalance, forecast), ...creditDetailLines(key.credit, theme));
	if (key.accountCredit) lines.push(creditLine(key.accountCredit, theme), ...creditDetailLines(key.accountCredit, theme));
	return lines.length > 0 ? [[{text: 'Credit', style: theme.text.heading}], ...lines] : [];
}

/** The provider's published limits for the tier the user declared: where no headers tell, what the provider says. */
function publishedLines(published: PublishedLimits | undefined, width: number, theme: Theme): Line[] {
	if (!published) return [];
	const lines: Line[] = [[{text: `${INDENT}published for tier ${stripControl(published.tier)}`, style: theme.text.dim}]];
	const labelWidth = Math.max(0, ...published.limits.map(limit => limit.label.length));
	for (const limit of published.limits) {
		const amount = isMoneyUnit(limit.unit) ? formatMoney(limit.limit, limit.unit) : `${formatInteger(limit.limit)} ${limit.unit}`;
		lines.push([
			{text: `${INDENT}${INDENT}${limit.label.padEnd(labelWidth)}  `},
			{text: `up to ${amount}`},
			{text: `  ${provenance(limit.source)} · ${stripControl(limit.ref)}`, style: theme.text.dim},
		]);
	}
	if (published.note) lines.push(...prose(published.note, width, INDENT + INDENT, theme.text.dim));
	return lines;
}

function readingLine(reading: Reading, theme: Theme): Line {
	const http = reading.status === null ? 'no answer' : `HTTP ${reading.status}`;
	return [
		{text: `${INDENT}${formatClock(reading.at)}  `},
		{text: http.padEnd(10)},
		{text: formatLatency(reading.latencyMs).padStart(6)},
		// An answer the proxy passed on, not a probe keywatch sent.
		{text: `  ${reading.source === 'traffic' ? 'proxied' : reading.probe}  ${reading.verdict.kind}`, style: theme.text.dim},
		...(reading.source === 'estimate' ? [{text: '  estimate', style: theme.text.warning}] : []),
	];
}

function trendLines(key: KeyState, {width, theme, trend}: DetailOptions): Line[] {
	const lines: Line[] = [];
	const history = trend && trend.history.length > 1 ? trend.history : headroomHistory(key.recent);
	if (history.length > 1) {
		const shown = Math.min(history.length, width - INDENT.length);
		lines.push(
			[{text: 'Trend', style: theme.text.heading}, {text: `  headroom of the tightest window, last ${shown} samples`, style: theme.text.dim}],
			[{text: INDENT + sparkline(history, shown), style: theme.text.accent}],
		);
	}
	return lines;
}

/**
 * When the newest answer failed, the windows and credit shown are what an earlier answer said: say how old
 * they are, so a number the provider gave minutes ago is not read as current (reliability-notes #14).
 */
function keptValuesLines(key: KeyState, now: number, theme: Theme): Line[] {
	const latest = key.recent.at(-1);
	if (!latest || latest.verdict.kind === 'ok' || (key.windows.length === 0 && key.credit === undefined)) return [];
	const good = [...key.recent].reverse().find(reading => reading.verdict.kind === 'ok' && (reading.windows.length > 0 || reading.credit !== undefined));
	const when = good ? `the last good reading, ${formatAge(now - good.at)}` : 'an earlier reading';
	return [[{text: `${INDENT}Kept from ${when}: the newest answer failed, so these figures may be out of date`, style: theme.text.warning}]];
}

/**
 * The provider's clock as its newest answer measured it, when the probe found it off by more than its tolerance
 * and read the absolute resets on it (reliability-notes #28). Answers the proxy passed on are not measured.
 */
function clockSkewLines(key: KeyState, theme: Theme): Line[] {
	const answer = [...key.recent].reverse().find(reading => reading.status !== null && reading.source !== 'traffic');
	const skew = answer?.clockSkewMs;
	if (skew === undefined || !Number.isFinite(skew) || skew === 0) return [];
	const seconds = Math.round(Math.abs(skew) / 1000);
	const way = skew > 0 ? 'ahead of' : 'behind';
	return [[{text: `${INDENT}provider clock is ${formatInteger(seconds)} s ${way} this machine; resets are read on the provider's clock`, style: theme.text.warning}]];
}

/** Everything the pane can show for `key`, one entry per line, each cut to `width`. */
export function detailLines(key: KeyState, options: DetailOptions): Line[] {
	const {now, width, theme, intervalMs} = options;
	const heading = (text: string): Line => [{text, style: theme.text.heading}];
	const age = readingAge(key, now);
	const title = sanitize(key.verdict?.title ?? (key.status === 'CHECKING' ? 'No reading yet' : ''));
	const lines: Line[] = [
		[
			{text: stripControl(key.name), style: theme.text.heading},
			{text: ` · ${providerLabel(key.provider)} · ${sanitize(key.masked)} · `},
			{text: stripControl(key.secretSource), style: theme.text.dim},
		],
		[
			{text: statusText(key.status), style: statusStyle(theme, key.status)},
			{text: title ? `  ${title}` : ''},
			{text: age === undefined ? '' : `  · checked ${formatAge(age)}`, style: isStale(key, now, intervalMs) ? theme.text.warning : theme.text.dim},
			// Why an old reading is not stale: the next probe is booked for later, on purpose.
			{text: isHeld(key, now, intervalMs) && key.nextProbeAt !== undefined ? ` · next probe ${deadline(key.nextProbeAt, now)}` : '', style: theme.text.dim},
		],
	];
	lines.push(...statusNoteLines(key, options.incidents, theme));
	// Whether it clears by itself goes right under the title: on a short screen it must not be cut off.
	if (key.status !== 'OK' && key.verdict) lines.push(clearsLine(key.verdict, now, theme), ...verdictLines(key.verdict, options));
	lines.push(...statusPageLines(key, options.incidents, options.statusPageError, width, theme));
	lines.push(...proxyLines(key, options.proxy, width, theme));
	lines.push(heading('Windows'));
	if (key.windows.length === 0) {
		const note = NO_HEADER_PROVIDERS[key.provider];
		lines.push([{text: `${INDENT}${note ? `none: ${note}` : 'none reported yet'}`, style: theme.text.dim}]);
	}
	lines.push(...keptValuesLines(key, now, theme));
	const forecasts: Forecasts = new Map((options.trend?.forecasts ?? []).map(f => [f.subject, f.exhaustedAt]));
	const nameWidth = Math.max(0, ...key.windows.map(window => windowName(window).length));
	for (const window of key.windows) lines.push(windowLine(window, nameWidth, now, theme, forecasts));
	lines.push(...publishedLines(key.published, width, theme));
	lines.push(...creditLines(key, theme, now, forecasts));
	lines.push(...spendLines(key.spend, theme));
	lines.push(heading('Readings'));
	lines.push(...clockSkewLines(key, theme));
	const readings = key.recent.slice(-MAX_READINGS).reverse();
	if (readings.length === 0) lines.push([{text: `${INDENT}${UNKNOWN}`, style: theme.text.dim}]);
	for (const reading of readings) lines.push(readingLine(reading, theme));
	lines.push(...trendLines(key, options));
	return lines.map(line => truncateLine(line, width));
}
