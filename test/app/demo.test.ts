// The demo's keys against its in-process fake provider: every row shows the state its name promises.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemo, type Demo} from '../../source/app/demo.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import {snapshotToJson} from '../../source/serve/state-json.js';
import type {KeyState, MonitorSnapshot} from '../../source/types.js';
import {moneyVariants} from '../../source/ui/key-cells.js';

let demo: Demo;
let transport: Transport;
let snapshot: MonitorSnapshot;
const byName = (name: string) => snapshot.keys.find(k => k.name === name) as KeyState;

beforeAll(async () => {
	demo = await startDemo();
	transport = createTransport({timeoutMs: 5000});
	// The unreachable key needs DNS to fail, which this test does not depend on.
	const monitor = createMonitor({keys: demo.keys.filter(k => k.name !== 'openai-vpn'), transport});
	snapshot = await monitor.checkOnce();
	await monitor.stop();
});

afterAll(async () => {
	await transport?.close();
	await demo?.close();
});

describe('the demo', () => {
	it('has 20 keys: one table row each on a 118x26 terminal, no scrolling', () => {
		expect(demo.keys).toHaveLength(20);
		expect(new Set(demo.keys.map(k => k.name)).size).toBe(20);
		// The end-to-end tests press row numbers: the first five rows stay where they were.
		expect(demo.keys.slice(0, 5).map(k => k.name)).toEqual(['openai-prod', 'openai-batch', 'openai-burst', 'openai-trial', 'openai-old']);
	});

	it('shows an OpenAI-compatible gateway, with headroom', () => {
		const gateway = byName('local-gateway');
		expect(gateway.provider).toBe('openai_compatible');
		expect(gateway.status).toBe('OK');
		expect(gateway.windows.length).toBeGreaterThan(0);
	});

	it('shows an OpenAI key with an admin key and a budget as spend against the budget', () => {
		const org = byName('openai-org');
		expect(org.status).toBe('OK');
		expect(org.spend).toMatchObject({budget: 500, currency: 'USD'});
		expect(org.spend!.used).toBeGreaterThan(0);
		expect(org.spend!.left).toBeCloseTo(500 - org.spend!.used, 6);
		expect(moneyVariants(org)[0]).toMatch(/^\$\d+\.\d\d of \$500$/);
	});

	it('shows a Gemini key whose last answer was a 429 naming its quota: the row carries that limit', () => {
		const free = byName('gemini-free');
		expect(free.status).toBe('LIMITED');
		expect(free.recent.at(-1)?.status).toBe(429);
		expect(free.windows).toEqual([expect.objectContaining({limitKind: 'requests', period: 'day', limit: 1000, remaining: 0, source: 'body'})]);
	});

	it('shows the published spend limit of a Gemini key on a declared tier', () => {
		const studio = byName('gemini-studio');
		expect(studio.published?.tier).toBe('1');
		expect(moneyVariants(studio)).toEqual(['≤$10/10m']);
	});

	it('never prints a demo key, inference or admin', () => {
		const everything = JSON.stringify([snapshot, snapshotToJson(snapshot)]);
		expect(everything).not.toMatch(/sk-(?:admin-)?test-[a-z_]+-demo\d{4}/);
	});
});
