// One probe of one key: build the request, send it under the global bound and a hard deadline, and turn the
// answer into a Reading. Never throws: every failure, including keywatch's own, becomes a verdict.

import type {Transport} from '../net/types.js';
import type {HttpRequest, ProviderAdapter} from '../providers/types.js';
import {sanitize} from '../secrets/scrub.js';
import type {Secret} from '../secrets/secret.js';
import type {Exchange, KeyConfig, KeyFacts, KeyFlag, NetworkFailureKind, ProbeKind, ProviderId, RateWindow, Reading, Verdict} from '../types.js';
import type {Clock} from './clock.js';
import {internalErrorVerdict} from './key-view.js';
import {scrubVerdict} from './scrub-verdict.js';
import type {Semaphore} from './semaphore.js';

/** How long past its own timeout the transport gets before the monitor gives up on it. */
export const SAFETY_GRACE_MS = 2_000;

export type Diagnose = (exchange: Exchange, options?: {windows?: RateWindow[]; now?: number; flags?: KeyFlag[]}) => Verdict;

export type ProbeContext = {
	clock: Clock;
	transport: Transport;
	timeoutMs: number;
	diagnose: Diagnose;
	semaphore: Semaphore;
	stopped(): boolean;
	/**
	 * Called once when the monitor stops: a probe still waiting on the network gives up at once, so stopping (and
	 * what it saves) never waits out a hanging provider's timeout. Returns the function that stops listening.
	 */
	onStop?(listener: () => void): () => void;
};

/** `facts`: what earlier answers said about the key that this request may need (xAI's team id). */
export type ProbeTarget = {config: KeyConfig; adapter: ProviderAdapter; secret: Secret; admin?: Secret; facts?: KeyFacts};

/** `facts`: what this answer said about the key that later requests need. */
export type ProbeResult = {reading: Reading; network: NetworkFailureKind | null; facts?: KeyFacts} | 'not_applicable' | 'stopped';

