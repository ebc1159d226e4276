import {afterEach, describe, expect, it, vi} from 'vitest';
import {createMonitor, type Monitor, type MonitorOptions} from '../../source/monitor/monitor.js';
import {FakeClock, FakeTransport, gaps, keys, seededRandom, stubs} from './helpers.js';

// The real registry and diagnosis are other layers: these tests must not load them.
vi.mock('../../source/providers/registry.js', () => ({getAdapter: () => {
	throw new Error('the real registry must not be used here');
}}));
vi.mock('../../source/diagnosis/index.js', () => ({
	diagnose: () => {
		throw new Error('the real diagnose must not be used here');
	},
	statusOf: () => 'DOWN',
}));

const MINUTE = 60_000;
let running: Monitor[] = [];

function setup(options: Partial<MonitorOptions> & {count?: number} = {}) {
	const clock = new FakeClock();
	const transport = new FakeTransport(clock);
	const monitor = createMonitor({keys: keys(options.count ?? 1), random: seededRandom(7), ...stubs(clock, transport), ...options});
	running.push(monitor);
	return {clock, transport, monitor, t0: clock.now()};
}

afterEach(async () => {
	for (const monitor of running) void monitor.stop();
	running = [];
});

describe('intervals', () => {
	it('probes validity once per interval, each gap within ±10% and not all the same', async () => {
		const {clock, transport, monitor} = setup({noSpend: true});
		monitor.start();
		await clock.advance(3 * 60 * MINUTE);
		const times = transport.timesFor('k1', 'validity');
		expect(times.length).toBeGreaterThan(160);
		for (const gap of gaps(times)) {
			expect(gap).toBeGreaterThanOrEqual(0.9 * MINUTE);
			expect(gap).toBeLessThanOrEqual(1.1 * MINUTE);
		}
		expect(new Set(gaps(times)).size).toBeGreaterThan(10);
	});

	it('runs headroom probes on their slower interval, and none under --no-spend or a per-key noSpend', async () => {
		const {clock, transport, monitor} = setup({count: 2, keys: [...keys(1), {...keys(2)[1]!, noSpend: true}]});
		monitor.start();
		await clock.advance(2 * 60 * MINUTE);
		const headroom = transport.timesFor('k1', 'headroom');
		expect(headroom.length).toBeGreaterThanOrEqual(20);
		expect(headroom.length).toBeLessThanOrEqual(27);
		for (const gap of gaps(headroom)) {
			// A headroom probe due within 15% of an interval rides along with the validity probe.
			expect(gap).toBeGreaterThanOrEqual(0.9 * 5 * MINUTE - 0.15 * MINUTE);
			expect(gap).toBeLessThanOrEqual(1.1 * 5 * MINUTE);
		}
		expect(transport.countFor('k2', 'headroom')).toBe(0);
		expect(transport.countFor('k2', 'validity')).toBeGreaterThan(100);

		const quiet = setup({noSpend: true});
		quiet.monitor.start();
		await quiet.clock.advance(60 * MINUTE);
		expect(quiet.transport.countFor('k1', 'headroom')).toBe(0);
	});

	it('spreads the first round of probes over the first interval instead of a burst', async () => {
		const {clock, transport, monitor, t0} = setup({count: 200, noSpend: true});
		monitor.start();
		await clock.advance(MINUTE - 1);
		const first = new Map<string, number>();
		for (const request of transport.requests) if (!first.has(request.key)) first.set(request.key, request.at);
		expect(first.size).toBe(200);
		const offsets = [...first.values()].map(at => at - t0);
		expect(Math.max(...offsets)).toBeLessThan(MINUTE);
		expect(Math.max(...offsets)).toBeGreaterThan(40_000);
		const perSecond = new Map<number, number>();
		for (const offset of offsets) perSecond.set(Math.floor(offset / 1000), (perSecond.get(Math.floor(offset / 1000)) ?? 0) + 1);
		expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
	});

	it('gives a handful of keys their first reading within a second or two', async () => {
		const {clock, monitor} = setup({count: 4});
		monitor.start();
		await clock.advance(2_000);
		expect(monitor.getSnapshot().keys.map(k => k.status)).toEqual(['OK', 'OK', 'OK', 'OK']);
	});
});

