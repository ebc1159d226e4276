import type {KeyState, LimitKind, ProviderId, RateWindow, Reading, WindowPeriod} from '../types.js';
import {limitPhrase} from '../diagnosis/limits.js';
import {isKnown} from './format.js';

// What the view derives from a KeyState: which window is tightest, when the next reset is, whether
// the reading is stale. Pure, shared by the table, the header and the detail pane.

export const providerLabels: Record<ProviderId, string> = {
	openai: 'OpenAI',
	anthropic: 'Anthropic',
	gemini: 'Gemini',
	openrouter: 'OpenRouter',
	groq: 'Groq',
	mistral: 'Mistral',
	deepseek: 'DeepSeek',
	xai: 'xAI',
	azure_openai: 'Azure',
	together: 'Together',
	openai_compatible: 'Compatible',
};

export function providerLabel(id: ProviderId): string {
	return providerLabels[id] ?? id;
}

export const REQUEST_KINDS: readonly LimitKind[] = ['requests'];
export const TOKEN_KINDS: readonly LimitKind[] = ['tokens', 'input_tokens', 'output_tokens'];

/** remaining/limit in 0..1, or undefined when either is unknown. */
export function windowFraction(window: RateWindow): number | undefined {
	const {limit, remaining} = window;
	if (!isKnown(limit) || !isKnown(remaining) || limit <= 0) return undefined;
	return Math.min(1, Math.max(0, remaining / limit));
}

/** The window of these kinds with the least left; a window with unknown numbers only when no other. */
export function tightestWindow(windows: readonly RateWindow[], kinds: readonly LimitKind[]): RateWindow | undefined {
	const candidates = windows.filter(w => kinds.includes(w.limitKind));
	let best: RateWindow | undefined;
	let bestFraction = Number.POSITIVE_INFINITY;
	for (const window of candidates) {
		const fraction = windowFraction(window);
		if (fraction !== undefined && fraction < bestFraction) {
			best = window;
			bestFraction = fraction;
		}
	}
	return best ?? candidates.find(w => isKnown(w.remaining) || isKnown(w.limit)) ?? candidates[0];
}

/**
 * The deadline the reset column counts down to: when a LIMITED key clears if the verdict says, else
 * the soonest window reset still ahead. A deadline already passed is returned only when none is ahead.
 */
export function nextReset(key: KeyState, now: number): number | undefined {
	const clearsAt = key.verdict?.clearsAt;
	if (key.status === 'LIMITED' && isKnown(clearsAt) && clearsAt > now) return clearsAt;
	const deadlines = key.windows.map(w => w.resetAt).filter(isKnown);
	if (key.status === 'LIMITED' && isKnown(clearsAt)) deadlines.push(clearsAt);
	const ahead = deadlines.filter(at => at > now);
	if (ahead.length > 0) return Math.min(...ahead);
	return deadlines.length > 0 ? Math.max(...deadlines) : undefined;
}

export function readingAge(key: KeyState, now: number): number | undefined {
	return isKnown(key.checkedAt) ? Math.max(0, now - key.checkedAt) : undefined;
}

/** Older than twice the poll interval: the poller has missed at least one round for this key. */
export function isStale(key: KeyState, now: number, intervalMs: number): boolean {
	const age = readingAge(key, now);
	if (age === undefined || !isKnown(intervalMs) || intervalMs <= 0 || age <= 2 * intervalMs) return false;
	// A key keywatch is deliberately leaving alone (waiting for a reset, a retry-after or its backoff) has its
	// next probe booked in the future: old, but not stale. Paused, stuck or overdue keys have none.
	return !(key.nextProbeAt !== undefined && key.nextProbeAt > now);
}

/**
 * Older than twice the poll interval because keywatch is leaving the key alone on purpose (a reset, a
 * retry-after or its backoff is booked): the age is shown as "held", so it is neither hidden nor called stale.
 */
export function isHeld(key: KeyState, now: number, intervalMs: number): boolean {
	const age = readingAge(key, now);
	if (age === undefined || !isKnown(intervalMs) || intervalMs <= 0 || age <= 2 * intervalMs) return false;
	return key.nextProbeAt !== undefined && key.nextProbeAt > now;
}

/** A reading arrived, yet neither headers, an endpoint nor anything else said how much is left. */
export function hasNoHeadroomData(key: KeyState): boolean {
	return key.checkedAt !== undefined && key.windows.length === 0 && key.credit === undefined;
}

/** Headroom of the tightest window per reading, oldest first; readings without numbers are skipped. */
export function headroomHistory(recent: readonly Reading[]): number[] {
	const values: number[] = [];
	for (const reading of recent) {
		const fractions = reading.windows.map(windowFraction).filter(isKnown);
		if (fractions.length > 0) values.push(Math.min(...fractions));
	}
	return values;
}

/** "tokens per minute": the diagnosis's wording; an unknown kind is named by `fallback` (the window's id). */
export function limitName(kind: LimitKind, period: WindowPeriod = 'unknown', fallback = 'limit'): string {
	if (kind === 'unknown') return period === 'unknown' ? fallback : `${fallback} per ${period}`;
	return limitPhrase(kind, period) ?? fallback;
}

/** "requests per minute", "input tokens per day". */
export function windowName(window: RateWindow): string {
	return limitName(window.limitKind, window.period, window.id);
}
