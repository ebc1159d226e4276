// Test doubles for the monitor: a fake clock that counts its timers, a scriptable transport that counts
// requests in flight, and stub adapter/diagnose/statusOf so these tests depend on no other layer.

import type {Clock} from '../../source/monitor/clock.js';
import type {Transport} from '../../source/net/types.js';
import type {HttpRequest, ProbeSpec, ProviderAdapter} from '../../source/providers/types.js';
import type {Credit, Exchange, KeyConfig, ProbeKind, ProviderId, RateWindow, Status, Verdict} from '../../source/types.js';

type Timer = {id: number; at: number; fn: () => void};

/**
 * Timers run on a monotonic clock; `now()` is the wall clock, which `stepWall` can move on its own, the way an
 * NTP step or a manual change does.
 */
export class FakeClock implements Clock {
	#mono = 0;
	#wallOffset: number;
	#seq = 0;
	readonly #timers = new Map<number, Timer>();

	constructor(start = Date.UTC(2026, 0, 5, 12, 0, 0)) {
		this.#wallOffset = start;
	}

	now(): number {
		return this.#mono + this.#wallOffset;
	}

	setTimeout(fn: () => void, ms: number): unknown {
		const id = ++this.#seq;
		this.#timers.set(id, {id, at: this.#mono + Math.max(0, ms), fn});
		return id;
	}

	clearTimeout(handle: unknown): void {
		this.#timers.delete(handle as number);
	}

	/** What `advance` waits for after each timer; by default the pending promise chains (`flush`). */
	settle: () => Promise<void> = flush;

	get pending(): number {
		return this.#timers.size;
	}

	/**
	 * The process was stopped (Ctrl-Z, a frozen VM, a blocked event loop): both clocks move on, and every timer
	 * that came due meanwhile fires late, all at once, at the next `advance`.
	 */
	suspend(ms: number): void {
		this.#mono += ms;
	}

	/** The wall clock is stepped (NTP, a manual change); timers are unaffected. */
	stepWall(ms: number): void {
		this.#wallOffset += ms;
	}

	/** Run every timer due within `ms`, in order, letting `settle` finish after each. */
	async advance(ms: number): Promise<void> {
		const target = this.#mono + ms;
		await this.settle();
		for (;;) {
			let next: Timer | undefined;
			for (const timer of this.#timers.values()) {
				if (timer.at <= target && (!next || timer.at < next.at || (timer.at === next.at && timer.id < next.id))) next = timer;
			}
			if (!next) break;
			this.#timers.delete(next.id);
			this.#mono = Math.max(this.#mono, next.at);
			next.fn();
			await this.settle();
		}
		this.#mono = target;
		await this.settle();
	}
}

/**
 * Let every pending promise chain run (the fake transport and env secrets need no real I/O). Node runs the
 * nextTick queue only once the microtask queue is empty, so this resumes after every chain has settled,
 * without a trip round the event loop per timer.
 */
export async function flush(): Promise<void> {
	await new Promise<void>(resolve => process.nextTick(resolve));
}

export type SentRequest = {at: number; key: string; kind: ProbeKind; secret: string};
export type Reply = Partial<Exchange> | ((request: SentRequest) => Partial<Exchange> | undefined);

/**
 * A transport whose answers the test scripts per key name. Stub adapter URLs look like http://fake/<key>/<kind>.
 * `latencyMs` delays answers on the fake clock; `hold` keeps them pending until released by the test.
 */
export class FakeTransport implements Transport {
	readonly requests: SentRequest[] = [];
	inFlight = 0;
	maxInFlight = 0;
	readonly inFlightPerKey = new Map<string, number>();
	maxInFlightPerKey = 0;
	latencyMs = 0;
	hold = false;
	closed = false;
	readonly #held: Array<() => void> = [];
	readonly #replies = new Map<string, Reply>();
	#fallback: Reply = {status: 200};

	constructor(readonly clock: FakeClock) {}

	reply(key: string, reply: Reply): void {
		this.#replies.set(key, reply);
	}

	replyAll(reply: Reply): void {
		this.#replies.clear();
		this.#fallback = reply;
	}