describe('provider deadlines', () => {
	it('sends nothing for a key before its retry-after, then probes again', async () => {
		const {clock, transport, monitor} = setup({count: 2});
		let limited = true;
		transport.reply('k1', () => (limited ? {status: 429, headers: {'retry-after': '600'}} : {status: 200}));
		monitor.start();
		await clock.advance(2_000);
		expect(transport.countFor('k1')).toBe(1);
		const limitedAt = transport.timesFor('k1')[0]!;
		expect(monitor.getSnapshot().keys[0]?.status).toBe('LIMITED');
		limited = false;
		monitor.probeNow('k1');
		await clock.advance(limitedAt + 600_000 - 1 - clock.now());
		expect(transport.countFor('k1')).toBe(1);
		expect(transport.countFor('k2', 'validity')).toBeGreaterThanOrEqual(9);
		await clock.advance(2);
		expect(transport.countFor('k1')).toBeGreaterThan(1);
		expect(transport.timesFor('k1')[1]).toBe(limitedAt + 600_000);
		expect(monitor.getSnapshot().keys[0]?.status).toBe('OK');
	});

	it('waits for an absolute reset the provider named (clearsAt), not just the backoff', async () => {
		const {clock, transport, monitor, t0} = setup({noSpend: true});
		const clearsAt = t0 + 3 * 60 * MINUTE;
		transport.reply('k1', () => (clock.now() < clearsAt ? {status: 429, headers: {'x-clears-at': String(clearsAt)}} : {status: 200}));
		monitor.start();
		await clock.advance(3 * 60 * MINUTE - 1);
		expect(transport.countFor('k1')).toBe(1);
		await clock.advance(1);
		expect(transport.countFor('k1')).toBe(2);
	});

	it('does not send a headroom probe into a window that is empty until its reset', async () => {
		const {clock, transport, monitor, t0} = setup();
		const resetAt = t0 + 20 * MINUTE;
		transport.reply('k1', request =>
			request.kind === 'headroom' && request.at < resetAt
				? {status: 200, body: JSON.stringify({windows: [{id: 'requests', limitKind: 'requests', period: 'day', limit: 100, remaining: 0, resetAt, source: 'headers'}]})}
				: {status: 200},
		);
		monitor.start();
		await clock.advance(40 * MINUTE);
		const headroom = transport.timesFor('k1', 'headroom');
		expect(headroom[0]).toBeLessThan(t0 + 1_000);
		expect(headroom[1]).toBeGreaterThanOrEqual(resetAt);
		expect(transport.countFor('k1', 'validity')).toBeGreaterThanOrEqual(35);
	});
});

describe('backoff', () => {
	it('doubles the delay on each repeated failure up to the cap, and resets on success', async () => {
		const {clock, transport, monitor} = setup({noSpend: true, random: () => 1});
		let failing = true;
		transport.reply('k1', () => (failing ? {status: 503} : {status: 200}));
		monitor.start();
		await clock.advance(60 * 60 * MINUTE);
		const failed = transport.timesFor('k1');
		expect(gaps(failed).slice(0, 6)).toEqual([2, 4, 8, 15, 15, 15].map(m => m * MINUTE));
		failing = false;
		await clock.advance(15 * MINUTE);
		await clock.advance(10 * MINUTE);
		const after = transport.timesFor('k1').slice(failed.length);
		expect(after.length).toBeGreaterThanOrEqual(2);
		expect(gaps(after)[0]).toBe(1.1 * MINUTE);
		expect(monitor.getSnapshot().keys[0]?.status).toBe('OK');
	});

	it('draws each backoff from the upper half of its ceiling (jittered, never an immediate retry)', async () => {
		const {clock, transport, monitor} = setup({noSpend: true, random: seededRandom(99)});
		transport.reply('k1', {status: 502});
		monitor.start();
		await clock.advance(24 * 60 * MINUTE);
		const delays = gaps(transport.timesFor('k1'));
		delays.forEach((delay, i) => {
			const ceiling = Math.min(15 * MINUTE, MINUTE * 2 ** (i + 1));
			expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
			expect(delay).toBeLessThanOrEqual(ceiling);
		});
		expect(new Set(delays.slice(5)).size).toBeGreaterThan(5);
	});

	it('re-checks a key that needs action (invalid key) only every five intervals', async () => {
		const {clock, transport, monitor} = setup();
		transport.reply('k1', {status: 401});
		monitor.start();
		await clock.advance(60 * MINUTE);
		const times = transport.timesFor('k1');
		expect(monitor.getSnapshot().keys[0]?.status).toBe('DENIED');
		// The headroom probe is skipped too: the validity failure ends each run.
		expect(transport.countFor('k1', 'headroom')).toBe(0);
		for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(0.9 * 5 * MINUTE);
		expect(times.length).toBeLessThanOrEqual(14);
		expect(times.length).toBeGreaterThanOrEqual(10);
	});
});

