// The whole path on loopback: the fake provider, the real monitor and transport, serve, a scrape, a remote screen.
import {existsSync} from 'node:fs';
import {request} from 'undici';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createMonitor, type Monitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import {createRemoteMonitor} from '../../source/remote/remote-monitor.js';
import {startServe, type ServeHandle} from '../../source/serve/server.js';
import type {KeyConfig} from '../../source/types.js';
import {parseExposition, PROMTOOL, promClientRoundTrip, promtoolCheck, valueOf} from './exposition.js';

const secrets = {
	healthy: 'sk-test-healthy-servecheck0001',
	limited: 'sk-test-limited-servecheck0002',
	invalid: 'sk-test-invalid-servecheck0003',
};

let fake: FakeProvider;
let transport: Transport;
let monitor: Monitor;
let serve: ServeHandle;

beforeAll(async () => {
	fake = await startFakeProvider();
	const keys: KeyConfig[] = Object.entries(secrets).map(([name, value]) => ({
		name,
		provider: 'openai',
		secret: {type: 'value', value},
		baseUrl: fake.baseUrl('openai'),
	}));
	transport = createTransport({timeoutMs: 5000});
	monitor = createMonitor({keys, transport});
	await monitor.checkOnce();
	serve = await startServe(monitor, {port: 0});
});

afterAll(async () => {
	await serve?.close();
	await monitor?.stop();
	await transport?.close();
	await fake?.close();
});

async function get(path: string): Promise<string> {
	const response = await request(`${serve.url}${path}`);
	expect(response.statusCode).toBe(200);
	return response.body.text();
}

describe('serve against the fake provider', () => {
	it('exposes each key’s status in valid exposition format, without any key', async () => {
		const text = await get('/metrics');
		const families = parseExposition(text);
		const status = (key: string) =>
			families
				.get('keywatch_key_status')!
				.samples.filter(s => s.labels.key === key && s.value === 1)
				.map(s => s.labels.status);
		expect(status('healthy')).toEqual(['OK']);
		expect(status('limited')).toEqual(['LIMITED']);
		expect(status('invalid')).toEqual(['DENIED']);
		expect(valueOf(families, 'keywatch_up', {})).toBe(1);
		for (const secret of Object.values(secrets)) expect(text).not.toContain(secret.slice(8, 20));
		expect(text).not.toContain('sk-');
	});

	// The scrape of a real serve, not a made-up snapshot: what Prometheus would read from this poller.
	it(`passes ${existsSync(PROMTOOL) ? 'promtool check metrics' : "prom-client's round trip"} on the real scrape`, async () => {
		const text = await get('/metrics');
		if (existsSync(PROMTOOL)) {
			const {code, output} = await promtoolCheck(text);
			// promtool exits 0 for clean output and 3 for lint warnings only; 1 means it could not parse.
			expect(code, output).not.toBe(1);
			expect(output).not.toMatch(/error/i);
			// Lint warnings name the metric; keywatch's own must have none (process metrics are prom-client's).
			expect(output.split('\n').filter(line => line.startsWith('keywatch_'))).toEqual([]);
		}
		const checked = await promClientRoundTrip(text);
		expect(checked).toEqual(expect.arrayContaining(['keywatch_key_status', 'keywatch_probe_errors_total', 'keywatch_ratelimit_remaining', 'keywatch_up']));
	});

	it('serves /state as check --json would print it', async () => {
		const state = JSON.parse(await get('/state')) as Array<{name: string; status: string; kind: string | null; masked: string}>;
		expect(state.map(k => [k.name, k.status])).toEqual([
			['healthy', 'OK'],
			['limited', 'LIMITED'],
			['invalid', 'DENIED'],
		]);
		expect(state.find(k => k.name === 'invalid')?.kind).toBe('invalid_key');
		expect(state.map(k => k.masked)).toEqual(['sk-…0001', 'sk-…0002', 'sk-…0003']);
	});

	it('lets a remote screen see the same keys', async () => {
		const remote = createRemoteMonitor(serve.url, {pollMs: 250});
		try {
			for (let i = 0; i < 500 && remote.getSnapshot().keys.length === 0; i++) await new Promise(resolve => setTimeout(resolve, 10));
			expect(remote.getSnapshot().keys.map(k => k.status)).toEqual(monitor.getSnapshot().keys.map(k => k.status));
		} finally {
			await remote.stop();
		}
	});
});
