// reliability-notes #49: serve's /metrics scraped by several Prometheus servers (and curl loops) at once, while the
// monitor keeps probing and its state changes under the scrapes. Every answer is whole, valid exposition format
// with no series twice, one status per key, label values escaped (a key named with a quote, a backslash and a
// newline), and no key material. Real monitor, real transport, the fake provider, real HTTP on 127.0.0.1.

import {request} from 'undici';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createMonitor, type Monitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import {startServe, type ServeHandle} from '../../source/serve/server.js';
import {STATUSES, type KeyConfig} from '../../source/types.js';
import {parseExposition} from '../serve/exposition.js';
import {expectNoSecret} from './helpers.js';

const ODD_NAME = 'odd "quoted" \\ name\nsecond line';
const scenarios = ['healthy', 'low', 'limited', 'invalid', 'outage', 'overloaded'] as const;

let fake: FakeProvider;
let transport: Transport;
let monitor: Monitor;
let serve: ServeHandle;
let keys: KeyConfig[];

beforeAll(async () => {
	fake = await startFakeProvider();
	keys = scenarios.flatMap((scenario, i) => [
		{name: `oa-${scenario}`, provider: 'openai' as const, secret: {type: 'value' as const, value: `sk-test-${scenario}-scrape${i}0123456789abcdef`}, baseUrl: fake.baseUrl('openai')},
		{name: `an-${scenario}`, provider: 'anthropic' as const, secret: {type: 'value' as const, value: `sk-ant-test-${scenario}-scrape${i}0123456789abcdef`}, baseUrl: fake.baseUrl('anthropic')},
	]);
	// Not a name `keywatch add` accepts, but the monitor takes any: the exporter must escape whatever it is given.
	keys.push({name: ODD_NAME, provider: 'groq', secret: {type: 'value', value: 'gsk_test-healthy-scrapeodd0123456789abcdef'}, baseUrl: fake.baseUrl('groq')});
	transport = createTransport({timeoutMs: 5_000});
	monitor = createMonitor({keys, transport, intervalMs: 60_000});
	await monitor.checkOnce();
	serve = await startServe(monitor, {port: 0});
});

afterAll(async () => {
	await serve?.close();
	await monitor?.stop();
	await transport?.close();
	await fake?.close();
});

async function scrape(path = '/metrics'): Promise<{status: number; type: string; body: string}> {
	const response = await request(`${serve.url}${path}`);
	return {status: response.statusCode, type: String(response.headers['content-type']), body: await response.body.text()};
}

describe('concurrent scrapes of /metrics while the monitor probes', () => {
	it('answers every one of 5 waves of 40 parallel scrapes with whole, valid, consistent exposition', {timeout: 60_000}, async () => {
		const secrets = keys.map(k => (k.secret.type === 'value' ? k.secret.value : ''));
		const families: string[][] = [];
		for (let wave = 0; wave < 5; wave++) {
			// State changes under the scrapes: every key is probed again while they run.
			for (const key of monitor.getSnapshot().keys) monitor.probeNow(key.id);
			const answers = await Promise.all([...Array.from({length: 40}, () => scrape()), scrape('/state'), scrape('/snapshot')]);
			for (const [i, answer] of answers.entries()) {
				expect(answer.status, `scrape ${wave}.${i}`).toBe(200);
				expectNoSecret(answer.body, secrets, `scrape ${wave}.${i}`);
			}
			for (const answer of answers.slice(-2)) expect(() => JSON.parse(answer.body)).not.toThrow();
			for (const [i, answer] of answers.slice(0, -2).entries()) {
				expect(answer.type).toMatch(/^text\/plain; version=0\.0\.4/);
				// Throws on a second HELP or TYPE, a series seen twice, a bad escape or a torn line.
				const parsed = parseExposition(answer.body);
				families.push([...parsed.keys()].sort());
				const status = parsed.get('keywatch_key_status');
				expect(status, `scrape ${wave}.${i} has key status`).toBeDefined();
				for (const key of keys) {
					const mine = status!.samples.filter(s => s.labels.key === key.name);
					expect(mine.map(s => s.labels.status).sort(), `${key.name} in scrape ${wave}.${i}`).toEqual([...STATUSES].sort());
					expect(mine.filter(s => s.value === 1), `${key.name} has one status in scrape ${wave}.${i}`).toHaveLength(1);
				}
				for (const family of parsed.values()) {
					if (!family.name.startsWith('keywatch_')) continue;
					for (const sample of family.samples) expect(Number.isFinite(sample.value), `${sample.name} ${JSON.stringify(sample.labels)}`).toBe(true);
				}
			}
		}
		// Every scrape declared the same families: none half-registered or missing under load.
		expect(new Set(families.map(f => f.join(','))).size).toBe(1);
	});

	it('escapes a key name holding a quote, a backslash and a newline, in every family it labels', async () => {
		const {body} = await scrape();
		expect(body).toContain('key="odd \\"quoted\\" \\\\ name\\nsecond line"');
		const parsed = parseExposition(body);
		const labelled = [...parsed.values()].filter(f => f.samples.some(s => s.labels.key === ODD_NAME));
		expect(labelled.map(f => f.name)).toEqual(expect.arrayContaining(['keywatch_key_status', 'keywatch_probe_errors_total', 'keywatch_last_check_timestamp_seconds']));
	});
});
