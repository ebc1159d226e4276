import v8 from 'node:v8';
import vm from 'node:vm';
import {describe, expect, it, vi} from 'vitest';
import {createMonitor} from '../../source/monitor/monitor.js';
import {OFFLINE_PROBE_MS} from '../../source/monitor/schedule.js';
import {FakeClock, FakeTransport, keys, networkFailure, seededRandom, stubs} from './helpers.js';

vi.mock('../../source/providers/registry.js', () => ({getAdapter: () => {
	throw new Error('the real registry must not be used here');
}}));
vi.mock('../../source/diagnosis/index.js', () => ({
	diagnose: () => {
		throw new Error('the real diagnose must not be used here');
	},
	statusOf: () => 'DOWN',
}));

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('offline', () => {
	// Every host refusing is the same as no DNS: the machine (or its VPN, or the proxy) is off the network.
	it.each([
		['dns', 'getaddrinfo ENOTFOUND api.openai.com'],
		['refused', 'connect ECONNREFUSED 127.0.0.1:443'],
		['offline', 'connect ENETUNREACH'],
	] as const)('goes offline once when every key fails with %s, probes one canary at a time, and recovers without a burst', async (kind, message) => {
		const clock = new FakeClock();
		const transport = new FakeTransport(clock);
		const monitor = createMonitor({keys: keys(10), ...stubs(clock, transport), random: seededRandom(5), noSpend: true});
		transport.replyAll(networkFailure(kind, message));
		const notifications: boolean[] = [];
		monitor.subscribe(() => notifications.push(Boolean(monitor.getSnapshot().offline)));
		monitor.start();
		await clock.advance(10_000);
		expect(monitor.getSnapshot().offline).toBe(true);
		expect(monitor.getSnapshot().keys.every(k => k.status === 'DOWN')).toBe(true);
		// One shared timer instead of ten keys retrying on their own.
		expect(clock.pending).toBe(1);

		const before = transport.requests.length;
		await clock.advance(2 * HOUR);
		const offlineRequests = transport.requests.slice(before);
		// One probe at a time at a steady pace (30 s ± 10%): it never backs off, so recovery is noticed within ~33 s.
		const spacing = offlineRequests.slice(1).map((r, i) => r.at - offlineRequests[i]!.at);
		expect(Math.min(...spacing)).toBeGreaterThanOrEqual(0.9 * OFFLINE_PROBE_MS);
		expect(Math.max(...spacing)).toBeLessThanOrEqual(1.1 * OFFLINE_PROBE_MS);
		expect(offlineRequests.length).toBeLessThanOrEqual((2 * HOUR) / (0.9 * OFFLINE_PROBE_MS) + 1);
		// Taking turns: the canary moves round the keys.
		expect(new Set(offlineRequests.map(r => r.key)).size).toBe(10);
		expect(clock.pending).toBe(1);

		transport.replyAll({status: 200});
		const quiet = transport.requests.length;
		const backAt = clock.now();
		await clock.advance(1.1 * OFFLINE_PROBE_MS);
		expect(monitor.getSnapshot().offline).toBeUndefined();
		await clock.advance(2 * MINUTE);
		const recovered = transport.requests.slice(quiet);
		const canaryAt = recovered[0]!.at;
		expect(canaryAt - backAt).toBeLessThanOrEqual(1.1 * OFFLINE_PROBE_MS);
		// After the canary, the other keys come back one by one, spread out, not all in the same instant.
		const rest = recovered.slice(1, 10);
		expect(new Set(rest.map(r => r.key)).size).toBe(9);
		expect(new Set(rest.map(r => r.at)).size).toBeGreaterThanOrEqual(8);
		expect(rest.every(r => r.at > canaryAt)).toBe(true);
		// No second holds more than half of them (they come back a quarter of a second apart).
		const perSecond = new Map<number, number>();
		for (const r of recovered) perSecond.set(Math.floor(r.at / 1000), (perSecond.get(Math.floor(r.at / 1000)) ?? 0) + 1);
		expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
		expect(monitor.getSnapshot().keys.every(k => k.status === 'OK')).toBe(true);
		expect(notifications.filter((offline, i) => offline && !notifications[i - 1]).length).toBe(1);
		await monitor.stop();
		expect(clock.pending).toBe(0);
	});

	it('does not call it offline when only some keys fail', async () => {
		const clock = new FakeClock();
		const transport = new FakeTransport(clock);
		const monitor = createMonitor({keys: keys(3), ...stubs(clock, transport), random: seededRandom(5), noSpend: true});
		transport.reply('k1', networkFailure('refused'));
		transport.reply('k2', networkFailure('dns'));
		monitor.start();
		await clock.advance(30 * MINUTE);
		expect(monitor.getSnapshot().offline).toBeUndefined();
		expect(transport.countFor('k3')).toBeGreaterThanOrEqual(25);
		await monitor.stop();
	});
});

