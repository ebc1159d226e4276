import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {request} from 'undici';
import {afterEach, describe, expect, it} from 'vitest';
import {startServe, type ServeHandle, type ServeOptions} from '../../source/serve/server.js';
import {snapshotToJson} from '../../source/serve/state-json.js';
import type {KeyState, MonitorSnapshot} from '../../source/types.js';
import {parseExposition, valueOf} from './exposition.js';
import {canaryKey, createFakeMonitor, makeKey, makeReading, makeSnapshot, makeVerdict, type FakeMonitor} from './fake-monitor.js';

const now = 1_700_000_600_000;
const t = (s: number) => now - s * 1000;

function prodKey(overrides: Partial<KeyState> = {}): KeyState {
	return makeKey({
		id: 'prod-openai',
		name: 'prod-openai',
		provider: 'openai',
		masked: 'sk-…RtYu',
		status: 'OK',
		verdict: makeVerdict('ok'),
		windows: [
			{id: 'requests', limitKind: 'requests', period: 'minute', limit: 500, remaining: 480, resetAt: now + 6000, source: 'headers'},
			{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: 30_000, source: 'headers'},
		],
		credit: {remaining: 12.5, limit: 100, used: 87.5, currency: 'USD', source: 'endpoint', label: 'key limit'},
		latencyMs: 250,
		checkedAt: t(10),
		source: 'headers',
		recent: [makeReading(t(30), makeVerdict('ok')), makeReading(t(20), makeVerdict('rate_limited')), makeReading(t(10), makeVerdict('ok'))],
		...overrides,
	});
}

const weirdName = 'team "blue"\\ops\nnight';

function snapshot(): MonitorSnapshot {
	return makeSnapshot([
		prodKey(),
		makeKey({
			id: 'weird',
			name: weirdName,
			provider: 'anthropic',
			masked: 'sk-…zzzz',
			status: 'DENIED',
			verdict: makeVerdict('invalid_key', {why: `echoed ${canaryKey}`}),
			checkedAt: t(5),
			recent: [makeReading(t(5), makeVerdict('invalid_key'))],
		}),
		makeKey({id: 'new', name: 'new', provider: 'groq', masked: 'gsk_…abcd', status: 'CHECKING', probing: true}),
	]);
}

let handles: ServeHandle[] = [];
let dirs: string[] = [];
afterEach(async () => {
	await Promise.all(handles.map(h => h.close()));
	await Promise.all(dirs.map(d => rm(d, {recursive: true, force: true})));
	handles = [];
	dirs = [];
});

async function serve(monitor: FakeMonitor, options: ServeOptions = {}) {
	const handle = await startServe(monitor, {port: 0, now: () => now, version: '9.9.9-test', ...options});
	handles.push(handle);
	return handle;
}

async function get(url: string, headers: Record<string, string> = {}) {
	const response = await request(url, {headers});
	return {status: response.statusCode, headers: response.headers, body: await response.body.text()};
}

async function post(url: string, body: string, headers: Record<string, string> = {'content-type': 'application/json'}) {
	const response = await request(url, {method: 'POST', body, headers});
	return {status: response.statusCode, body: await response.body.text()};
}

