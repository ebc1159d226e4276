// Issue #6: thousands of keys (2,000) against the fake provider. The monitor runs on a fake clock, the requests
// are real (the real transport, the real fake provider on 127.0.0.1, the real adapters and diagnosis): each
// simulated second fires the timers due in it, then waits, in real time, until every request it started has
// been answered. So "per second" below is simulated time, and nothing depends on how fast this machine is.

import {setTimeout as sleep} from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createMonitor, type Monitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import type {KeyConfig} from '../../source/types.js';
import {FakeClock} from '../monitor/helpers.js';
import {CountingTransport, runSimulated} from './helpers.js';

const KEYS = 2_000;
const INTERVAL_MS = 60_000;
const CONCURRENCY = 8;
const RECENT = 3;
const STEP_MS = 1_000;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('2,000 keys against the fake provider', () => {
	let clock: FakeClock;
	let fake: FakeProvider;
	let transport: CountingTransport;
	let monitor: Monitor;
	let t0: number;

	const run = (ms: number) => runSimulated(clock, transport, monitor, ms, STEP_MS);

	function heapUsed(): number {
		gc();
		gc();
		return process.memoryUsage().heapUsed;
	}

	beforeAll(async () => {
		clock = new FakeClock();
		fake = await startFakeProvider({clock: () => clock.now()});
		transport = new CountingTransport(createTransport({timeoutMs: 10_000}), clock);
		const keys: KeyConfig[] = Array.from({length: KEYS}, (_, i) => ({
			name: `key-${i}`,
			provider: 'openai',
			secret: {type: 'value', value: `sk-test-healthy-many${String(i).padStart(6, '0')}abcdef`},
			baseUrl: fake.baseUrl('openai'),
		}));
		monitor = createMonitor({keys, transport, clock, diagnose, statusOf, intervalMs: INTERVAL_MS, concurrency: CONCURRENCY, noSpend: true, historySize: RECENT, historyCapacity: 10});
		t0 = clock.now();
		monitor.start();
		// Secrets resolve for real (promises, no timers); then every key has its first probe armed.
		for (let i = 0; clock.pending < KEYS && i < 5_000; i++) await sleep(2);
		expect(clock.pending).toBe(KEYS);
	}, 60_000);

	afterAll(async () => {
		await monitor?.stop();
		await transport?.close();
		await fake?.close();
	});

	it('spreads the first round over the interval: every key once, no second of it a burst', {timeout: 300_000}, async () => {
		await run(INTERVAL_MS + 5_000);
		const snapshot = monitor.getSnapshot();
		expect(snapshot.keys.filter(k => k.status === 'OK')).toHaveLength(KEYS);
		// When each key's first answer came, per second: one round over the interval, a fair share each second.
		// An answer is stamped when it arrives, which on this clock is the end of the step its request began in.
		const firsts = new Array<number>(Math.ceil(INTERVAL_MS / 1000) + 5).fill(0);
		for (const key of snapshot.keys) firsts[Math.floor((key.recent[0]!.at - t0 - STEP_MS) / 1000)]!++;
		const average = KEYS / (INTERVAL_MS / 1000);
		expect(firsts.reduce((a, b) => a + b, 0)).toBe(KEYS);
		expect(Math.max(...firsts)).toBeLessThanOrEqual(Math.ceil(average * 1.5));
		expect(firsts.slice(0, INTERVAL_MS / 1000).every(n => n > 0), JSON.stringify(firsts)).toBe(true);
		// All requests in that time, second rounds included: still never a burst.
		expect(Math.max(...transport.perSecond(t0, t0 + INTERVAL_MS + 5_000))).toBeLessThanOrEqual(Math.ceil(average * 2));
		expect(transport.maxInFlight).toBeLessThanOrEqual(CONCURRENCY);
		// The bound was reached, so it was the bound that held the rest back.
		expect(transport.maxInFlight).toBe(CONCURRENCY);
	});

	it('keeps polling at one probe per key per interval, spread out, with the bound, the timers, sockets and memory flat', {timeout: 600_000}, async () => {
		const sockets = () => process.getActiveResourcesInfo().filter(r => r === 'TCPSocketWrap').length;
		// Warm-up: caches and compiled code settle over the first few rounds (measured: +2 MB, then +0.1 MB a round).
		await run(4 * INTERVAL_MS);
		const heapBefore = heapUsed();
		const from = clock.now();
		await run(3 * INTERVAL_MS);
		const heapAfter = heapUsed();

		const counts = transport.perSecond(from, from + 3 * INTERVAL_MS);
		const total = counts.reduce((a, b) => a + b, 0);
		// Each key about once an interval (±10% jitter on the period): 3 intervals, 2,000 keys.
		expect(total).toBeGreaterThan(KEYS * 3 * 0.85);
		expect(total).toBeLessThan(KEYS * 3 * 1.2);
		const average = total / counts.length;
		expect(Math.max(...counts)).toBeLessThanOrEqual(Math.ceil(average * 2));
		// Every 10 s of simulated time carries its share; no gap where nothing is probed.
		for (let s = 0; s + 10 <= counts.length; s += 10) expect(counts.slice(s, s + 10).reduce((a, b) => a + b, 0)).toBeGreaterThan(average * 10 * 0.5);

		expect(transport.maxInFlight).toBeLessThanOrEqual(CONCURRENCY);
		// One timer per key between polls; the connections the transport may keep, at most, on each side.
		expect(clock.pending).toBe(KEYS);
		expect(sockets()).toBeLessThanOrEqual(2 * CONCURRENCY + 2);
		const snapshot = monitor.getSnapshot();
		for (const key of snapshot.keys) {
			expect(key.recent.length).toBe(RECENT);
			expect(monitor.history(key.id)!.size).toBeLessThanOrEqual(10);
		}
		// Three more rounds, 6,000 readings, left the heap where it was: a leak of even 1 KB a reading would show.
		expect(heapAfter - heapBefore).toBeLessThan(4 * 1024 * 1024);
	});
});
