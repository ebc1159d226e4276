// reliability-notes #4: the TCP connection is reset mid-request (ECONNRESET, after part of the answer). Real
// requests through the real transport to a 127.0.0.1 server that starts an answer and resets the socket; the
// monitor runs on a fake clock. A host that resets is retried with jittered backoff, never sooner than the interval,
// while keys elsewhere keep their schedule; when every key's host resets, the view shows one offline state and one
// canary probes, instead of every key retrying on its own, and everything recovers by itself.

import type net from 'node:net';
import {setTimeout as sleep} from 'node:timers/promises';
import {afterEach, describe, expect, it} from 'vitest';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {basePaths} from '../../source/fake/providers/index.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {OFFLINE_PROBE_MS} from '../../source/monitor/schedule.js';
import {createTransport} from '../../source/net/transport.js';
import type {KeyConfig, ProviderId} from '../../source/types.js';
import {FakeClock, seededRandom} from '../monitor/helpers.js';
import {tcpServer, type Running} from '../net/servers.js';
import {CountingTransport, runSimulated} from './helpers.js';

const MINUTE = 60_000;

/** Reads a request, sends the start of an answer, then resets the connection (RST, not FIN). */
async function resettingHost(): Promise<Running & {requests: () => number}> {
	let requests = 0;
	const running = await tcpServer((socket: net.Socket) => {
		socket.on('error', () => {});
		socket.once('data', () => {
			requests++;
			socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n{"object": "li');
			setImmediate(() => socket.resetAndDestroy());
		});
	});
	return {...running, requests: () => requests};
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()?.();
});

const families: ProviderId[] = ['openai', 'anthropic', 'mistral', 'groq'];
const keysOn = (count: number, url: string, tag: string): KeyConfig[] =>
	Array.from({length: count}, (_, i) => families[i % families.length]!).map((provider, i) => ({
		name: `${tag}${i}`,
		provider,
		secret: {type: 'value', value: `sk-test-healthy-${tag}${i}0123456789abcdef`},
		baseUrl: `${url}${basePaths[provider]}`,
	}));

describe('connections reset mid-request', () => {
	it('one host resets: its keys read "Connection reset" and back off with jitter, never before the interval; keys elsewhere keep their schedule', {timeout: 120_000}, async () => {
		const host = await resettingHost();
		const clock = new FakeClock();
		const fake = await startFakeProvider({clock: () => clock.now()});
		cleanups.push(() => fake.close(), () => host.close());
		const resetting = keysOn(8, host.url, 'r');
		const healthy = keysOn(4, fake.url, 'h');
		const transport = new CountingTransport(createTransport({timeoutMs: 5_000}), clock);
		const monitor = createMonitor({keys: [...resetting, ...healthy], transport, clock, diagnose, statusOf, intervalMs: MINUTE, noSpend: true, random: seededRandom(21)});
		cleanups.push(async () => {
			await monitor.stop();
			await transport.close();
		});
		monitor.start();
		for (let i = 0; clock.pending < resetting.length + healthy.length && i < 1_000; i++) await sleep(2);
		await runSimulated(clock, transport, monitor, 5_000, 250);

		const snapshot = monitor.getSnapshot();
		expect(snapshot.offline).toBeUndefined();
		for (const key of snapshot.keys) {
			if (key.name.startsWith('r')) expect([key.name, key.status, key.verdict?.title]).toEqual([key.name, 'DOWN', 'Connection reset']);
			else expect([key.name, key.status]).toEqual([key.name, 'OK']);
		}
		// The retries: each at least one interval after its failure (the upper half of an exponential window),
		// spread apart by jitter rather than landing together.
		const retries = snapshot.keys.filter(k => k.name.startsWith('r')).map(k => k.nextProbeAt! - k.checkedAt!);
		for (const wait of retries) {
			expect(wait).toBeGreaterThanOrEqual(MINUTE);
			expect(wait).toBeLessThanOrEqual(2 * MINUTE);
		}
		expect(new Set(retries.map(w => Math.round(w / 1000))).size).toBeGreaterThan(retries.length / 2);

		// Ten minutes on: the resetting keys were retried a handful of times each (backoff doubles), the healthy
		// ones polled about once a minute.
		const before = host.requests();
		await runSimulated(clock, transport, monitor, 10 * MINUTE, 5_000);
		const perResettingKey = (host.requests() - before) / resetting.length;
		expect(perResettingKey).toBeGreaterThanOrEqual(1);
		expect(perResettingKey).toBeLessThanOrEqual(4);
		expect(monitor.getSnapshot().keys.filter(k => k.name.startsWith('h')).every(k => k.status === 'OK' && clock.now() - k.checkedAt! <= 1.2 * MINUTE)).toBe(true);
	});

	it('every host resets: one offline state, one canary at a time, and recovery by itself when answers come back', {timeout: 120_000}, async () => {
		const host = await resettingHost();
		const port = host.port;
		const clock = new FakeClock();
		let fake: FakeProvider | undefined;
		cleanups.push(async () => {
			await fake?.close();
			await host.close();
		});
		const keys = keysOn(12, `http://127.0.0.1:${port}`, 'k');
		const transport = new CountingTransport(createTransport({timeoutMs: 5_000}), clock);
		const monitor = createMonitor({keys, transport, clock, diagnose, statusOf, intervalMs: MINUTE, noSpend: true, random: seededRandom(4)});
		cleanups.push(async () => {
			await monitor.stop();
			await transport.close();
		});
		const offlineChanges: boolean[] = [];
		monitor.subscribe(() => {
			const offline = monitor.getSnapshot().offline === true;
			if (offlineChanges.at(-1) !== offline) offlineChanges.push(offline);
		});
		monitor.start();
		for (let i = 0; clock.pending < keys.length && i < 1_000; i++) await sleep(2);
		await runSimulated(clock, transport, monitor, 5_000, 250);

		const down = monitor.getSnapshot();
		expect(down.offline).toBe(true);
		expect(down.keys.map(k => [k.status, k.verdict?.title])).toEqual(keys.map(() => ['DOWN', 'Connection reset']));
		// One shared timer for the canary instead of twelve keys retrying on their own.
		expect(clock.pending).toBe(1);
		const before = host.requests();
		await runSimulated(clock, transport, monitor, 30 * MINUTE, 5_000);
		expect(host.requests() - before).toBeLessThanOrEqual((30 * MINUTE) / (0.9 * OFFLINE_PROBE_MS) + 1);
		expect(monitor.getSnapshot().offline).toBe(true);

		// The same address answers properly again.
		await host.close();
		fake = await startFakeProvider({port, clock: () => clock.now()});
		await runSimulated(clock, transport, monitor, 1.1 * OFFLINE_PROBE_MS, 250);
		await runSimulated(clock, transport, monitor, 2 * MINUTE, 250);
		const back = monitor.getSnapshot();
		expect(back.offline).toBeUndefined();
		expect(back.keys.map(k => k.status)).toEqual(keys.map(() => 'OK'));
		expect(offlineChanges).toEqual([false, true, false]);
	});
});