describe('bounds on requests in flight', () => {
	it('never has more requests in flight than the concurrency bound', async () => {
		const {clock, transport, monitor} = setup({count: 40, concurrency: 5});
		transport.latencyMs = 3_000;
		const once = monitor.checkOnce();
		await clock.advance(5 * MINUTE);
		await once;
		expect(transport.maxInFlight).toBe(5);
		expect(transport.countFor('k40', 'validity')).toBe(1);

		monitor.start();
		await clock.advance(30 * MINUTE);
		expect(transport.maxInFlight).toBe(5);
	});

	it('never overlaps two probes of one key, even when answers are slower than the interval', async () => {
		const {clock, transport, monitor} = setup({count: 3, timeoutMs: 120_000});
		transport.latencyMs = 90_000;
		monitor.start();
		for (let i = 0; i < 40; i++) {
			await clock.advance(7_000);
			monitor.probeNow('k1');
		}
		expect(transport.maxInFlightPerKey).toBe(1);
		const times = transport.timesFor('k1');
		expect(times.length).toBeGreaterThan(2);
		for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(90_000);
	});
});

describe('traffic from the proxy', () => {
	it('becomes a reading marked traffic, and keeps the key\'s probes away while it flows', async () => {
		const {clock, transport, monitor} = setup({noSpend: true});
		monitor.start();
		await clock.advance(2 * MINUTE);
		const probesBefore = transport.countFor('k1', 'validity');
		expect(probesBefore).toBeGreaterThan(0);
		const windows = [{id: 'requests', limitKind: 'requests', period: 'minute', limit: 500, remaining: 321, source: 'headers'}];
		// Real requests every 30 s for 20 minutes: each already says what a probe would, so none is sent.
		for (let i = 0; i < 40; i++) {
			monitor.recordTraffic('k1', {provider: 'openai', status: 200, headers: {}, body: JSON.stringify({windows}), at: clock.now(), latencyMs: 42});
			await clock.advance(30_000);
		}
		expect(transport.countFor('k1', 'validity')).toBe(probesBefore);
		const state = monitor.getSnapshot().keys[0]!;
		expect(state.source).toBe('traffic');
		expect(state.recent.at(-1)).toMatchObject({source: 'traffic', status: 200, latencyMs: 42});
		expect(state.windows).toEqual([expect.objectContaining({id: 'requests', remaining: 321, source: 'traffic'})]);
		// When the traffic stops, probing resumes within one interval.
		await clock.advance(1.2 * MINUTE);
		expect(transport.countFor('k1', 'validity')).toBe(probesBefore + 1);
	});

	it('ignores traffic for a key it does not know', async () => {
		const {clock, monitor} = setup();
		monitor.start();
		await clock.advance(MINUTE);
		const before = monitor.getSnapshot();
		monitor.recordTraffic('nobody', {provider: 'openai', status: 401, headers: {}, body: '', at: clock.now()});
		await clock.advance(1);
		expect(monitor.getSnapshot().keys.map(k => k.recent.length)).toEqual(before.keys.map(k => k.recent.length));
	});
});
