// When to probe next: pure arithmetic on intervals, jitter, backoff and the deadlines a provider gives.

import type {ProbeKind, RateWindow, Verdict} from '../types.js';

export const SPEND_INTERVAL_MS = 15 * 60_000;
export const BACKOFF_CAP_MS = 15 * 60_000;
/** While every key is unreachable, one canary probe this often (or once per interval, if that is shorter). */
export const OFFLINE_PROBE_MS = 30_000;
/** Keys that need a person (bad key, no billing) are re-checked this many intervals apart. */
export const SLOW_RECHECK_FACTOR = 5;
/** The first round of probes starts this far apart per key (but never spreads past one interval). */
export const FIRST_PROBE_GAP_MS = 250;
/** A deadline further out than this is a unit mix-up, not a reset. */
export const MAX_PROVIDER_HOLD_MS = 32 * 24 * 3_600_000;

export const PROBE_ORDER: readonly ProbeKind[] = ['validity', 'balance', 'headroom', 'spend'];

/** A period stretched or shrunk by up to ±10%, so keys started together drift apart. */
export function jitterFactor(random: () => number): number {
	return 0.9 + 0.2 * clamp01(random());
}

/**
 * Delay before retry after `failures` consecutive failures (1 for the first): the ceiling is
 * min(cap, interval·2^failures), and the delay is drawn from its upper half ("equal jitter"), so a failing key
 * is never retried sooner than its normal interval. Full jitter would let it retry almost at once, which
 * against a struggling provider is exactly the hammering we must avoid.
 */
export function backoffDelay(failures: number, intervalMs: number, random: () => number, capMs = BACKOFF_CAP_MS): number {
	const cap = Math.max(capMs, intervalMs);
	const exponent = Math.min(Math.max(1, failures), 30);
	const ceiling = Math.min(cap, intervalMs * 2 ** exponent);
	return Math.round(ceiling * (0.5 + 0.5 * clamp01(random())));
}

/** The earliest moment the provider allows the next request, from retry-after or a reset it named. */
export function providerDeadline(verdict: Verdict, now: number): number | undefined {
	if (verdict.kind === 'ok') return undefined;
	let deadline: number | undefined;
	const retryAfter = verdict.retryAfterSeconds;
	if (typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter > 0) deadline = now + retryAfter * 1000;
	if (verdict.clears === 'by_itself' && typeof verdict.clearsAt === 'number' && Number.isFinite(verdict.clearsAt)) {
		deadline = Math.max(deadline ?? 0, verdict.clearsAt);
	}
	if (deadline === undefined || deadline <= now) return undefined;
	return Math.min(deadline, now + MAX_PROVIDER_HOLD_MS);
}

/** A window with nothing left and a reset ahead: the probe that reads it would only earn a 429 before then. */
export function exhaustedUntil(windows: readonly RateWindow[], now: number): number | undefined {
	let until: number | undefined;
	for (const w of windows) {
		if (w.remaining !== 0 || w.resetAt === undefined || !Number.isFinite(w.resetAt) || w.resetAt <= now) continue;
		if (w.resetAt - now > MAX_PROVIDER_HOLD_MS) continue;
		until = Math.max(until ?? 0, w.resetAt);
	}
	return until;
}

export type Outcome = 'ok' | 'transient' | 'needs_action';

export function outcomeOf(verdict: Verdict): Outcome {
	if (verdict.kind === 'ok') return 'ok';
	return verdict.clears === 'needs_action' ? 'needs_action' : 'transient';
}

/**
 * Start offsets for a first round of `count` probes: one per gap with jitter inside the gap, squeezed to fit
 * within one interval when there are many keys. A handful of keys all get a reading within a second or two.
 */
export function spreadOffsets(count: number, intervalMs: number, random: () => number, gapMs = FIRST_PROBE_GAP_MS): number[] {
	if (count <= 0) return [];
	const gap = Math.min(gapMs, intervalMs / count);
	return Array.from({length: count}, (_, i) => Math.floor(i * gap + clamp01(random()) * gap));
}

function clamp01(value: number): number {
	if (!Number.isFinite(value)) return 0.5;
	return Math.min(1, Math.max(0, value));
}