	releaseAll(): void {
		for (const release of this.#held.splice(0)) release();
	}

	countFor(key: string, kind?: ProbeKind): number {
		return this.requests.filter(r => r.key === key && (kind === undefined || r.kind === kind)).length;
	}

	timesFor(key: string, kind?: ProbeKind): number[] {
		return this.requests.filter(r => r.key === key && (kind === undefined || r.kind === kind)).map(r => r.at);
	}

	async send(request: HttpRequest, provider: ProviderId): Promise<Exchange> {
		const [, , , key = '', kind = 'validity'] = request.url.split('/');
		const sent: SentRequest = {at: this.clock.now(), key, kind: kind as ProbeKind, secret: (request.headers.authorization ?? '').replace(/^Bearer /, '')};
		this.requests.push(sent);
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		const perKey = (this.inFlightPerKey.get(key) ?? 0) + 1;
		this.inFlightPerKey.set(key, perKey);
		this.maxInFlightPerKey = Math.max(this.maxInFlightPerKey, perKey);
		try {
			if (this.hold) await new Promise<void>(resolve => this.#held.push(resolve));
			if (this.latencyMs > 0) await new Promise<void>(resolve => this.clock.setTimeout(resolve, this.latencyMs));
			const reply = this.#replies.get(key) ?? this.#fallback;
			const answer = typeof reply === 'function' ? reply(sent) : reply;
			if (answer === undefined) return await new Promise<Exchange>(() => {});
			return {provider, status: 200, headers: {}, body: '', at: this.clock.now(), latencyMs: this.latencyMs, ...answer};
		} finally {
			this.inFlight--;
			this.inFlightPerKey.set(key, (this.inFlightPerKey.get(key) ?? 1) - 1);
		}
	}

	async close(): Promise<void> {
		this.closed = true;
	}
}

export function networkFailure(kind: NonNullable<Exchange['network']>['kind'], message = 'failed'): Partial<Exchange> {
	return {status: null, network: {kind, message}};
}

export function key(name: string, extra: Partial<KeyConfig> = {}): KeyConfig {
	return {name, provider: 'openai', secret: {type: 'value', value: `sk-test-${name}-0123456789abcdef`}, ...extra};
}

export function keys(count: number, extra: Partial<KeyConfig> = {}): KeyConfig[] {
	return Array.from({length: count}, (_, i) => key(`k${i + 1}`, extra));
}

const defaultProbes: ProbeSpec[] = [
	{kind: 'validity', spends: false, cost: 'free'},
	{kind: 'headroom', spends: true, cost: '1 token'},
];

/** An adapter whose body is JSON `{windows?, credit?}` decoded verbatim. */
export function stubAdapter(probes: ProbeSpec[] = defaultProbes): ProviderAdapter {
	return {
		id: 'openai',
		label: 'Stub',
		defaultBaseUrl: 'http://fake',
		envVars: [],
		probes,
		request(probe, ctx) {
			return {method: 'GET', url: `http://fake/${ctx.key.name}/${probe}`, headers: {authorization: `Bearer ${probe === 'spend' ? ctx.adminSecret : ctx.secret}`}};
		},
		decode(_probe, exchange) {
			if (!exchange.body.startsWith('{')) return {windows: []};
			const parsed = JSON.parse(exchange.body) as {windows?: RateWindow[]; credit?: Credit};
			return {windows: parsed.windows ?? [], credit: parsed.credit};
		},
	};
}

function header(exchange: Exchange, name: string): string | undefined {
	const value = exchange.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** A tiny diagnosis: enough kinds to drive the scheduler. The body text goes into evidence.message. */
export function stubDiagnose(exchange: Exchange): Verdict {
	const failed = exchange.status === null || exchange.status >= 300;
	const base = {fix: ['do something'], evidence: {status: exchange.status, headers: {}, message: failed ? exchange.body || undefined : undefined}, windows: []};
	if (exchange.network) return {...base, kind: 'network', title: 'Unreachable', why: exchange.network.message, clears: 'by_itself'};
	const status = exchange.status ?? 0;
	if (status >= 200 && status < 300) return {...base, kind: 'ok', title: 'OK', why: 'fine', fix: [], clears: 'by_itself'};
	if (status === 429) {
		const retryAfter = header(exchange, 'retry-after');
		const clearsAt = header(exchange, 'x-clears-at');
		return {
			...base,
			kind: 'rate_limited',
			title: 'Rate limited',
			why: 'too many',
			clears: 'by_itself',
			...(retryAfter ? {retryAfterSeconds: Number(retryAfter)} : {}),
			...(clearsAt ? {clearsAt: Number(clearsAt)} : {}),
		};
	}
	if (status === 401) return {...base, kind: 'invalid_key', title: 'Invalid key', why: 'rejected', clears: 'needs_action'};
	if (status === 402) return {...base, kind: 'billing', title: 'No credit', why: 'pay', clears: 'needs_action'};
	if (status >= 500) return {...base, kind: 'overloaded', title: 'Overloaded', why: 'busy', clears: 'by_itself'};
	return {...base, kind: 'unknown', title: 'Unknown', why: '?', clears: 'by_itself'};
}

export function stubStatusOf(verdict: Verdict | undefined, windows: RateWindow[], credit?: Credit, lowThreshold = 0.1): Status {
	if (!verdict) return 'CHECKING';
	if (verdict.kind === 'ok') {
		const low = windows.some(w => w.limit !== undefined && w.remaining !== undefined && w.remaining / w.limit < lowThreshold);
		return low || (credit?.remaining !== undefined && credit.remaining <= 0) ? 'LOW' : 'OK';
	}
	if (verdict.kind === 'rate_limited') return 'LIMITED';
	if (verdict.clears === 'needs_action') return 'DENIED';
	return 'DOWN';
}

/** The stubs every monitor test passes, so no other layer is loaded. */
export function stubs(clock: FakeClock, transport: FakeTransport, adapter = stubAdapter()) {
	return {clock, transport, getAdapter: () => adapter, diagnose: stubDiagnose, statusOf: stubStatusOf};
}

/** A deterministic random source, so jitter is exercised but every run is the same. */
export function seededRandom(seed = 1): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export function gaps(times: readonly number[]): number[] {
	return times.slice(1).map((t, i) => t - (times[i] as number));
}