describe('GET /metrics', () => {
	it('is valid exposition format with keywatch_ metrics labelled by key name and provider', async () => {
		const monitor = createFakeMonitor(snapshot());
		const {url} = await serve(monitor);
		const response = await get(`${url}/metrics`);
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
		const families = parseExposition(response.body);

		const ours = [...families.keys()].filter(n => n.startsWith('keywatch_')).sort();
		expect(ours).toEqual([
			'keywatch_build_info',
			'keywatch_credit_limit',
			'keywatch_credit_remaining',
			'keywatch_credit_used',
			'keywatch_key_status',
			'keywatch_last_check_timestamp_seconds',
			'keywatch_last_success_timestamp_seconds',
			'keywatch_paused',
			'keywatch_probe_errors_total',
			'keywatch_probe_latency_seconds',
			'keywatch_ratelimit_limit',
			'keywatch_ratelimit_remaining',
			'keywatch_ratelimit_reset_seconds',
			'keywatch_spend_month_budget',
			'keywatch_spend_month_used',
			'keywatch_up',
		]);
		expect(families.get('keywatch_probe_errors_total')?.type).toBe('counter');
		expect(families.get('keywatch_key_status')?.type).toBe('gauge');
		for (const name of ours) expect(families.get(name)?.help).toBeTruthy();
		// Process metrics from the serve's own registry.
		expect(families.has('process_resident_memory_bytes')).toBe(true);
		expect(families.has('nodejs_eventloop_lag_seconds')).toBe(true);

		const prod = {key: 'prod-openai', provider: 'openai'};
		const status = families.get('keywatch_key_status')!.samples.filter(s => s.labels.key === 'prod-openai');
		expect(Object.fromEntries(status.map(s => [s.labels.status, s.value]))).toEqual({OK: 1, LOW: 0, LIMITED: 0, DENIED: 0, DOWN: 0, CHECKING: 0});
		expect(valueOf(families, 'keywatch_key_status', {key: weirdName, provider: 'anthropic', status: 'DENIED'})).toBe(1);
		expect(valueOf(families, 'keywatch_key_status', {key: 'new', provider: 'groq', status: 'CHECKING'})).toBe(1);

		expect(valueOf(families, 'keywatch_ratelimit_remaining', {...prod, window: 'requests'})).toBe(480);
		expect(valueOf(families, 'keywatch_ratelimit_limit', {...prod, window: 'requests'})).toBe(500);
		expect(valueOf(families, 'keywatch_ratelimit_reset_seconds', {...prod, window: 'requests'})).toBe(6);
		// Unknown is absent, never 0.
		expect(valueOf(families, 'keywatch_ratelimit_remaining', {...prod, window: 'tokens'})).toBeUndefined();
		expect(valueOf(families, 'keywatch_ratelimit_limit', {...prod, window: 'tokens'})).toBe(30_000);
		expect(valueOf(families, 'keywatch_credit_remaining', {...prod, currency: 'USD'})).toBe(12.5);
		expect(valueOf(families, 'keywatch_credit_limit', {...prod, currency: 'USD'})).toBe(100);
		expect(valueOf(families, 'keywatch_credit_used', {...prod, currency: 'USD'})).toBe(87.5);
		expect(valueOf(families, 'keywatch_probe_latency_seconds', prod)).toBe(0.25);
		expect(valueOf(families, 'keywatch_probe_latency_seconds', {key: 'new', provider: 'groq'})).toBeUndefined();
		expect(valueOf(families, 'keywatch_probe_errors_total', prod)).toBe(1);
		expect(valueOf(families, 'keywatch_probe_errors_total', {key: 'new', provider: 'groq'})).toBe(0);
		expect(valueOf(families, 'keywatch_last_success_timestamp_seconds', prod)).toBe(t(10) / 1000);
		expect(valueOf(families, 'keywatch_last_success_timestamp_seconds', {key: weirdName, provider: 'anthropic'})).toBeUndefined();
		expect(valueOf(families, 'keywatch_last_check_timestamp_seconds', prod)).toBe(t(10) / 1000);
		expect(valueOf(families, 'keywatch_up', {})).toBe(1);
		expect(valueOf(families, 'keywatch_paused', {})).toBe(0);
		expect(valueOf(families, 'keywatch_build_info', {version: '9.9.9-test', node: process.version})).toBe(1);
	});

	it('exports the month’s spend (admin key) as its own families, with the currency, and no budget where none is set', async () => {
		const monitor = createFakeMonitor(
			makeSnapshot([
				prodKey({spend: {month: '2023-11', used: 412.37, currency: 'USD', budget: 500, left: 87.63, source: 'endpoint'}}),
				makeKey({id: 'claude', provider: 'anthropic', status: 'OK', verdict: makeVerdict('ok'), spend: {month: '2023-11', used: 19.5, currency: 'EUR', source: 'endpoint'}}),
				makeKey({id: 'nospend', provider: 'groq', status: 'OK', verdict: makeVerdict('ok')}),
			]),
		);
		const {url} = await serve(monitor);
		const families = parseExposition((await get(`${url}/metrics`)).body);
		const prod = {key: 'prod-openai', provider: 'openai'};
		expect(families.get('keywatch_spend_month_used')?.type).toBe('gauge');
		expect(families.get('keywatch_spend_month_budget')?.type).toBe('gauge');
		expect(valueOf(families, 'keywatch_spend_month_used', {...prod, currency: 'USD'})).toBe(412.37);
		expect(valueOf(families, 'keywatch_spend_month_budget', {...prod, currency: 'USD'})).toBe(500);
		expect(valueOf(families, 'keywatch_spend_month_used', {key: 'claude', provider: 'anthropic', currency: 'EUR'})).toBe(19.5);
		expect(families.get('keywatch_spend_month_budget')!.samples.map(s => s.labels.key)).toEqual(['prod-openai']);
		expect(families.get('keywatch_spend_month_used')!.samples.map(s => s.labels.key)).toEqual(['prod-openai', 'claude']);
		// The key's own credit stays what the provider counts against its limit.
		expect(valueOf(families, 'keywatch_credit_used', {...prod, currency: 'USD'})).toBe(87.5);
	});

	it('never carries key material: no secret, no masked form', async () => {
		const monitor = createFakeMonitor(snapshot());
		const {url} = await serve(monitor);
		const {body} = await get(`${url}/metrics`);
		expect(body).not.toContain('Q7Zx93');
		expect(body).not.toContain('sk-');
		expect(body).not.toContain('gsk_');
		expect(body).not.toContain('RtYu');
		const labelNames = new Set([...parseExposition(body).values()].flatMap(f => f.samples.flatMap(s => Object.keys(s.labels))));
		expect(labelNames.has('masked')).toBe(false);
	});

	it('keeps counting probe errors as old readings roll out of the snapshot, and follows changes', async () => {
		const monitor = createFakeMonitor(snapshot());
		const {url} = await serve(monitor);
		const prod = {key: 'prod-openai', provider: 'openai'};
		// Between scrapes, two error readings come and the history window slides past the old ones.
		monitor.set(makeSnapshot([prodKey({recent: [makeReading(t(10), makeVerdict('ok')), makeReading(t(4), makeVerdict('outage'))]})]));
		monitor.set(
			makeSnapshot(
				[prodKey({status: 'DOWN', recent: [makeReading(t(4), makeVerdict('outage')), makeReading(t(2), makeVerdict('outage'))]})],
				{offline: true, paused: true},
			),
		);
		const families = parseExposition((await get(`${url}/metrics`)).body);
		expect(valueOf(families, 'keywatch_probe_errors_total', prod)).toBe(3);
		expect(valueOf(families, 'keywatch_last_success_timestamp_seconds', prod)).toBe(t(10) / 1000);
		expect(valueOf(families, 'keywatch_key_status', {...prod, status: 'DOWN'})).toBe(1);
		expect(valueOf(families, 'keywatch_key_status', {...prod, status: 'OK'})).toBe(0);
		expect(valueOf(families, 'keywatch_up', {})).toBe(0);
		expect(valueOf(families, 'keywatch_paused', {})).toBe(1);
		// A removed key's gauges go away.
		expect(families.get('keywatch_key_status')!.samples.some(s => s.labels.provider === 'groq')).toBe(false);
	});

	it.skipIf(!existsSync('/usr/bin/promtool'))('passes promtool check metrics', async () => {
		const monitor = createFakeMonitor(snapshot());
		const {url} = await serve(monitor);
		const {body} = await get(`${url}/metrics`);
		const dir = await mkdtemp(path.join(tmpdir(), 'keywatch-prom-'));
		dirs.push(dir);
		const file = path.join(dir, 'metrics.txt');
		await writeFile(file, body);
		const output = await new Promise<{code: number; text: string}>(resolve => {
			const child = execFile('/bin/sh', ['-c', `promtool check metrics < "${file}"`], (error, stdout, stderr) =>
				resolve({code: error ? ((error as {code?: number}).code ?? 1) : 0, text: stdout + stderr}),
			);
			child.stdin?.end();
		});
		// promtool exits 0 for clean output and 3 for lint warnings only; 1 means it could not parse.
		expect(output.code, output.text).not.toBe(1);
		expect(output.text).not.toMatch(/error/i);
		expect(output.text.split('\n').filter(l => l.startsWith('keywatch_'))).toEqual([]);
	});
});