describe('clock trouble', () => {
	it('after the process was stopped for two hours, probes each key once, spread out, not in a burst', async () => {
		const clock = new FakeClock();
		const transport = new FakeTransport(clock);
		const monitor = createMonitor({keys: keys(20), ...stubs(clock, transport), random: seededRandom(2), noSpend: true});
		monitor.start();
		await clock.advance(10 * MINUTE);
		const before = transport.requests.length;
		clock.suspend(2 * HOUR);
		const wokeAt = clock.now();
		await clock.advance(MINUTE + 10_000);
		const after = transport.requests.slice(before);
		expect(new Set(after.map(r => r.key)).size).toBe(20);
		const perKey = new Map<string, number>();
		for (const r of after) perKey.set(r.key, (perKey.get(r.key) ?? 0) + 1);
		expect(Math.max(...perKey.values())).toBeLessThanOrEqual(2);
		expect(after.filter(r => r.at < wokeAt + 1_000).length).toBeLessThanOrEqual(5);
		await monitor.stop();
	});

	it('keeps polling on time when the wall clock is stepped back an hour', async () => {
		const clock = new FakeClock();
		const transport = new FakeTransport(clock);
		const monitor = createMonitor({keys: keys(1), ...stubs(clock, transport), random: seededRandom(2), noSpend: true});
		monitor.start();
		await clock.advance(5 * MINUTE);
		const before = transport.countFor('k1');
		clock.stepWall(-HOUR);
		await clock.advance(10 * MINUTE);
		expect(transport.countFor('k1') - before).toBeGreaterThanOrEqual(9);
		await monitor.stop();
	});
});

describe('a simulated week', () => {
	it('keeps readings, history, timers and listeners flat between day 1 and day 7 of polls on 50 keys', {timeout: 60_000}, async () => {
		const clock = new FakeClock();
		const transport = new FakeTransport(clock);
		// A 5-minute interval keeps the test quick; a day of history (288 samples) means every buffer has
		// wrapped by the end of day 1, so from there on nothing may grow.
		const monitor = createMonitor({keys: keys(50), ...stubs(clock, transport), random: seededRandom(11), intervalMs: 5 * MINUTE, headroomIntervalMs: 15 * MINUTE, historySize: 60, historyCapacity: 288});
		// A mix of moods: most keys healthy, some rate-limited now and then, some flaky, one always refused.
		transport.replyAll(request => {
			const n = Number(request.key.slice(1));
			const hour = Math.floor(request.at / HOUR);
			if (n === 50) return networkFailure('refused');
			if (n % 10 === 0 && hour % 6 === 0) return {status: 429, headers: {'retry-after': '120'}};
			if (n % 7 === 0 && hour % 5 === 0) return {status: 503};
			return {status: 200, body: JSON.stringify({windows: [{id: 'requests', limitKind: 'requests', period: 'minute', limit: 100, remaining: 100 - (request.at / MINUTE) % 100, source: 'headers'}]})};
		});
		// A screen that stays, and remote screens that come and go every hour.
		monitor.subscribe(() => {});
		monitor.start();
		const pendingPerHour: number[] = [];
		let validityK1 = 0;
		type Counts = ReturnType<typeof counts>;
		const counts = () => {
			const snapshot = monitor.getSnapshot();
			return {
				...monitor.stats(),
				pending: clock.pending,
				recent: snapshot.keys.reduce((sum, k) => sum + k.recent.length, 0),
				history: snapshot.keys.reduce((sum, k) => sum + monitor.history(k.id)!.size, 0),
				processListeners: ['exit', 'SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection'].map(e => process.listenerCount(e)),
				resources: process.getActiveResourcesInfo().length,
			};
		};
		let day1: Counts | undefined;
		let heapDay1 = 0;
		for (let hour = 0; hour < 7 * 24; hour++) {
			const unsubscribe = monitor.subscribe(() => {});
			await clock.advance(HOUR);
			unsubscribe();
			pendingPerHour.push(clock.pending);
			// The fake transport's own log is the test's, not the monitor's: count it and let it go.
			validityK1 += transport.countFor('k1', 'validity');
			transport.requests.splice(0);
			if (hour === 23) {
				day1 = counts();
				heapDay1 = heapUsed();
			}
		}
		const day7 = counts();
		const heapDay7 = heapUsed();

		// One timer per key between polls, never more, never growing.
		expect(Math.max(...pendingPerHour)).toBeLessThanOrEqual(50);
		expect(Math.min(...pendingPerHour.slice(1))).toBeGreaterThanOrEqual(49);
		expect(validityK1).toBeGreaterThan(7 * 24 * 12 * 0.9);
		expect(day1).toBeDefined();
		// Between polls: the same timers, the same one listener, nothing running or queued, buffers full and no
		// fuller. (A key that spent day 1 backing off has fewer history samples then; the cap is what counts.)
		expect({...day7, history: 0}).toEqual({...day1!, history: 0});
		expect(day7.listeners).toBe(1);
		expect(day7.recent).toBe(50 * 60);
		expect(day7.history).toBe(50 * 288);
		expect(day7.running + day7.active + day7.waiting).toBe(0);
		expect(day7.timers).toBe(day7.pending);
		// Six more days of polls (about 100,000 readings) left the heap where day 1 left it.
		expect(heapDay7 - heapDay1).toBeLessThan(3 * 1024 * 1024);
		expect(transport.maxInFlight).toBeLessThanOrEqual(8);
		await monitor.stop();
		expect(clock.pending).toBe(0);
		expect(monitor.stats().timers).toBe(0);
	});
});

function heapUsed(): number {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}
