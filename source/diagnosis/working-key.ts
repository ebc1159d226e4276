// A key that works can still need attention: LOW (a window or the credit nearly used up) deserves the
// same Why / How to fix / Evidence / Clears as a denial, and an OK read from the free probe alone must
// say what it could not see. Pure: the monitor hands in the key's reading, gets a verdict back.
import type {Credit, ProviderId, RateWindow, Spend, Verdict} from '../types.js';
import {limitPhrase} from './limits.js';
import {fill} from './wording.js';

/** LOW when less than this fraction of a window, a credit limit or a budget is left, unless the user set `--low`. */
export const DEFAULT_LOW_THRESHOLD = 0.1;
/**
 * Whether a credit's currency or a published limit's unit is money: a three-letter ISO 4217 code ("USD"),
 * not a count like "tokens" or "requests".
 */
export function isMoneyUnit(unit: string): boolean {
	return /^[A-Z]{3}$/.test(unit);
}
/**
 * Money left under which a balance with no limit is LOW when the user set no `--low-balance`: a fraction
 * needs a limit to be a fraction of, and "LOW only at zero" warns too late to top up.
 */
export const DEFAULT_LOW_BALANCE = 5;

export type LowPart =
	| {what: 'window'; share: number; window: RateWindow}
	| {what: 'credit'; share?: number; credit: Credit; floor?: number}
	| {what: 'spend'; share: number; spend: Spend};

export type Headroom = {windows: readonly RateWindow[]; credit?: Credit; spend?: Spend; threshold?: number; lowBalance?: number};

/**
 * The money floor `credit` is held to: the user's `--low-balance` for any money credit, else the default
 * for a balance with no limit. None for token quotas (Mistral's monthly tokens), which the fraction judges.
 */
export function balanceFloor(credit: Credit, lowBalance?: number): number | undefined {
	if (!isMoneyUnit(credit.currency)) return undefined;
	if (lowBalance !== undefined && Number.isFinite(lowBalance) && lowBalance >= 0) return lowBalance;
	return credit.limit === undefined ? DEFAULT_LOW_BALANCE : undefined;
}

function share(remaining: number | undefined, limit: number | undefined): number | undefined {
	if (remaining === undefined || limit === undefined) return undefined;
	if (!Number.isFinite(remaining) || !Number.isFinite(limit) || limit <= 0 || remaining < 0) return undefined;
	return remaining / limit;
}

function thresholdOf(threshold: number | undefined): number {
	return threshold !== undefined && Number.isFinite(threshold) ? threshold : DEFAULT_LOW_THRESHOLD;
}

/** What makes a working key LOW, tightest first; [] when nothing does. */
export function lowParts({windows, credit, spend, threshold, lowBalance}: Headroom): LowPart[] {
	const limit = thresholdOf(threshold);
	const parts: LowPart[] = [];
	for (const window of Array.isArray(windows) ? windows : []) {
		const s = share(window.remaining, window.limit);
		if (s !== undefined && s < limit) parts.push({what: 'window', share: s, window});
	}
	if (credit) {
		const s = share(credit.remaining, credit.limit);
		const floor = balanceFloor(credit, lowBalance);
		if (s !== undefined && s < limit) parts.push({what: 'credit', share: s, credit});
		else if (floor !== undefined && credit.remaining !== undefined && Number.isFinite(credit.remaining) && credit.remaining < floor) parts.push({what: 'credit', credit, floor});
		// A balance with no cap to compare against is low only when nothing is left.
		else if (s === undefined && credit.limit === undefined && credit.remaining !== undefined && Number.isFinite(credit.remaining) && credit.remaining <= 0) {
			parts.push({what: 'credit', credit});
		}
	}
	if (spend?.budget !== undefined && spend.budget > 0 && spend.left !== undefined && Number.isFinite(spend.left)) {
		const s = Math.max(0, spend.left) / spend.budget;
		if (s < limit) parts.push({what: 'spend', share: s, spend});
	}
	return parts.sort((a, b) => (a.share ?? 0) - (b.share ?? 0));
}

const percent = (s: number | undefined) => (s === undefined ? '' : ` (${Math.round(s * 1000) / 10}%)`);
// Grouped like the pane's own figures ("1,491 of 30,000"), so the why and the window lines read alike.
const count = (n: number | undefined) => (n === undefined ? '?' : n.toLocaleString('en-US', {maximumFractionDigits: Number.isInteger(n) ? 0 : 2, minimumFractionDigits: Number.isInteger(n) ? 0 : 2}));
const money = (n: number | undefined, currency: string) => `${count(n)} ${currency}`;
const clock = (at: number) => `${new Date(at).toISOString().slice(11, 19)} UTC`;

function windowName(w: RateWindow): string {
	return limitPhrase(w.limitKind, w.period) ?? w.id;
}