describe('GET /state and /snapshot', () => {
	it('/state is snapshotToJson: one object per key, ISO times, null for unknown', async () => {
		const monitor = createFakeMonitor(snapshot());
		const {url} = await serve(monitor);
		const response = await get(`${url}/state`);
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
		const state = JSON.parse(response.body) as unknown[];
		expect(state).toEqual(JSON.parse(JSON.stringify(snapshotToJson(monitor.getSnapshot()))));
		expect(state[0]).toEqual({
			name: 'prod-openai',
			provider: 'openai',
			status: 'OK',
			kind: 'ok',
			title: 'Key works',
			verdict: expect.objectContaining({clears: 'by_itself', fix: [], candidates: [], evidence: expect.objectContaining({status: 200})}),
			windows: [
				{id: 'requests', limitKind: 'requests', period: 'minute', limit: 500, remaining: 480, resetAt: new Date(now + 6000).toISOString(), source: 'headers'},
				{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: 30_000, remaining: null, resetAt: null, source: 'headers'},
			],
			credit: {amount: 12.5, remaining: 12.5, limit: 100, used: 87.5, currency: 'USD', source: 'endpoint', label: 'key limit', scope: null, usage: null, balances: []},
			accountCredit: null,
			spend: null,
			incidents: [],
			published: null,
			latencyMs: 250,
			checkedAt: new Date(t(10)).toISOString(),
			source: 'headers',
			masked: 'sk-…RtYu',
		});
		expect(state[2]).toMatchObject({name: 'new', status: 'CHECKING', kind: null, title: null, verdict: null, credit: null, latencyMs: null, checkedAt: null});
		expect(response.body).not.toContain('Q7Zx93');
	});

	it('/snapshot is the monitor snapshot as JSON, with any key scrubbed', async () => {
		const monitor = createFakeMonitor(snapshot());
		const {url} = await serve(monitor);
		const response = await get(`${url}/snapshot`);
		expect(response.status).toBe(200);
		const body = JSON.parse(response.body) as MonitorSnapshot;
		expect(body.keys.map(k => k.name)).toEqual(['prod-openai', weirdName, 'new']);
		expect(body.keys[0]).toEqual(JSON.parse(JSON.stringify(prodKey())));
		expect(body.keys[1]!.verdict!.why).toBe('echoed sk-…RtYu');
		expect(response.body).not.toContain('Q7Zx93');
	});

	it('/healthz answers ok; unknown paths 404, wrong methods 405', async () => {
		const {url} = await serve(createFakeMonitor(snapshot()));
		expect(await get(`${url}/healthz`)).toMatchObject({status: 200, body: 'ok\n'});
		expect((await get(`${url}/nope`)).status).toBe(404);
		expect((await post(`${url}/metrics`, '')).status).toBe(405);
		expect((await get(`${url}/pause`)).status).toBe(405);
	});

	it('refuses a request whose Host names something else (DNS rebinding)', async () => {
		const {url, port} = await serve(createFakeMonitor(snapshot()));
		expect((await get(`${url}/snapshot`, {host: 'attacker.example'})).status).toBe(421);
		expect((await get(`${url}/snapshot`, {host: `localhost:${port}`})).status).toBe(200);
	});
});