/** The transport's answer, or a timeout if it breaks its promise to answer within `timeoutMs`. */
export function sendWithDeadline(ctx: ProbeContext, request: HttpRequest, provider: ProviderId): Promise<Exchange> {
	const {clock, timeoutMs} = ctx;
	const sentAt = clock.now();
	return new Promise(resolve => {
		let settled = false;
		let unlisten: (() => void) | undefined;
		const settle = (exchange: Exchange) => {
			if (settled) return;
			settled = true;
			clock.clearTimeout(safety);
			unlisten?.();
			resolve(exchange);
		};
		const failure = (kind: NetworkFailureKind, message: string): Exchange => ({provider, status: null, headers: {}, body: '', network: {kind, message}, at: clock.now(), latencyMs: clock.now() - sentAt});
		const safety = clock.setTimeout(() => settle(failure('timeout', `no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs + SAFETY_GRACE_MS);
		// The request itself is aborted when its owner closes the transport; this only stops waiting for it.
		unlisten = ctx.onStop?.(() => settle(failure('other', 'cancelled: keywatch is stopping')));
		if (settled) {
			unlisten?.();
			return;
		}
		let pending: Promise<Exchange>;
		try {
			pending = Promise.resolve(ctx.transport.send(request, provider, {timeoutMs}));
		} catch (error) {
			pending = Promise.reject(error);
		}
		pending.then(settle, (error: unknown) => settle(failure('other', sanitize(messageOf(error)))));
	});
}

export async function runProbe(ctx: ProbeContext, target: ProbeTarget, kind: ProbeKind): Promise<ProbeResult> {
	const {adapter, config} = target;
	const release = await ctx.semaphore.acquire();
	let exchange: Exchange;
	try {
		if (ctx.stopped()) return 'stopped';
		const request = adapter.request(kind, {
			key: config,
			secret: target.secret.reveal(),
			adminSecret: kind === 'spend' || kind === 'balance' ? target.admin?.reveal() : undefined,
			...(target.facts ? {facts: target.facts} : {}),
		});
		if (!request) return 'not_applicable';
		exchange = await sendWithDeadline(ctx, request, config.provider);
		// An answer (or a cancellation) that lands after stop is not a reading: it would save a false DOWN.
		if (ctx.stopped()) return 'stopped';
	} catch (error) {
		const reading: Reading = {at: ctx.clock.now(), probe: kind, status: null, windows: [], verdict: internalErrorVerdict(sanitize(messageOf(error)), null), source: 'endpoint'};
		return {reading, network: null};
	} finally {
		release();
	}
	const now = ctx.clock.now();
	const network = exchange.network ? exchange.network.kind : null;
	try {
		// Absolute resets (RFC 3339, epoch, HTTP-date retry-after) are stamped by the provider's clock. Read the whole
		// answer against that clock, then move every deadline onto ours: relative ones come out the same either way.
		const skew = clockSkew(exchange, now);
		const theirs = now + skew;
		const decoded = adapter.decode(kind, exchange, theirs);
		const windows = toLocalWindows(decoded.windows ?? [], skew);
		const diagnosed = ctx.diagnose(exchange, decoded.flags ? {windows: decoded.windows ?? [], now: theirs, flags: decoded.flags} : {windows: decoded.windows ?? [], now: theirs});
		const verdict = scrubVerdict(toLocalVerdict(diagnosed, skew));
		const reading: Reading = {at: now, probe: kind, status: exchange.status, windows, verdict, source: windows[0]?.source ?? decoded.credit?.source ?? 'endpoint'};
		if (exchange.latencyMs !== undefined) reading.latencyMs = exchange.latencyMs;
		if (decoded.credit) reading.credit = decoded.credit;
		if (skew !== 0) reading.clockSkewMs = skew;
		return decoded.facts ? {reading, network, facts: decoded.facts} : {reading, network};
	} catch (error) {
		const reading: Reading = {at: now, probe: kind, status: exchange.status, windows: [], verdict: internalErrorVerdict(sanitize(messageOf(error)), exchange.status), source: 'endpoint'};
		if (exchange.latencyMs !== undefined) reading.latencyMs = exchange.latencyMs;
		return {reading, network};
	}
}

/** A provider clock this far from ours (or less) is taken as ours: the Date header has one-second resolution. */
export const CLOCK_SKEW_TOLERANCE_MS = 5_000;
/** A Date header further off than this is not a clock to trust, just a broken header. */
const MAX_CREDIBLE_SKEW_MS = 24 * 3_600_000;

/**
 * How far the provider's clock runs ahead of ours (negative: behind), from the Date header of its answer; 0 when
 * there is none, it is nonsense, or the difference is within tolerance. The header was stamped some time between
 * sending (`receivedAt - latency`) and receipt, and is truncated to the second, so the skew lies in a range; the
 * end of that range nearest zero is taken, so a slow answer never passes for a skewed clock.
 */
export function clockSkew(exchange: Pick<Exchange, 'headers' | 'latencyMs'>, receivedAt: number): number {
	const raw = exchange.headers.date;
	const text = Array.isArray(raw) ? raw[0] : raw;
	if (typeof text !== 'string' || text.length > 64) return 0;
	const date = Date.parse(text);
	if (!Number.isFinite(date)) return 0;
	const latency = typeof exchange.latencyMs === 'number' && Number.isFinite(exchange.latencyMs) ? Math.max(0, exchange.latencyMs) : 0;
	const low = date - receivedAt;
	const high = date + 1000 - (receivedAt - latency);
	const skew = low > CLOCK_SKEW_TOLERANCE_MS ? low : high < -CLOCK_SKEW_TOLERANCE_MS ? high : 0;
	return Math.abs(skew) > MAX_CREDIBLE_SKEW_MS ? 0 : skew;
}

function toLocalWindows(windows: RateWindow[], skew: number): RateWindow[] {
	if (skew === 0) return windows;
	return windows.map(w => (w.resetAt === undefined ? w : {...w, resetAt: w.resetAt - skew}));
}

function toLocalVerdict(verdict: Verdict, skew: number): Verdict {
	if (skew === 0) return verdict;
	const local: Verdict = {...verdict, windows: toLocalWindows(verdict.windows, skew)};
	if (verdict.clearsAt !== undefined) local.clearsAt = verdict.clearsAt - skew;
	return local;
}

export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
