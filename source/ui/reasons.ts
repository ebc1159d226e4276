import {stripControl} from '../secrets/scrub.js';
import type {Incident, KeyState, ProviderId, Spend} from '../types.js';
import {formatInteger, formatMoney, isKnown} from './format.js';
import {windowFraction, windowName} from './key-view.js';

// The words a row and `keywatch check` give for a key: why it is LOW, which incident a DOWN key is
// caught in, and what a provider without rate-limit headers leaves to show. Pure, shared by both.

/**
 * Providers that send no rate-limit headers at all (each adapter's blind spots say so; a test keeps this
 * table and `describeProbes()` in step). Others that show no window are just not known yet, or failed.
 */
export const NO_HEADER_PROVIDERS: Partial<Record<ProviderId, string>> = {
	gemini: 'Gemini sends no rate-limit headers; a limit shows here once a 429 names it',
	deepseek: 'DeepSeek sends no rate-limit headers and publishes no rate limits',
};

export function sendsNoHeaders(provider: ProviderId): boolean {
	return NO_HEADER_PROVIDERS[provider] !== undefined;
}

/** "$500" rather than "$500.00": budgets are round numbers, and the credit column is narrow. */
export function formatMoneyShort(amount: number | undefined, currency: string): string {
	return formatMoney(amount, currency).replace(/\.00(?=$|\s)/, '');
}

/** "$12.30 of $500", "$12.30 used" (no budget set). */
export function spendText(spend: Spend): string {
	if (isKnown(spend.budget)) return `${formatMoney(spend.used, spend.currency)} of ${formatMoneyShort(spend.budget, spend.currency)}`;
	return `${formatMoney(spend.used, spend.currency)} used`;
}

/** "$487.70 left", or undefined without a budget. */
export function spendLeftText(spend: Spend): string | undefined {
	return isKnown(spend.left) ? `${formatMoney(spend.left, spend.currency)} left` : undefined;
}

type Tight = {fraction: number; text: string};

function creditTight(key: KeyState): Tight | undefined {
	const credit = key.credit;
	if (!credit || !isKnown(credit.remaining)) return undefined;
	const label = stripControl(credit.label ?? 'credit');
	if (isKnown(credit.limit) && credit.limit > 0) {
		const fraction = Math.max(0, credit.remaining / credit.limit);
		return {fraction, text: `${label} ${formatMoney(credit.remaining, credit.currency)} of ${formatMoneyShort(credit.limit, credit.currency)} left`};
	}
	// A balance with no cap is low only when nothing is left (as the status rules say).
	return credit.remaining <= 0 ? {fraction: 0, text: `${label} ${formatMoney(credit.remaining, credit.currency)} left`} : undefined;
}

function spendTight(spend: Spend | undefined): Tight | undefined {
	if (!spend || !isKnown(spend.budget) || spend.budget <= 0 || !isKnown(spend.left)) return undefined;
	return {fraction: Math.max(0, spend.left / spend.budget), text: `budget ${formatMoney(spend.left, spend.currency)} of ${formatMoneyShort(spend.budget, spend.currency)} left`};
}

/**
 * What made a key LOW: the window, credit or budget with the least left, e.g. "requests per minute
 * 24/500 left". Whatever the threshold, the tightest one is under it when anything is.
 */
export function lowReason(key: KeyState): string | undefined {
	const candidates: Tight[] = [];
	for (const window of key.windows) {
		const fraction = windowFraction(window);
		if (fraction !== undefined) candidates.push({fraction, text: `${windowName(window)} ${formatInteger(window.remaining)}/${formatInteger(window.limit)} left`});
	}
	for (const tight of [creditTight(key), spendTight(key.spend)]) if (tight) candidates.push(tight);
	if (candidates.length === 0) return undefined;
	return candidates.reduce((a, b) => (b.fraction < a.fraction ? b : a)).text;
}

/** The first major or critical incident, else the first (as the status-page decorator picks). */
export function mainIncident(incidents: readonly Incident[] | undefined): Incident | undefined {
	if (!incidents || incidents.length === 0) return undefined;
	return incidents.find(i => i.impact === 'major' || i.impact === 'critical') ?? incidents[0];
}

/** The incident a DOWN key is caught in: the one its verdict names, else an open one of its provider. */
export function downIncident(key: KeyState, incidents?: readonly Incident[]): {name: string; url?: string} | undefined {
	if (key.status !== 'DOWN') return undefined;
	const named = key.verdict?.evidence.incident;
	if (named) return named;
	const open = mainIncident(incidents);
	return open ? (open.url ? {name: open.name, url: open.url} : {name: open.name}) : undefined;
}

/** "status.claude.com/incidents/x": a link as short as it can be and still be typed. */
export function shortUrl(url: string): string {
	return stripControl(url).replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** One phrase for the row: nothing for OK, the low window for LOW, the incident for DOWN, else the verdict's title. */
export function rowWhy(key: KeyState, incidents?: readonly Incident[]): string {
	if (key.status === 'OK' || key.status === 'CHECKING') return '';
	if (key.status === 'LOW') return lowReason(key) ?? stripControl(key.verdict?.title ?? '');
	const incident = downIncident(key, incidents);
	if (incident) return `incident: ${stripControl(incident.name)}${incident.url ? ` ${shortUrl(incident.url)}` : ''}`;
	return stripControl(key.verdict?.title ?? '');
}
