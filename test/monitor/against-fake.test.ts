// The real monitor, transport, adapters and diagnosis against the real fake provider on 127.0.0.1, with one fake
// clock shared by the monitor and the fake: windows, resets and retry-after all follow simulated time, while each
// HTTP round trip is real and is waited for before simulated time moves on.
import {afterEach, describe, expect, it} from 'vitest';
import {SCENARIOS, startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import type {Clock} from '../../source/monitor/clock.js';
import {createMonitor, type Monitor, type MonitorOptions} from '../../source/monitor/monitor.js';
import {BACKOFF_CAP_MS, SLOW_RECHECK_FACTOR} from '../../source/monitor/schedule.js';
import {createTransport} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import type {Exchange, KeyConfig, KeyState, ProviderId, Status, VerdictKind} from '../../source/types.js';
import {gaps, seededRandom} from './helpers.js';
import {settleWhenQuiet, SteppedClock, until} from './stepped-clock.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

type Sent = {at: number; key: string; url: string; exchange: Exchange};

/** The real transport, counting requests in flight and logging each answer under the key's scenario name. */
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

let cleanup: Array<() => Promise<void>> = [];

afterEach(async () => {
	for (const step of cleanup.reverse()) await step();
	cleanup = [];
});

type Setup = {scenarios: readonly string[]; provider?: ProviderId} & Partial<MonitorOptions>;

function secretFor(provider: ProviderId, scenario: string, index: number): string {
	return `${provider === 'anthropic' ? 'sk-ant' : 'sk'}-test-${scenario}-${String(index).padStart(4, '0')}wxyz`;
}

async function setup({scenarios, provider = 'openai', ...options}: Setup) {
	const clock = new SteppedClock();
	const fake: FakeProvider = await startFakeProvider({clock: () => clock.now()});
	const real = createTransport();
	const io = observed(real, clock);
	const keys: KeyConfig[] = scenarios.map((scenario, i) => ({
		name: scenario,
		provider,
		secret: {type: 'value', value: secretFor(provider, scenario, i)},
		baseUrl: fake.baseUrl(provider),
	}));
	const monitor: Monitor = createMonitor({keys, transport: io.transport, clock, random: seededRandom(11), ...options});
	// Settled: nothing in flight and no key mid-run for a few turns in a row (a run sends its next probe within
	// a turn of the previous answer).
	clock.settle = settleWhenQuiet(() => io.inFlight() > 0 || monitor.getSnapshot().keys.some(k => k.probing));
	cleanup.push(async () => {
		const stopping = monitor.stop();
		await real.close();
		await stopping;
		await fake.close();
	});
	const state = (name: string): KeyState => monitor.getSnapshot().keys.find(k => k.name === name)!;
	const sent = (name: string) => io.log.filter(s => s.key === name);
	/** The simulated moments a key was probed (a run's probes share one). */
	const runs = (name: string) => [...new Set(sent(name).map(s => s.at))];
	const start = async () => {
		monitor.start();
		// Secrets resolve, then every key gets its first timer.
		await until(() => clock.pending >= scenarios.length);
	};
	return {clock, fake, monitor, log: io.log, state, sent, runs, start, t0: clock.now()};
}

/** An OpenAI-style reset duration: `1m0s`, `59.9s`, `213ms`. */
function goDuration(text: string): number {
	let ms = 0;
	for (const [, value, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) ms += Number(value) * {ms: 1, s: SECOND, m: MINUTE, h: 60 * MINUTE}[unit as 'ms'];
	return ms;
}

/** How long the provider said to stay away: retry-after, or the reset of a window it reports empty. */
function waitAsked(exchange: Exchange): number {
	const header = (name: string) => [exchange.headers[name]].flat()[0];
	const retryAfter = header('retry-after');
	if (retryAfter !== undefined) return Number(retryAfter) * SECOND;
	let wait = 0;
	for (const name of Object.keys(exchange.headers)) {
		const window = /^x-ratelimit-remaining-(.+)$/.exec(name)?.[1];
		if (window && header(name) === '0') wait = Math.max(wait, goDuration(header(`x-ratelimit-reset-${window}`) ?? ''));
	}
	return wait;
}

describe('the monitor against the fake provider', () => {
	it('probes a healthy key once per interval and its headroom every 5 minutes', async () => {
		const {clock, fake, log, start, state} = await setup({scenarios: ['healthy']});
		await start();
		await clock.advance(60 * MINUTE);

		const requests = fake.requests.filter(r => r.provider === 'openai');
		expect(requests.length).toBe(log.length);
		const validity = requests.filter(r => r.path === '/openai/v1/models').map(r => r.at);
		const headroom = requests.filter(r => r.path === '/openai/v1/chat/completions').map(r => r.at);
		const perMinute = new Map<number, number>();
		for (const at of validity) perMinute.set(Math.floor((at - validity[0]!) / MINUTE), (perMinute.get(Math.floor((at - validity[0]!) / MINUTE)) ?? 0) + 1);
		// One a minute give or take the ±10% jitter: never three in a minute, never two quiet minutes in a row.
		for (let minute = 0; minute < 59; minute++) {
			expect(perMinute.get(minute) ?? 0).toBeLessThanOrEqual(2);
			expect((perMinute.get(minute) ?? 0) + (perMinute.get(minute + 1) ?? 0)).toBeGreaterThanOrEqual(1);
		}
		expect(validity.length).toBeGreaterThanOrEqual(55);
		expect(validity.length).toBeLessThanOrEqual(67);
		for (const gap of gaps(validity)) {
			// A validity probe due within 15% of an interval rides along with a headroom probe that is due.
			expect(gap).toBeGreaterThanOrEqual(0.9 * MINUTE - 0.15 * MINUTE);
			expect(gap).toBeLessThanOrEqual(1.1 * MINUTE);
		}
		expect(headroom.length).toBeGreaterThanOrEqual(11);
		expect(headroom.length).toBeLessThanOrEqual(14);
		for (const gap of gaps(headroom)) expect(gap).toBeGreaterThanOrEqual(0.9 * 5 * MINUTE - 0.15 * MINUTE);
		expect(state('healthy').status).toBe('OK');
		expect(state('healthy').windows.some(w => w.source === 'headers' && w.remaining !== undefined)).toBe(true);
	});

	it.each(['openai', 'anthropic'] as const)('never probes a %s key again before the reset or retry-after it was given', async provider => {
		const {clock, start, state, sent, runs} = await setup({provider, scenarios: ['healthy', 'limited'], intervalMs: 10 * SECOND, headroomIntervalMs: 10 * SECOND});
		await start();
		await clock.advance(10 * MINUTE);

		const limited = sent('limited');
		const refusals = limited.filter(s => s.exchange.status === 429);
		expect(refusals.length).toBeGreaterThanOrEqual(3);
		for (const refusal of refusals) {
			const wait = waitAsked(refusal.exchange);
			expect(wait).toBeGreaterThan(10 * SECOND);
			const next = limited.find(s => s.at > refusal.at);
			if (next) expect(next.at).toBeGreaterThanOrEqual(refusal.at + wait);
		}
		// The healthy key on the same schedule is probed every 10 s; the limited one once per reset.
		expect(runs('healthy').length).toBeGreaterThan(50);
		expect(runs('limited').length).toBeLessThanOrEqual(11);
		const last = refusals.at(-1)!;
		expect(state('limited').status).toBe('LIMITED');
		expect(state('limited').verdict?.kind).toBe('rate_limited');
		expect(state('limited').nextProbeAt).toBeGreaterThanOrEqual(last.at + waitAsked(last.exchange));
		expect(state('healthy').status).toBe('OK');
	});

	it('backs off overloaded and failing providers, the gaps growing up to the cap, and recovers at once', async () => {
		const interval = 10 * SECOND;
		const {clock, fake, start, state, runs} = await setup({scenarios: ['healthy', 'overloaded', 'outage'], intervalMs: interval});
		await start();
		await clock.advance(30 * MINUTE);

		for (const [name, kind] of [['overloaded', 'overloaded'], ['outage', 'outage']] as const) {
			const spacing = gaps(runs(name));
			expect(spacing.length).toBeGreaterThanOrEqual(5);
			expect(spacing[0]).toBeGreaterThanOrEqual(interval);
			for (let i = 1; i < spacing.length; i++) expect(spacing[i]).toBeGreaterThanOrEqual(spacing[i - 1]!);
			expect(spacing.at(-1)).toBeGreaterThanOrEqual(8 * spacing[0]!);
			expect(Math.max(...spacing)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
			expect(state(name).status).toBe('DOWN');
			expect(state(name).verdict?.kind).toBe(kind);
		}
		for (const gap of gaps(runs('healthy'))) expect(gap).toBeLessThanOrEqual(1.1 * interval);

		// The provider recovers: the next retry (within one capped backoff) finds it, and the pace is normal again.
		fake.setScenario(secretFor('openai', 'outage', 2), 'healthy');
		await clock.advance(BACKOFF_CAP_MS + 5 * MINUTE);
		expect(state('outage').status).toBe('OK');
		const recent = runs('outage').filter(at => at > clock.now() - 4 * MINUTE);
		expect(recent.length).toBeGreaterThanOrEqual(20);
		for (const gap of gaps(recent)) expect(gap).toBeLessThanOrEqual(1.1 * interval);
	});

	it('times out a key whose provider never answers and shows it DOWN (network) while a healthy key stays OK', async () => {
		// The transport's deadline is real time; 1 s is short for the test yet far above a loopback answer.
		const {clock, start, state, sent, runs} = await setup({scenarios: ['healthy', 'hang'], timeoutMs: SECOND});
		await start();
		await clock.advance(4 * MINUTE);

		const hung = sent('hang');
		expect(hung.length).toBeGreaterThanOrEqual(2);
		for (const s of hung) {
			expect(s.exchange.status).toBeNull();
			expect(s.exchange.network?.kind).toBe('timeout');
		}
		expect(state('hang').status).toBe('DOWN');
		expect(state('hang').verdict?.kind).toBe('network');
		// A failure is retried no sooner than the interval, and later each time.
		const spacing = gaps(runs('hang'));
		expect(spacing[0]).toBeGreaterThanOrEqual(MINUTE);
		for (let i = 1; i < spacing.length; i++) expect(spacing[i]).toBeGreaterThanOrEqual(spacing[i - 1]!);

		expect(state('healthy').status).toBe('OK');
		expect(runs('healthy').length).toBeGreaterThanOrEqual(4);
		expect(sent('healthy').every(s => s.exchange.status === 200)).toBe(true);
		expect(state('healthy').recent.every(r => r.verdict.kind === 'ok')).toBe(true);
	});

	it('re-checks keys that need a person (no quota, invalid key) only at the slow rate', async () => {
		const {clock, start, state, sent, runs} = await setup({scenarios: ['healthy', 'quota', 'invalid']});
		await start();
		await clock.advance(40 * MINUTE);

		const slow = SLOW_RECHECK_FACTOR * MINUTE;
		for (const name of ['quota', 'invalid']) {
			expect(state(name).status).toBe('DENIED');
			for (const path of ['/models', '/chat/completions']) {
				const times = sent(name).filter(s => s.url.endsWith(path)).map(s => s.at);
				for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(0.9 * slow);
			}
			// Still watched: a fixed key is noticed within a slow period or so.
			expect(runs(name).length).toBeGreaterThanOrEqual(6);
			expect(runs(name).length).toBeLessThanOrEqual(12);
		}
		expect(state('quota').verdict?.kind).toBe('quota_exhausted');
		expect(state('invalid').verdict?.kind).toBe('invalid_key');
		expect(runs('healthy').length).toBeGreaterThanOrEqual(36);
	});
});

type Expected = [Status, VerdictKind];

/** What every scenario must look like after one `check`. Where the providers differ, they differ as providers.md says. */
const expected: Record<string, Expected | Partial<Record<ProviderId, Expected>>> = {
	healthy: ['OK', 'ok'],
	low: ['LOW', 'ok'],
	limited: ['LIMITED', 'rate_limited'],
	// OpenAI's requests-per-day window resets by itself; Anthropic's tier spend cap needs a person.
	daily_cap: {openai: ['LIMITED', 'rate_limited'], anthropic: ['DENIED', 'quota_exhausted']},
	quota: ['DENIED', 'quota_exhausted'],
	billing: ['DENIED', 'billing'],
	invalid: ['DENIED', 'invalid_key'],
	suspended: ['DENIED', 'suspended'],
	permission: ['DENIED', 'permission'],
	model_access: ['DENIED', 'model_access'],
	region: ['DENIED', 'region_blocked'],
	verification: ['DENIED', 'verification_required'],
	content_policy: ['DENIED', 'content_policy'],
	overloaded: ['DOWN', 'overloaded'],
	outage: ['DOWN', 'outage'],
	echo_key: ['DENIED', 'invalid_key'],
	hang: ['DOWN', 'network'],
	stall_body: ['DOWN', 'network'],
	drip: ['DOWN', 'network'],
	reset: ['DOWN', 'network'],
	html: ['DOWN', 'outage'],
	not_json: ['DOWN', 'unknown'],
	truncated_json: ['DOWN', 'unknown'],
	wrong_shape: ['DOWN', 'unknown'],
	null_body: ['DOWN', 'unknown'],
	deep_json: ['DOWN', 'unknown'],
	huge_body: ['DOWN', 'unknown'],
	huge_header: ['OK', 'ok'],
	bad_headers: ['OK', 'ok'],
	redirect: ['DOWN', 'network'],
	escapes: ['DENIED', 'bad_request'],
};

// Faults that never finish answering: checked on their own, with a short (real-time) deadline.
const slowFaults = new Set(['hang', 'stall_body', 'drip']);

describe('checkOnce against the fake provider', () => {
	it('covers every scenario the fake provider has', () => {
		expect(Object.keys(expected).sort()).toEqual([...SCENARIOS].sort());
	});

	it.each(['openai', 'anthropic'] as const)('gives every %s scenario its status and verdict, without the key anywhere', async provider => {
		const quick = await setup({provider, scenarios: SCENARIOS.filter(s => !slowFaults.has(s))});
		const slow = await setup({provider, scenarios: SCENARIOS.filter(s => slowFaults.has(s)), timeoutMs: SECOND});
		const keys = [...(await quick.monitor.checkOnce()).keys, ...(await slow.monitor.checkOnce()).keys];
		const got = Object.fromEntries(keys.map(k => [k.name, [k.status, k.verdict?.kind]]));
		const want = Object.fromEntries(SCENARIOS.map(s => {
			const entry = expected[s]!;
			return [s, Array.isArray(entry) ? entry : entry[provider]];
		}));
		expect(got).toEqual(want);

		const everything = JSON.stringify(keys);
		SCENARIOS.forEach((scenario, i) => expect(everything).not.toContain(secretFor(provider, scenario, i).slice(-12)));
		expect(everything).not.toContain(secretFor(provider, 'echo_key', SCENARIOS.indexOf('echo_key')));
	});
});
