// Issue #6, "Long runs": the machine goes offline (every key's host refuses) and the network comes back. Real
// requests through the real transport to a real 127.0.0.1 port that refuses, then answers once the fake provider
// starts on it; the monitor runs on a fake clock, so two hours offline take seconds.

import {setTimeout as sleep} from 'node:timers/promises';
import {afterAll, describe, expect, it} from 'vitest';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {basePaths} from '../../source/fake/providers/index.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {FIRST_PROBE_GAP_MS, OFFLINE_PROBE_MS} from '../../source/monitor/schedule.js';
import {createTransport} from '../../source/net/transport.js';
import type {KeyConfig, ProviderId} from '../../source/types.js';
import {FakeClock, seededRandom} from '../monitor/helpers.js';
import {closedPort, CountingTransport, runSimulated} from './helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('offline and back', () => {
	let fake: FakeProvider | undefined;
	afterAll(() => fake?.close());

	it('shows one offline state while every host refuses, probes one key at a time, and recovers by itself without a burst', {timeout: 120_000}, async () => {
		const port = await closedPort();
		const families: ProviderId[] = ['openai', 'anthropic', 'mistral', 'groq'];
		const keys: KeyConfig[] = Array.from({length: 20}, (_, i) => families[i % families.length]!).map((provider, i) => ({
			name: `k${i}`,
			provider,
			secret: {type: 'value', value: `sk-test-healthy-offline${i}0123456789`},
			baseUrl: `http://127.0.0.1:${port}${basePaths[provider]}`,
		}));
		const clock = new FakeClock();
		const transport = new CountingTransport(createTransport({timeoutMs: 5_000}), clock);
		const monitor = createMonitor({keys, transport, clock, diagnose, statusOf, intervalMs: MINUTE, noSpend: true, random: seededRandom(3)});
		const offlineChanges: boolean[] = [];
		monitor.subscribe(() => {
			const offline = monitor.getSnapshot().offline === true;
			if (offlineChanges.at(-1) !== offline) offlineChanges.push(offline);
		});
		try {
			monitor.start();
			for (let i = 0; clock.pending < keys.length && i < 1_000; i++) await sleep(2);
			await runSimulated(clock, transport, monitor, 10_000, 250);

			const offline = monitor.getSnapshot();
			expect(offline.offline).toBe(true);
			expect(offline.keys.map(k => [k.status, k.verdict?.title])).toEqual(keys.map(() => ['DOWN', 'Connection refused']));
			// One shared timer for the canary, instead of twenty keys retrying on their own.
			expect(clock.pending).toBe(1);

			const before = transport.startedAt.length;
			await runSimulated(clock, transport, monitor, 2 * HOUR, 10_000);
			const whileOffline = transport.startedAt.length - before;
			expect(whileOffline).toBeGreaterThan(0);
			// One canary every 30 s (±10%), never faster: 2 hours offline cost at most ~270 refused connections.
			expect(whileOffline).toBeLessThanOrEqual((2 * HOUR) / (0.9 * OFFLINE_PROBE_MS) + 1);
			expect(monitor.getSnapshot().offline).toBe(true);
			expect(clock.pending).toBe(1);

			// The network is back: the same address answers now.
			fake = await startFakeProvider({port, clock: () => clock.now()});
			const backAt = clock.now();
			// Noticed by the next canary, within one 30 s step, not after a backoff of up to 15 minutes.
			await runSimulated(clock, transport, monitor, 1.1 * OFFLINE_PROBE_MS, 250);
			expect(monitor.getSnapshot().offline).toBeUndefined();
			await runSimulated(clock, transport, monitor, 2 * MINUTE, 250);
			const back = monitor.getSnapshot();
			expect(back.offline).toBeUndefined();
			expect(back.keys.map(k => k.status)).toEqual(keys.map(() => 'OK'));
			// Recovered by a canary, then the rest one slot apart (FIRST_PROBE_GAP_MS), not all at once.
			// (The recovery round only: later rounds follow each key's own jittered period.)
			const perSecond = transport.perSecond(backAt, backAt + MINUTE);
			expect(Math.max(...perSecond)).toBeLessThanOrEqual(1000 / FIRST_PROBE_GAP_MS + 1);
			expect(offlineChanges).toEqual([false, true, false]);
			expect(clock.pending).toBe(keys.length);
		} finally {
			await monitor.stop();
			await transport.close();
		}
	});
});
