// reliability-notes #28: the provider's clock (its `Date` header) is 10 minutes ahead of or behind ours. Resets it
// gives as absolute moments (an HTTP-date retry-after, Anthropic's RFC 3339 resets) are read against its clock and
// moved onto ours: no retry before the provider allows it when it runs behind, no needless 10-minute wait when it
// runs ahead. Real requests to real 127.0.0.1 servers; the monitor and the servers share a fake clock, offset.

import {setTimeout as sleep} from 'node:timers/promises';
import {afterEach, describe, expect, it} from 'vitest';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {startFakeProvider} from '../../source/fake/server.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {clockSkew, CLOCK_SKEW_TOLERANCE_MS} from '../../source/monitor/probe.js';
import {createTransport} from '../../source/net/transport.js';
import type {KeyConfig} from '../../source/types.js';
import {FakeClock, seededRandom} from '../monitor/helpers.js';
import {httpServer} from '../net/servers.js';
import {CountingTransport, runSimulated} from './helpers.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('clockSkew: how far the provider’s clock is from ours', () => {
	const receivedAt = Date.UTC(2026, 10, 24, 12, 0, 0, 400);

	it('is 0 without a usable Date header, or within the header’s resolution and the tolerance', () => {
		expect(clockSkew({headers: {}}, receivedAt)).toBe(0);
		expect(clockSkew({headers: {date: 'soon'}}, receivedAt)).toBe(0);
		expect(clockSkew({headers: {date: httpDate(receivedAt)}, latencyMs: 20}, receivedAt)).toBe(0);
		expect(clockSkew({headers: {date: httpDate(receivedAt + CLOCK_SKEW_TOLERANCE_MS - SECOND)}, latencyMs: 20}, receivedAt)).toBe(0);
		expect(clockSkew({headers: {date: httpDate(receivedAt - CLOCK_SKEW_TOLERANCE_MS)}, latencyMs: 20}, receivedAt)).toBe(0);
	});

	it('measures a clock 10 minutes ahead or behind, never overstating it (the nearer end of what the header allows)', () => {
		const ahead = clockSkew({headers: {date: httpDate(receivedAt + 10 * MINUTE)}, latencyMs: 30}, receivedAt);
		expect(ahead).toBeGreaterThan(10 * MINUTE - SECOND);
		expect(ahead).toBeLessThanOrEqual(10 * MINUTE);
		const behind = clockSkew({headers: {date: [httpDate(receivedAt - 10 * MINUTE), 'garbage']}, latencyMs: 30}, receivedAt);
		expect(behind).toBeLessThan(-10 * MINUTE + SECOND + 30);
		expect(behind).toBeGreaterThanOrEqual(-10 * MINUTE);
	});

	it('does not mistake a slow answer for a skewed clock: the Date was stamped while the answer was under way', () => {
		// Stamped the moment the request arrived, 8 s before the slow body finished.
		expect(clockSkew({headers: {date: httpDate(receivedAt - 8 * SECOND)}, latencyMs: 8 * SECOND + 50}, receivedAt)).toBe(0);
	});

	it('ignores a Date header too far off to be a clock', () => {
		expect(clockSkew({headers: {date: httpDate(receivedAt + 3 * 24 * 60 * MINUTE)}}, receivedAt)).toBe(0);
		expect(clockSkew({headers: {date: 'Thu, 01 Jan 1970 00:00:00 GMT'}}, receivedAt)).toBe(0);
	});
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()?.();
});

const skews = [
	['10 minutes ahead', 10 * MINUTE],
	['10 minutes behind', -10 * MINUTE],
	['in step', 0],
] as const;

