// The real monitor, transport, adapters and diagnosis against the real fake provider on 127.0.0.1, on one fake
// clock shared by the monitor and the fake (so windows, resets and retry-after all follow simulated time).
import {afterEach, describe, expect, it} from 'vitest';
import {SCENARIOS, startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import type {Clock} from '../../source/monitor/clock.js';
import {createMonitor, type Monitor, type MonitorOptions} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import type {Exchange, KeyConfig, KeyState, ProviderId} from '../../source/types.js';
import {gaps, seededRandom} from './helpers.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

type Timer = {id: number; at: number; fn: () => void};

/**
 * A fake clock that fires one timer at a time and, after each, lets real I/O (the HTTP round trip to the fake)
 * finish before simulated time moves on: `settle` decides when it has.
 */
class SteppedClock implements Clock {
	#now = Date.UTC(2026, 0, 5, 12, 0, 0);
	#seq = 0;
	readonly #timers = new Map<number, Timer>();
	settle: () => Promise<void> = async () => {};

	now(): number {
		return this.#now;
	}

	setTimeout(fn: () => void, ms: number): unknown {
		const id = ++this.#seq;
		this.#timers.set(id, {id, at: this.#now + Math.max(0, ms), fn});
		return id;
	}

	clearTimeout(handle: unknown): void {
		this.#timers.delete(handle as number);
	}

	async advance(ms: number): Promise<void> {
		const target = this.#now + ms;
		await this.settle();
		for (;;) {
			let next: Timer | undefined;
			for (const timer of this.#timers.values()) {
				if (timer.at <= target && (!next || timer.at < next.at || (timer.at === next.at && timer.id < next.id))) next = timer;
			}
			if (!next) break;
			this.#timers.delete(next.id);
			this.#now = Math.max(this.#now, next.at);
			next.fn();
			await this.settle();
		}
		this.#now = target;
		await this.settle();
	}
}

type Sent = {at: number; key: string; url: string; exchange: Exchange};

/** The real transport, counting what is in flight and logging every answer by the key's scenario name. */
function observed(inner: Transport, clock: Clock) {
	const log: Sent[] = [];
	let inFlight = 0;
	const transport: Transport = {
		async send(request, provider, options) {
			const at = clock.now();
			const auth = request.headers.authorization ?? request.headers['x-api-key'] ?? '';
			const key = /test-([a-z_]+)-/.exec(auth)?.[1] ?? 'unknown';
			inFlight++;
			try {
				const exchange = await inner.send(request, provider, options);
				log.push({at, key, url: request.url, exchange});
				return exchange;
			} finally {
				inFlight--;
			}
		},
		close: () => inner.close(),
	};
	return {transport, log, inFlight: () => inFlight};
}

function turn(): Promise<void> {
	return new Promise(resolve => setImmediate(resolve));
}

let cleanup: Array<() => Promise<void>> = [];

afterEach(async () => {
	for (const step of cleanup.reverse()) await step();
	cleanup = [];
});

type Setup = {scenarios: string[]; provider?: ProviderId} & Partial<MonitorOptions>;

async function setup({scenarios, provider = 'openai', ...options}: Setup) {
	const clock = new SteppedClock();
	const fake: FakeProvider = await startFakeProvider({clock: () => clock.now()});
	const real = createTransport({timeoutMs: 5 * SECOND});
	const io = observed(real, clock);
	const keys: KeyConfig[] = scenarios.map((scenario, i) => ({
		name: scenario,
		provider,
		secret: {type: 'value', value: `${provider === 'anthropic' ? 'sk-ant' : 'sk'}-test-${scenario}-${String(i).padStart(4, '0')}abcd`},
		baseUrl: fake.baseUrl(provider),
	}));
	const monitor: Monitor = createMonitor({keys, transport: io.transport, clock, random: seededRandom(11), timeoutMs: 5 * SECOND, ...options});
	// Settled: nothing in flight and no key mid-run, for a few turns of the event loop in a row (a run sends its
	// next probe right after the previous answer, within a turn).
	clock.settle = async () => {
		let quiet = 0;
		while (quiet < 3) {
			await turn();
			const busy = io.inFlight() > 0 || monitor.getSnapshot().keys.some(k => k.probing);
			quiet = busy ? 0 : quiet + 1;
		}
	};
	cleanup.push(async () => {
		const stopping = monitor.stop();
		await real.close();
		await stopping;
		await fake.close();
	});
	const state = (name: string): KeyState => monitor.getSnapshot().keys.find(k => k.name === name)!;
	const times = (name: string) => io.log.filter(s => s.key === name).map(s => s.at);
	return {clock, fake, monitor, log: io.log, state, times, t0: clock.now()};
}

describe('explore', () => {
	it('checkOnce', async () => {
		for (const provider of ['openai', 'anthropic'] as const) {
			const {monitor, log} = await setup({provider, scenarios: [...SCENARIOS].filter(x => !['hang', 'stall_body', 'drip'].includes(x)), timeoutMs: 10000});
			const s0 = performance.now();
			const snap = await monitor.checkOnce();
			console.log('took', performance.now() - s0);
			console.log(provider, snap.keys.map(k => `${k.name}: ${k.status} ${k.verdict?.kind} ${k.verdict?.retryAfterSeconds ?? ''} ${k.verdict?.clearsAt ?? ''} ${k.verdict?.clears} | ${k.verdict?.title}`).join('\n'));
		}
	});
	it('latency', async () => {
		const {monitor, log} = await setup({scenarios: ['healthy'], timeoutMs: 3000});
		for (let i = 0; i < 5; i++) await monitor.checkOnce();
		console.log('lat', log.map(l => l.exchange.latencyMs).join(' '));
	});
	it.skip('timeline2', async () => {
		const {clock, monitor, log, t0, state} = await setup({scenarios: ['quota', 'invalid'], timeoutMs: 3000});
		monitor.start();
		await clock.advance(30 * MINUTE);
		for (const s of log) console.log(((s.at - t0) / 1000).toFixed(1), s.key, s.url.replace(/.*\/v1/, ''), s.exchange.status);
		console.log(state('quota').status, state('invalid').status);
	});
	it.skip('timeline', async () => {
		const {clock, monitor, log, t0} = await setup({scenarios: ['healthy', 'limited', 'overloaded', 'quota'], timeoutMs: 300, intervalMs: 10_000, headroomIntervalMs: 20_000});
		monitor.start();
		await clock.advance(10 * MINUTE);
		for (const s of log) console.log(((s.at - t0) / 1000).toFixed(1), s.key, s.url.replace(/.*\/v1/, ''), s.exchange.status, s.exchange.headers['retry-after'] ?? '', s.exchange.headers['x-ratelimit-reset-tokens'] ?? '');
	});
});