describe('control endpoints', () => {
	it('POST /probe/:id and POST /pause reach the monitor', async () => {
		const monitor = createFakeMonitor(snapshot());
		const {url} = await serve(monitor);
		expect((await post(`${url}/probe/prod-openai`, '{}')).status).toBe(202);
		expect(monitor.probed).toEqual(['prod-openai']);
		expect((await post(`${url}/probe/missing`, '{}')).status).toBe(404);
		expect(await post(`${url}/pause`, '{"paused":true}')).toMatchObject({status: 200});
		expect(monitor.pausedCalls).toEqual([true]);
		expect((await post(`${url}/pause`, '{"paused":"yes"}')).status).toBe(400);
	});

	it('needs a JSON content type, so a web page cannot post to it', async () => {
		const monitor = createFakeMonitor(snapshot());
		const {url} = await serve(monitor);
		expect((await post(`${url}/pause`, '{"paused":true}', {'content-type': 'text/plain'})).status).toBe(415);
		expect(monitor.pausedCalls).toEqual([]);
	});

	it('answers 403 when control is off', async () => {
		const monitor = createFakeMonitor(snapshot());
		const {url} = await serve(monitor, {control: false});
		expect((await post(`${url}/probe/prod-openai`, '{}')).status).toBe(403);
		expect(monitor.probed).toEqual([]);
	});
});

describe('startServe', () => {
	it('names the port and --port when the port is taken', async () => {
		const first = await serve(createFakeMonitor(snapshot()));
		await expect(startServe(createFakeMonitor(snapshot()), {port: first.port})).rejects.toThrow(
			`port ${first.port} on 127.0.0.1 is already in use (another keywatch serve?); choose another with --port`,
		);
	});

	it('writes the status cache for `status --line` when given a directory', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'keywatch-serve-cache-'));
		dirs.push(dir);
		await serve(createFakeMonitor(snapshot()), {statusCacheDir: dir});
		const file = path.join(dir, 'status.json');
		for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise(resolve => setTimeout(resolve, 20));
		expect((await stat(file)).mode & 0o777).toBe(0o600);
		const cached = JSON.parse(await readFile(file, 'utf8')) as {snapshot: MonitorSnapshot};
		expect(cached.snapshot.keys.map(k => k.status)).toEqual(['OK', 'DENIED', 'CHECKING']);
	});

	it('stops listening on close and leaves the monitor subscribed to nothing', async () => {
		const monitor = createFakeMonitor(snapshot());
		const handle = await startServe(monitor, {port: 0});
		expect(monitor.listenerCount()).toBe(1);
		await handle.close();
		expect(monitor.listenerCount()).toBe(0);
		await expect(get(`${handle.url}/healthz`)).rejects.toThrow();
	});
});