function partText(part: LowPart): string {
	if (part.what === 'window') {
		const w = part.window;
		const reset = w.resetAt === undefined ? '' : `, resets at ${clock(w.resetAt)}`;
		return `${windowName(w)}: ${count(w.remaining)} of ${count(w.limit)} left${percent(part.share)}${reset}`;
	}
	if (part.what === 'credit') {
		const c = part.credit;
		const label = c.label ?? 'credit';
		if (part.floor !== undefined) return `${label}: ${money(c.remaining, c.currency)} left, under the ${money(part.floor, c.currency)} LOW floor (--low-balance)`;
		return c.limit === undefined ? `${label}: ${money(c.remaining, c.currency)} left` : `${label}: ${money(c.remaining, c.currency)} of ${money(c.limit, c.currency)} left${percent(part.share)}`;
	}
	const s = part.spend;
	return `spend this month: ${money(s.used, s.currency)} of your ${money(s.budget, s.currency)} budget used, ${money(s.left, s.currency)} left${percent(part.share)}`;
}

function titleOf(tightest: LowPart): string {
	if (tightest.what === 'window') return `Low headroom: ${count(tightest.window.remaining)} of ${count(tightest.window.limit)} ${windowName(tightest.window)} left`;
	if (tightest.what === 'credit') return tightest.credit.limit === undefined && (tightest.credit.remaining ?? 0) <= 0 ? 'Credit used up' : 'Credit running low';
	return 'Monthly budget nearly spent';
}

/**
 * The LOW explanation for a working key: `verdict` stays `ok` (the key is accepted), with why, fix and
 * clears filled in from what is low. Undefined when nothing is low or the verdict is not `ok`.
 */
export function explainLow(provider: ProviderId, verdict: Verdict, headroom: Headroom): Verdict | undefined {
	if (verdict.kind !== 'ok') return undefined;
	const parts = lowParts(headroom);
	const tightest = parts[0];
	if (!tightest) return undefined;
	const threshold = Math.round(thresholdOf(headroom.threshold) * 100);
	const windows = parts.filter((p): p is Extract<LowPart, {what: 'window'}> => p.what === 'window');
	const needsMoney = parts.some(p => p.what !== 'window');
	const why = [
		`The key works, but ${parts.length === 1 ? 'this is' : 'these are'} ${parts.some(p => p.share !== undefined) ? `under ${threshold}% left` : 'running low'}: ${parts.map(partText).join('; ')}.`,
	];
	if (windows.length > 0) why.push('Requests past a rate limit get a 429 until its window resets.');
	if (parts.some(p => p.what === 'credit')) why.push('When the credit reaches zero every request fails, and it does not come back by waiting.');
	const fix: string[] = [];
	if (windows.length > 0) {
		const first = windows[0]?.window;
		const reset = first?.resetAt === undefined ? 'the window resets' : `the window resets at ${clock(first.resetAt)}`;
		fix.push(
			`Slow down or spread the load until ${reset}: fewer or smaller requests, batching, or backoff in the apps that share this key (limits usually count per organisation or project, not per key).`,
			'Raise the limit: see your limits at {limits}; a higher usage tier (often unlocked by adding credit at {billing}) raises them.',
		);
	}
	if (parts.some(p => p.what === 'credit')) {
		fix.push('Add credit or raise the cap at {billing} before it runs out (turn on auto-recharge if the provider offers it).', 'See what is using it at {usage}.');
	}
	if (parts.some(p => p.what === 'spend')) {
		fix.push('See what is spending it at {usage}; if the spend is expected, raise the budget in the key settings (settings.budget).');
	}
	const out: Verdict = {
		...verdict,
		title: titleOf(tightest),
		why: fill(why.join(' '), provider),
		fix: fix.map(step => fill(step, provider)),
		// Money does not come back by itself before a billing cycle; a window does at its reset.
		clears: needsMoney ? 'needs_action' : 'by_itself',
	};
	delete out.clearsAt;
	delete out.retryAfterSeconds;
	const resetAt = tightest.what === 'window' ? tightest.window.resetAt : undefined;
	if (!needsMoney && resetAt !== undefined && Number.isFinite(resetAt)) out.clearsAt = resetAt;
	return out;
}

/** Why the headroom probe has not spoken: turned off (--no-spend), or not run yet. */
export type HeadroomProbe = 'off' | 'pending';

/**
 * An OK read only from the free probe (it lists models or reads key info) proves the key is accepted,
 * nothing more: a key with no credit or no rate-limit room passes it too. Say what was not seen.
 */
export function explainFreeProbeOnly(provider: ProviderId, verdict: Verdict, headroom: {windows: readonly RateWindow[]; credit?: Credit; probe: HeadroomProbe}): Verdict {
	if (verdict.kind !== 'ok') return verdict;
	const unseen = [...(headroom.credit ? [] : ['credit']), ...(headroom.windows.length > 0 ? [] : ['rate limits'])];
	if (unseen.length === 0) return verdict;
	const reason = headroom.probe === 'off' ? 'headroom probes are off for this key (--no-spend)' : 'no headroom probe has run yet';
	const what = unseen.join(' and ');
	return {
		...verdict,
		title: 'Key accepted (free probe only)',
		why: fill(
			`${verdict.why} Only the free probe spoke, which shows the key is accepted: ${what} ${what === 'credit' ? 'is' : 'are'} not visible without a headroom probe, and ${reason}. A key with no credit left or no rate-limit room can still pass it.`,
			provider,
		),
		fix: [fill(headroom.probe === 'off' ? `Check ${unseen.includes('credit') ? 'the balance at {billing} and ' : ''}the limits at {limits}, or allow headroom probes (drop --no-spend) to have keywatch watch them.` : 'Wait for the headroom probe; keywatch sends it shortly.', provider)],
	};
}
