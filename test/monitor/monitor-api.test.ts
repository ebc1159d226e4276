import {afterEach, describe, expect, it, vi} from 'vitest';
import {createMonitor, type Monitor, type MonitorOptions} from '../../source/monitor/monitor.js';
import type {KeyConfig} from '../../source/types.js';
import {FakeClock, FakeTransport, flush, key, keys, networkFailure, seededRandom, stubAdapter, stubs} from './helpers.js';

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
	const monitor = createMonitor({keys: keys(options.count ?? 1), random: seededRandom(3), ...stubs(clock, transport), ...options});
	running.push(monitor);
	return {clock, transport, monitor, t0: clock.now()};
}

afterEach(() => {
	for (const monitor of running) void monitor.stop();
	running = [];
});

describe('checkOnce', () => {
	it('probes every key once (validity and headroom), concurrently, and leaves no timer behind', async () => {
		const {clock, transport, monitor} = setup({count: 5});
		transport.hold = true;
		const pending = monitor.checkOnce();
		await flush();
		expect(transport.inFlight).toBe(5);
		transport.hold = false;
		transport.releaseAll();
		const snapshot = await pending;
		expect(snapshot.keys.map(k => k.status)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
		for (const k of ['k1', 'k2', 'k3', 'k4', 'k5']) {
			expect(transport.countFor(k, 'validity')).toBe(1);
			expect(transport.countFor(k, 'headroom')).toBe(1);
		}
		expect(transport.maxInFlight).toBe(5);
		expect(clock.pending).toBe(0);
		expect(snapshot.keys.every(k => k.probing === false && k.checkedAt === clock.now())).toBe(true);
	});

	it('skips headroom probes under noSpend and keeps the decoded windows and credit', async () => {
		const adapter = stubAdapter([
			{kind: 'validity', spends: false, cost: 'free'},
			{kind: 'balance', spends: false, cost: 'free'},
			{kind: 'headroom', spends: true, cost: '1 token'},
		]);
		const clock = new FakeClock();
		const transport = new FakeTransport(clock);
		const m = createMonitor({keys: keys(1), ...stubs(clock, transport, adapter), noSpend: true});
		transport.reply('k1', request =>
			request.kind === 'balance'
				? {status: 200, body: JSON.stringify({credit: {remaining: 12.5, currency: 'USD', source: 'endpoint'}})}
				: {status: 200, body: JSON.stringify({windows: [{id: 'requests', limitKind: 'requests', period: 'minute', limit: 100, remaining: 5, source: 'headers'}]})},
		);
		const snapshot = await m.checkOnce();
		expect(transport.countFor('k1', 'headroom')).toBe(0);
		expect(transport.countFor('k1', 'balance')).toBe(1);
		const state = snapshot.keys[0]!;
		expect(state.credit?.remaining).toBe(12.5);
		expect(state.windows.map(w => [w.id, w.remaining])).toEqual([['requests', 5]]);
		expect(state.status).toBe('LOW');
		expect(state.recent.map(r => r.probe)).toEqual(['validity', 'balance']);
		await m.stop();
	});

	it('gives a LOW key the why, the fix steps and the clear time of what made it LOW (readings keep the plain verdict)', async () => {
		const {clock, transport, monitor} = setup();
		const resetAt = clock.now() + 56_000;
		transport.reply('k1', request =>
			request.kind === 'headroom' ? {status: 200, body: JSON.stringify({windows: [{id: 'requests', limitKind: 'requests', period: 'minute', limit: 500, remaining: 4, resetAt, source: 'headers'}]})} : {status: 200},
		);
		const state = (await monitor.checkOnce()).keys[0]!;
		expect(state.status).toBe('LOW');
		expect(state.verdict?.kind).toBe('ok');
		expect(state.verdict?.title).toBe('Low headroom: 4 of 500 requests per minute left');
		expect(state.verdict?.why).toContain('requests per minute: 4 of 500 left');
		expect(state.verdict?.fix.join(' ')).toContain('https://platform.openai.com/settings/organization/limits');
		expect(state.verdict?.clears).toBe('by_itself');
		expect(state.verdict?.clearsAt).toBe(resetAt);
		expect(state.recent.every(r => r.verdict.title === 'OK')).toBe(true);
	});

	it('marks an OK under noSpend as seen by the free probe only: credit and rate limits were not checked', async () => {
		const {monitor} = setup({noSpend: true});
		const state = (await monitor.checkOnce()).keys[0]!;
		expect(state.status).toBe('OK');
		expect(state.verdict?.title).toBe('Key accepted (free probe only)');
		expect(state.verdict?.why).toContain('credit and rate limits are not visible without a headroom probe');
		expect(state.verdict?.why).toContain('--no-spend');
	});

	it('leaves an OK alone once the headroom probe has spoken', async () => {
		const {monitor} = setup();
		const state = (await monitor.checkOnce()).keys[0]!;
		expect(state.status).toBe('OK');
		expect(state.verdict?.title).toBe('OK');
	});
});

describe('failures stay with their key', () => {
	it('marks a key DOWN on a network failure or timeout while the others stay OK', async () => {
		const {transport, monitor} = setup({count: 3});
		transport.reply('k2', networkFailure('timeout', 'no answer within 10 s'));
		const snapshot = await monitor.checkOnce();
		expect(snapshot.keys.map(k => k.status)).toEqual(['OK', 'DOWN', 'OK']);
		expect(snapshot.keys[1]?.verdict?.kind).toBe('network');
		expect(snapshot.offline).toBeUndefined();
	});

	it('gives up on a transport that never answers after the timeout, without holding up other keys', async () => {
		const {clock, transport, monitor} = setup({count: 3, noSpend: true, timeoutMs: 10_000});
		transport.reply('k2', () => undefined);
		monitor.start();
		await clock.advance(5 * MINUTE);
		const [k1, k2, k3] = monitor.getSnapshot().keys;
		expect(k2?.status).toBe('DOWN');
		expect(k2?.verdict?.why).toContain('no answer');
		expect(k1?.status).toBe('OK');
		expect(k3?.status).toBe('OK');
		expect(transport.countFor('k1')).toBeGreaterThanOrEqual(5);
		expect(transport.countFor('k2')).toBeLessThanOrEqual(3);
	});

	it('shows a key with nothing to probe (every request impossible) as needing action instead of CHECKING forever', async () => {
		const clock = new FakeClock();
		const transport = new FakeTransport(clock);
		const adapter = stubAdapter();
		adapter.request = () => undefined;
		const monitor = createMonitor({keys: keys(1), ...stubs(clock, transport, adapter)});
		running.push(monitor);
		const snapshot = await monitor.checkOnce();
		expect(snapshot.keys[0]?.verdict?.title).toBe('Nothing to probe');
		expect(snapshot.keys[0]?.status).toBe('DENIED');
		expect(transport.requests).toHaveLength(0);
	});

	it('survives an adapter, diagnose or listener that throws', async () => {
		const clock = new FakeClock();
		const transport = new FakeTransport(clock);
		const adapter = stubAdapter();
		adapter.decode = () => {
			throw new Error('decode blew up on sk-test-leaky-0123456789abcdef');
		};
		const monitor = createMonitor({keys: keys(2), ...stubs(clock, transport, adapter), clock, random: seededRandom(1)});
		running.push(monitor);
		monitor.subscribe(() => {
			throw new Error('listener bug');
		});
		const snapshot = await monitor.checkOnce();
		expect(snapshot.keys.map(k => k.verdict?.kind)).toEqual(['unknown', 'unknown']);
		expect(JSON.stringify(snapshot)).not.toContain('0123456789abcdef');
		await flush();
	});
});

describe('secrets', () => {
	it('shows a key whose env var is missing as DENIED with the reason and the fix, and never crashes', async () => {
		const env: NodeJS.ProcessEnv = {};
		const missing: KeyConfig = {name: 'prod', provider: 'openai', secret: {type: 'env', name: 'OPENAI_API_KEY'}};
		const {clock, transport, monitor} = setup({keys: [missing, key('ok')], env});
		const snapshot = await monitor.checkOnce();
		const [prod, ok] = snapshot.keys;
		expect(prod?.status).toBe('DENIED');
		expect(prod?.verdict?.kind).toBe('invalid_key');
		expect(prod?.verdict?.title).toBe('No key: OPENAI_API_KEY is not set');
		expect(prod?.verdict?.fix[0]).toContain('OPENAI_API_KEY');
		expect(prod?.secretSource).toBe('env OPENAI_API_KEY');
		expect(ok?.status).toBe('OK');
		expect(transport.countFor('prod')).toBe(0);

		// Still DENIED while running, re-checked slowly, and recovers once the variable appears.
		monitor.start();
		await clock.advance(MINUTE);
		expect(monitor.getSnapshot().keys[0]?.status).toBe('DENIED');
		env.OPENAI_API_KEY = 'sk-test-now-set-0123456789';
		await clock.advance(6 * MINUTE);
		expect(monitor.getSnapshot().keys[0]?.status).toBe('OK');
		expect(monitor.getSnapshot().keys[0]?.masked).toBe('sk-…6789');
	});

	it('never lets the key into the snapshot, even when the provider echoes it back', async () => {
		const secret = 'sk-test-echo-Zq7Xw3Vt9Rp2Lm5N';
		const {transport, monitor} = setup({keys: [key('echo', {secret: {type: 'value', value: secret}})]});
		transport.reply('echo', request => ({status: 401, body: `Incorrect API key provided: ${request.secret}. Also ${request.secret.slice(3, 20)}.`}));
		const snapshot = await monitor.checkOnce();
		expect(transport.requests[0]?.secret).toBe(secret);
		const text = JSON.stringify(snapshot);
		expect(text).not.toContain(secret);
		expect(text).not.toContain('Zq7Xw3Vt9Rp2');
		expect(snapshot.keys[0]?.masked).toBe('sk-…Lm5N');
		expect(snapshot.keys[0]?.status).toBe('DENIED');
	});
});

describe('pause, probeNow, stop', () => {
	it('sends nothing while paused and resumes spread out, not in a burst', async () => {
		const {clock, transport, monitor} = setup({count: 20, noSpend: true});
		monitor.start();
		await clock.advance(5 * MINUTE);
		monitor.setPaused(true);
		expect(monitor.getSnapshot().paused).toBe(true);
		expect(clock.pending).toBe(0);
		const before = transport.requests.length;
		await clock.advance(60 * MINUTE);
		expect(transport.requests.length).toBe(before);

		const resumedAt = clock.now();
		monitor.setPaused(false);
		expect(monitor.getSnapshot().paused).toBe(false);
		await clock.advance(MINUTE);
		const after = transport.requests.slice(before);
		expect(new Set(after.map(r => r.key)).size).toBe(20);
		const firstSecond = after.filter(r => r.at < resumedAt + 1_000).length;
		expect(firstSecond).toBeLessThanOrEqual(5);
	});

	it('probeNow probes at once, then the schedule continues from that probe', async () => {
		const {clock, transport, monitor} = setup({noSpend: true});
		monitor.start();
		await clock.advance(10_000);
		expect(transport.countFor('k1')).toBe(1);
		monitor.probeNow('k1');
		monitor.probeNow('nope');
		await flush();
		expect(transport.countFor('k1')).toBe(2);
		const probedAt = clock.now();
		expect(monitor.getSnapshot().keys[0]?.nextProbeAt).toBeGreaterThanOrEqual(probedAt + 0.9 * MINUTE);
		await clock.advance(2 * MINUTE);
		const next = transport.timesFor('k1')[2]!;
		expect(next - probedAt).toBeGreaterThanOrEqual(0.9 * MINUTE);
		expect(next - probedAt).toBeLessThanOrEqual(1.1 * MINUTE);
	});

	it('probeNow works while paused and does not restart the schedule', async () => {
		const {clock, transport, monitor} = setup({noSpend: true});
		monitor.start();
		await clock.advance(5_000);
		monitor.setPaused(true);
		monitor.probeNow('k1');
		await flush();
		expect(transport.countFor('k1')).toBe(2);
		expect(clock.pending).toBe(0);
	});

	it('stop gives up on probes in flight at once (their owner aborts the requests), records nothing after, leaves zero timers and does not close the transport', async () => {
		const {clock, transport, monitor} = setup({count: 10});
		transport.latencyMs = 4_000;
		monitor.start();
		await clock.advance(1_000);
		const inFlight = transport.inFlight;
		expect(inFlight).toBeGreaterThan(0);
		const readings = monitor.getSnapshot().keys.reduce((n, k) => n + k.recent.length, 0);
		// A hanging provider must not hold stop (and the history it saves) until its timeout.
		await monitor.stop();
		// The monitor's own timers are gone; only the fake transport's still run its in-flight answers.
		expect(monitor.stats().timers).toBe(0);
		expect(clock.pending).toBe(inFlight);
		expect(transport.closed).toBe(false);
		expect(monitor.getSnapshot().keys.every(k => !k.probing)).toBe(true);
		// The answers that land afterwards are not readings, and nothing new is sent.
		const sent = transport.requests.length;
		await clock.advance(60 * MINUTE);
		expect(transport.inFlight).toBe(0);
		expect(clock.pending).toBe(0);
		expect(transport.requests.length).toBe(sent);
		expect(monitor.getSnapshot().keys.reduce((n, k) => n + k.recent.length, 0)).toBe(readings);
	});
});

describe('snapshot and subscribers', () => {
	it('returns the same snapshot until something changes, then a new one; old ones never change', async () => {
		const {monitor} = setup({count: 2});
		const first = monitor.getSnapshot();
		expect(monitor.getSnapshot()).toBe(first);
		expect(first.keys.map(k => k.status)).toEqual(['CHECKING', 'CHECKING']);
		await monitor.checkOnce();
		const second = monitor.getSnapshot();
		expect(second).not.toBe(first);
		expect(first.keys.map(k => k.status)).toEqual(['CHECKING', 'CHECKING']);
		expect(Object.isFrozen(second)).toBe(true);
		expect(Object.isFrozen(second.keys[0])).toBe(true);
		monitor.setPaused(true);
		const third = monitor.getSnapshot();
		expect(third.paused).toBe(true);
		// A key that did not change keeps its object, so rows can be memoised.
		expect(third.keys[0]?.recent).toBe(second.keys[0]?.recent);
	});

	it('coalesces a burst of changes into one notification and stops after unsubscribe', async () => {
		const {monitor} = setup({count: 10});
		const listener = vi.fn();
		const unsubscribe = monitor.subscribe(listener);
		monitor.setPaused(true);
		monitor.setPaused(false);
		monitor.setPaused(true);
		await flush();
		expect(listener).toHaveBeenCalledTimes(1);
		unsubscribe();
		monitor.setPaused(false);
		await flush();
		expect(listener).toHaveBeenCalledTimes(1);
	});

	it('keeps recent readings and history bounded', async () => {
		const {clock, monitor} = setup({noSpend: true, historySize: 5, historyCapacity: 7});
		monitor.start();
		await clock.advance(30 * MINUTE);
		expect(monitor.getSnapshot().keys[0]?.recent).toHaveLength(5);
		expect(monitor.history('k1')?.size).toBe(7);
		expect(monitor.history('nope')).toBeUndefined();
	});
});

describe('one status per probe round', () => {
	it('publishes a round’s readings together: a limited key never reads LOW between its free probe and its 429', async () => {
		const {clock, transport, monitor} = setup({intervalMs: 10_000, headroomIntervalMs: 30_000});
		transport.latencyMs = 50;
		let resetAt = 0;
		transport.reply('k1', request => {
			if (request.kind === 'validity') return {status: 200};
			// Each time the window refills it is empty again at once: a per-minute limit hit every minute.
			resetAt = request.at + MINUTE;
			const windows = [{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: 1000, remaining: 0, resetAt, source: 'headers'}];
			return {status: 429, headers: {'x-clears-at': String(resetAt)}, body: JSON.stringify({windows})};
		});
		const shown: string[] = [];
		monitor.subscribe(() => {
			const state = monitor.getSnapshot().keys[0]!;
			if (state.checkedAt !== undefined) shown.push(state.status);
		});
		monitor.start();
		await clock.advance(5 * MINUTE);
		expect(transport.countFor('k1', 'headroom')).toBeGreaterThanOrEqual(4);
		expect(transport.countFor('k1', 'validity')).toBeGreaterThanOrEqual(4);
		expect(new Set(shown)).toEqual(new Set(['LIMITED']));
		// Held until the reset the provider named, and the state says so.
		const state = monitor.getSnapshot().keys[0]!;
		expect(state.heldUntil).toBe(resetAt);
		expect(state.nextProbeAt).toBeGreaterThanOrEqual(resetAt);
		// The trend records one sample per round too.
		expect(new Set(monitor.history('k1')!.statuses())).toEqual(new Set(['LIMITED']));
	});

	it('drops the hold from the state once the key answers well', async () => {
		const {clock, transport, monitor} = setup({intervalMs: 10_000, headroomIntervalMs: 10_000});
		const until = clock.now() + 30_000;
		transport.reply('k1', request => (request.at < until ? {status: 429, headers: {'retry-after': '30'}} : {status: 200}));
		monitor.start();
		await clock.advance(5_000);
		expect(monitor.getSnapshot().keys[0]).toMatchObject({status: 'LIMITED', heldUntil: expect.any(Number)});
		await clock.advance(MINUTE);
		expect(monitor.getSnapshot().keys[0]!.status).toBe('OK');
		expect(monitor.getSnapshot().keys[0]!.heldUntil).toBeUndefined();
	});
});

describe('secretLookup', () => {
	it('hands out the secrets the monitor resolved, running a secret command once for probes and proxy alike', async () => {
		const {mkdtempSync, readFileSync} = await import('node:fs');
		const {tmpdir} = await import('node:os');
		const path = await import('node:path');
		const counter = path.join(mkdtempSync(path.join(tmpdir(), 'kw-secret-')), 'runs');
		const commandKey = key('cmd', {secret: {type: 'command', command: `echo run >> '${counter}'; echo sk-test-command-0123456789abcdef`}});
		const missing = key('gone', {secret: {type: 'env', name: 'KEYWATCH_TEST_NOT_SET_ANYWHERE'}});
		const {monitor} = setup({keys: [key('plain'), commandKey, missing], env: {}});
		monitor.start();
		const lookup = await monitor.secretLookup();
		await monitor.checkOnce();
		await monitor.secretLookup();
		expect(lookup('plain')).toBe('sk-test-plain-0123456789abcdef');
		expect(lookup('cmd')).toBe('sk-test-command-0123456789abcdef');
		expect(lookup('gone')).toBeUndefined();
		expect(lookup('nobody')).toBeUndefined();
		expect(readFileSync(counter, 'utf8').trim().split('\n')).toHaveLength(1);
	});
});
