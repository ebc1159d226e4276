import {DEFAULT_LOW_THRESHOLD, isMoneyUnit, lowParts} from '../diagnosis/working-key.js';
import {stripControl} from '../secrets/scrub.js';
import type {Incident, KeyState, PublishedLimit, RateWindow, WindowPeriod} from '../types.js';
import {bar} from './bars.js';
import {UNKNOWN, formatAge, formatCount, formatDuration, formatMoney, formatShortAge} from './format.js';
import {isHeld, isStale, nextReset, readingAge, windowFraction} from './key-view.js';
import {type ProxyControl, proxyMarker, proxyRow} from './proxy-view.js';
import {formatMoneyShort, rowWhy, sendsNoHeaders, spendLeftText, spendText} from './reasons.js';
import {type Segment, fitLine, textWidth} from './text.js';
import {type Theme, statusStyle} from './theme.js';

// One function per cell of the live table. Each takes the width it gets, so a narrow column shows a
// shorter wording rather than a cut one.

// "1.2k/5.0k" is at most 9 columns; the bar takes what the column has beyond that and a space.
export const COUNT_WIDTH = 9;
export const MIN_BAR = 3;

/** The first wording that fits `width`; the last one (cut by the table) when none does. */
export function fitting(variants: readonly string[], width: number): string {
	return variants.find(text => textWidth(text) <= width) ?? variants.at(-1) ?? '';
}

/**
 * What a headroom count measures beyond the minute most windows are: Groq's requests are per day, Mistral's
 * tokens per month. The check table and the live cells both mark it, so they never read differently.
 */
export function periodSuffix(period: WindowPeriod): string {
	return period === 'day' ? '/d' : period === 'month' ? '/mo' : '';
}

/** "24/500", "14k/14k/d"; "~" in front of an estimate. */
export function countText(window: RateWindow): string {
	const estimate = window.source === 'estimate' ? '~' : '';
	return `${estimate}${formatCount(window.remaining)}/${formatCount(window.limit)}${periodSuffix(window.period)}`;
}

/**
 * remaining/limit and a bar. No window: "no headers" where the provider never sends any (Gemini,
 * DeepSeek), "—" otherwise (not read yet, or the answer was an error).
 */
export function headroomCell(key: KeyState, window: RateWindow | undefined, width: number, theme: Theme, withBar: boolean): Segment[] {
	if (!window) {
		const noHeaders = key.checkedAt !== undefined && sendsNoHeaders(key.provider);
		return [{text: noHeaders ? fitting(['no headers', 'no hdrs'], width) : UNKNOWN, style: theme.text.dim}];
	}
	const fraction = windowFraction(window);
	const full = countText(window);
	const bare = full.slice(0, full.length - periodSuffix(window.period).length);
	const style = fraction === 0 ? theme.bar.empty : fraction !== undefined && fraction < DEFAULT_LOW_THRESHOLD ? theme.bar.low : undefined;
	if (!withBar || width < MIN_BAR + 6) return [{text: fitting([full, bare], width), style}];
	// The count keeps its window mark before the bar grows past its minimum; only a column too narrow for both drops it.
	const countWidth = Math.min(Math.max(COUNT_WIDTH, textWidth(full)), width - MIN_BAR - 1);
	const barWidth = width - countWidth - 1;
	return [...fitLine([{text: fitting([full, bare], countWidth), style}], countWidth, 'right'), {text: ' '}, {text: bar(fraction, barWidth), style: style ?? theme.bar.full}];
}

export function resetCell(key: KeyState, now: number, theme: Theme): Segment {
	const at = nextReset(key, now);
	if (at === undefined) return {text: UNKNOWN, style: theme.text.dim};
	const style = key.status === 'LIMITED' ? theme.status.limited : undefined;
	return at <= now ? {text: 'now', style} : {text: formatDuration(at - now), style};
}

/** "≤$10/10m": a published spend limit of the key's declared tier, for a key with no credit to show. */
function publishedMoney(limit: PublishedLimit): string {
	return `≤${formatMoneyShort(limit.limit, limit.unit)}/${limit.per}`;
}

/** Wordings of the money cell, longest first: credit left, spend against the budget, or a published spend limit. */
export function moneyVariants(key: KeyState): string[] {
	const {credit: c, spend} = key;
	if (c) {
		const estimate = c.source === 'estimate' ? '~' : '';
		if (c.remaining === undefined && c.used !== undefined) return [`${estimate}${formatMoney(c.used, c.currency)} used`];
		return [`${estimate}${formatMoney(c.remaining, c.currency)}`];
	}
	if (spend) {
		const left = spendLeftText(spend);
		return left ? [spendText(spend), left, formatMoney(spend.left, spend.currency)] : [spendText(spend)];
	}
	const spendLimit = key.published?.limits.find(l => isMoneyUnit(l.unit));
	if (spendLimit) return [publishedMoney(spendLimit)];
	return [UNKNOWN];
}

/**
 * The money the cell shows is low by the same rule the status uses (diagnosis' lowParts): under the money floor
 * the key was judged by (--low-balance, or the default for a balance with no limit), or under 10% of its limit
 * or budget. Only the figure the cell shows counts: the credit when there is one, else the spend.
 */
function moneyLow(key: KeyState): boolean {
	const shown = key.credit ? {credit: key.credit} : {spend: key.spend};
	return lowParts({windows: [], ...shown, threshold: DEFAULT_LOW_THRESHOLD, lowBalance: key.lowBalance}).length > 0;
}

export function moneyCell(key: KeyState, width: number, theme: Theme): Segment {
	const variants = moneyVariants(key);
	if (variants[0] === UNKNOWN) return {text: UNKNOWN, style: theme.text.dim};
	// A published limit is a ceiling the provider states, not money the key has: shown dim, never as low.
	if (!key.credit && !key.spend) return {text: fitting(variants, width), style: theme.text.dim};
	return {text: fitting(variants, width), style: moneyLow(key) ? theme.status.low : undefined};
}

export function ageCell(key: KeyState, now: number, intervalMs: number, theme: Theme): Segment {
	if (key.probing) return {text: 'probing', style: theme.text.dim};
	const ms = readingAge(key, now);
	if (ms === undefined) return {text: UNKNOWN, style: theme.text.dim};
	if (isStale(key, now, intervalMs)) return {text: `stale ${formatShortAge(ms)}`, style: theme.text.warning};
	if (isHeld(key, now, intervalMs)) return {text: `held ${formatShortAge(ms)}`, style: theme.text.dim};
	return {text: formatAge(ms), style: theme.text.dim};
}

/** The name, behind the proxy's marker (● active, b backup) when a proxy runs. */
export function nameCell(key: KeyState, proxy: ProxyControl | undefined, theme: Theme): Segment[] {
	const name = {text: stripControl(key.name)};
	if (!proxy) return [name];
	const row = proxyRow(proxy, key);
	return [{text: proxyMarker(row), style: row.active ? theme.text.accent : theme.text.dim}, name];
}

export function rateCell(key: KeyState, proxy: ProxyControl | undefined, theme: Theme): Segment {
	const rate = proxy?.requestsPerMinute(key.name);
	return rate === undefined ? {text: UNKNOWN, style: theme.text.dim} : {text: formatCount(rate), style: rate === 0 ? theme.text.dim : undefined};
}

export function whyCell(key: KeyState, incidents: readonly Incident[] | undefined, theme: Theme): Segment {
	return {text: rowWhy(key, incidents), style: key.status === 'OK' ? theme.text.dim : statusStyle(theme, key.status)};
}