describe('a 429 whose retry-after is an HTTP-date, from a provider whose clock is off', () => {
	const RETRY_AFTER_MS = 5 * MINUTE;

	it.each(skews)('with the provider %s, the key is probed again when the provider allows it, not before and not 10 minutes late', {timeout: 60_000}, async (_name, skew) => {
		const clock = new FakeClock();
		const theirs = () => Math.floor((clock.now() + skew) / SECOND) * SECOND;
		const server = await httpServer((_req, res) => {
			// Node would stamp its own (real) Date: this server's clock is the fake one, offset.
			res.sendDate = false;
			res.writeHead(429, {'content-type': 'application/json', date: httpDate(theirs()), 'retry-after': httpDate(theirs() + RETRY_AFTER_MS)});
			res.end(JSON.stringify({error: {message: 'Rate limit reached for requests per min. Please try again later.', type: 'requests', code: 'rate_limit_exceeded'}}));
		});
		cleanups.push(() => server.close());
		const keys: KeyConfig[] = [{name: 'skewed', provider: 'openai', secret: {type: 'value', value: 'sk-test-skew-0123456789abcdef'}, baseUrl: `${server.url}/v1`}];
		const transport = new CountingTransport(createTransport({timeoutMs: 5_000}), clock);
		const monitor = createMonitor({keys, transport, clock, diagnose, statusOf, intervalMs: MINUTE, noSpend: true, random: seededRandom(7)});
		cleanups.push(async () => {
			await monitor.stop();
			await transport.close();
		});
		monitor.start();
		for (let i = 0; transport.startedAt.length === 0 && i < 1_000; i++) await runSimulated(clock, transport, monitor, 250, 250);
		const first = transport.startedAt[0]!;
		const key = monitor.getSnapshot().keys[0]!;
		expect(key.status).toBe('LIMITED');
		// The skew the answer was read with rides on its reading, for the detail pane to say.
		const measured = key.recent.at(-1)?.clockSkewMs;
		if (skew === 0) expect(measured).toBeUndefined();
		else expect(Math.abs(measured! - skew)).toBeLessThanOrEqual(2 * SECOND);
		// What the countdown shows: five minutes from now on our clock.
		expect(key.verdict?.clearsAt).toBeGreaterThanOrEqual(first + RETRY_AFTER_MS - SECOND);
		expect(key.verdict?.clearsAt).toBeLessThanOrEqual(first + RETRY_AFTER_MS + SECOND);
		await runSimulated(clock, transport, monitor, 12 * MINUTE, SECOND);
		const second = transport.startedAt[1];
		expect(second, 'a second probe within 12 minutes').toBeDefined();
		expect(second! - first).toBeGreaterThanOrEqual(RETRY_AFTER_MS - SECOND);
		expect(second! - first).toBeLessThanOrEqual(RETRY_AFTER_MS + 2 * SECOND);
	});
});

describe('Anthropic’s RFC 3339 window resets, from a fake provider whose clock is off', () => {
	it.each(skews)('with the provider %s, every window resets within the minute the provider means', {timeout: 60_000}, async (_name, skew) => {
		const clock = new FakeClock();
		const fake = await startFakeProvider({clock: () => clock.now() + skew});
		cleanups.push(() => fake.close());
		const keys: KeyConfig[] = [{name: 'claude', provider: 'anthropic', secret: {type: 'value', value: 'sk-ant-test-healthy-skew0123456789abcdef'}, baseUrl: fake.baseUrl('anthropic')}];
		const transport = createTransport({timeoutMs: 5_000});
		const monitor = createMonitor({keys, transport, clock, diagnose, statusOf, intervalMs: MINUTE, random: seededRandom(11)});
		cleanups.push(async () => {
			await monitor.stop();
			await transport.close();
		});
		const checking = monitor.checkOnce();
		// The probes run on the real network; nothing here waits on the fake clock.
		const snapshot = await Promise.race([checking, sleep(30_000).then(() => undefined)]);
		expect(snapshot, 'checkOnce finished').toBeDefined();
		const key = snapshot!.keys[0]!;
		expect(key.status).toBe('OK');
		// The headroom probe spent tokens, so the buckets refill within the fake's one-minute windows.
		const resets = key.windows.map(w => w.resetAt);
		expect(resets.length).toBeGreaterThan(0);
		for (const resetAt of resets) {
			expect(resetAt).toBeDefined();
			expect(resetAt! - clock.now()).toBeGreaterThanOrEqual(-SECOND);
			expect(resetAt! - clock.now()).toBeLessThanOrEqual(MINUTE + 2 * SECOND);
		}
	});
});
