// reliability-notes #33: the provider hangs for every key at once (100 keys, one host that accepts and never
// answers). The global bound holds (eight requests in flight, the rest queued, one run per key), and the live view
// keeps answering keys while nothing comes back: moving, the detail pane, the filter. Shutting down aborts the
// requests in flight (the server sees every connection close). No timing is asserted, only what happens while the
// requests are still hanging.

import type net from 'node:net';
import {setTimeout as sleep} from 'node:timers/promises';
import {afterEach, describe, expect, it} from 'vitest';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import type {KeyConfig} from '../../source/types.js';
import {App} from '../../source/ui/components/App.js';
import {FakeClock, seededRandom} from '../monitor/helpers.js';
import {tcpServer} from '../net/servers.js';
import {keys as press, renderScreen} from '../ui/screen.js';

const MINUTE = 60_000;
const KEYS = 100;
const BOUND = 8;

async function until(predicate: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 1_000; i++) {
		if (predicate()) return;
		await sleep(10);
	}
	throw new Error(`timed out waiting for ${what}`);
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()?.();
});

describe('every key hangs at once', () => {
	it('holds the bound and keeps the live view answering keys while no request comes back; stopping aborts them all', {timeout: 60_000}, async () => {
		const open = new Set<net.Socket>();
		let maxOpen = 0;
		let requestsSeen = 0;
		const server = await tcpServer(socket => {
			open.add(socket);
			maxOpen = Math.max(maxOpen, open.size);
			socket.on('data', () => requestsSeen++);
			socket.on('close', () => open.delete(socket));
			// Reads the request and never says a word.
		});
		cleanups.push(() => server.close());

		const keys: KeyConfig[] = Array.from({length: KEYS}, (_, i) => ({
			name: `k${String(i).padStart(2, '0')}`,
			provider: 'openai',
			secret: {type: 'value', value: `sk-test-hang-${String(i).padStart(3, '0')}0123456789abcdef`},
			baseUrl: `${server.url}/v1`,
		}));
		const clock = new FakeClock();
		// A deadline far beyond the test: everything stays in flight for as long as the test looks.
		const transport = createTransport({timeoutMs: 120_000, connections: BOUND});
		const monitor = createMonitor({keys, transport, clock, diagnose, statusOf, intervalMs: MINUTE, timeoutMs: 120_000, concurrency: BOUND, noSpend: true, random: seededRandom(5)});
		const screen = renderScreen(<App monitor={monitor} intervalMs={MINUTE} clock={() => clock.now()} />, {columns: 120, rows: 40});
		let stopped = false;
		const stop = async () => {
			if (stopped) return;
			stopped = true;
			screen.unmount();
			const stopping = monitor.stop();
			await transport.close();
			await stopping;
		};
		cleanups.push(stop);

		monitor.start();
		await until(() => clock.pending >= KEYS, 'every key to be scheduled');
		// The whole first round comes due: every key starts a run.
		await clock.advance(MINUTE);
		await until(() => open.size === BOUND && requestsSeen >= BOUND, 'the first requests to reach the server');

		const stats = monitor.stats();
		expect(stats.running).toBe(KEYS);
		expect(stats.active).toBe(BOUND);
		expect(stats.waiting).toBe(KEYS - BOUND);
		expect(maxOpen).toBe(BOUND);

		// The view, meanwhile: every row there, keys still probing, and every key press answered.
		let frame = await screen.waitFor(f => f.includes('k00') && f.includes('probing'), 'the table with keys probing');
		await screen.press('G');
		frame = await screen.waitFor(f => /^› (?:\s*\d+ )?k99/m.test(f), 'the last key selected');
		await screen.press(press.enter);
		frame = await screen.waitFor(f => f.includes('k99 · OpenAI'), 'the detail pane of k99');
		await screen.press(press.escape, '/', '4', '2', press.enter);
		frame = await screen.waitFor(f => f.includes('k42') && !f.includes('k41') && !f.includes('k43'), 'the table filtered to k42');
		// All of that while nothing had come back: the same requests still hang, no more were let through.
		expect(open.size).toBe(BOUND);
		expect(maxOpen).toBe(BOUND);
		expect(monitor.getSnapshot().keys.every(key => key.checkedAt === undefined)).toBe(true);
		expect(frame).not.toMatch(/NaN|undefined/);

		// Shutting down does not wait out the 120 s deadline: the hanging requests are aborted, their sockets closed,
		// and no queued probe starts on the way out.
		const before = requestsSeen;
		await stop();
		await until(() => open.size === 0, 'the server to see every connection close');
		expect(requestsSeen).toBe(before);
		expect(monitor.stats()).toMatchObject({running: 0, active: 0, waiting: 0, timers: 0});
	});
});
