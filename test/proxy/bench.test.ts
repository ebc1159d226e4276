import {describe, expect, it} from 'vitest';
import {measureProxyLatency} from '../../source/proxy/bench.js';

describe('measureProxyLatency', () => {
	it('measures both paths in one run and every stream arrives whole', async () => {
		const result = await measureProxyLatency({requests: 20, streams: 30, eventsPerStream: 5});
		expect(result.requests).toBe(20);
		for (const value of [result.latencyMs.direct.p50, result.latencyMs.proxied.p99, result.latencyMs.added.p50, result.latencyMs.added.p99]) {
			expect(Number.isFinite(value)).toBe(true);
		}
		expect(result.latencyMs.proxied.p50).toBeGreaterThan(0);
		expect(result.streams).toMatchObject({concurrent: 30, eventsPerStream: 5});
		expect(result.streams.proxied.complete).toBe(30);
		expect(result.streams.direct.complete).toBe(30);
		expect(result.streams.proxied.eventsPerSecond).toBeGreaterThan(0);
	});
});
