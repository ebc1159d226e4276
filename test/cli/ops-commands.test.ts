import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {startReceiver} from '../alerts/receiver.js';
import {cleanEnv, cliPath, runCli, tempConfigDir} from '../helpers/cli.js';

/** Start a long-running command and wait until its output matches. */
function startLong(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{child: ChildProcessWithoutNullStreams; match: RegExpMatchArray; output: () => string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...args], {env});
		let output = '';
		const onData = (d: Buffer) => {
			output += d.toString();
			const match = output.match(ready);
			if (match) resolve({child, match, output: () => output});
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', code => reject(new Error(`exited ${code} before ready: ${output}`)));
	});
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
	return new Promise(resolve => child.on('exit', code => resolve(code)));
}

describe('serve, status, alert and proxy commands', () => {
	let fake: FakeProvider;
	const children: ChildProcessWithoutNullStreams[] = [];
	beforeAll(async () => {
		fake = await startFakeProvider();
	});
	afterAll(async () => {
		await fake.close();
	});
	afterEach(() => {
		for (const c of children.splice(0)) c.kill('SIGKILL');
	});

	async function configWith(key: string): Promise<string> {
		const dir = tempConfigDir();
		const added = await runCli(['add', 'openai', '--name', 'prod', '--stdin', '--base-url', fake.baseUrl('openai')], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir}), input: key});
		expect(added.code, added.stderr).toBe(0);
		return dir;
	}

	it('serve exposes metrics and state, writes the status cache, and stops cleanly on SIGTERM', async () => {
		const key = 'sk-test-healthy-servecanary000001';
		const dir = await configWith(key);
		const env = cleanEnv({KEYWATCH_CONFIG_DIR: dir});
		const {child, match} = await startLong(['serve', '--port', '0'], env, /metrics at (http:\/\/127\.0\.0\.1:\d+)\/metrics/);
		children.push(child);
		const base = match[1];
		let state: Array<{name: string; status: string}> = [];
		for (let i = 0; i < 100 && state[0]?.status !== 'OK'; i++) {
			state = (await (await fetch(`${base}/state`)).json()) as typeof state;
			await new Promise(r => setTimeout(r, 100));
		}
		expect(state[0]).toMatchObject({name: 'prod', status: 'OK'});
		const metrics = await (await fetch(`${base}/metrics`)).text();
		expect(metrics).toMatch(/keywatch_key_status\{key="prod",provider="openai",status="OK"\} 1/);
		expect(metrics).not.toContain('servecanary');
		// The cache is written shortly after each change; read it until it has caught up with the OK state.
		let line = await runCli(['status', '--line'], {env});
		for (let i = 0; i < 50 && !/^keywatch ✓1\b/.test(line.stdout); i++) {
			await new Promise(r => setTimeout(r, 200));
			line = await runCli(['status', '--line'], {env});
		}
		expect(line.stdout).toMatch(/^keywatch ✓1\b/);
		const remoteLine = await runCli(['status', '--line', '--remote', base as string], {env});
		expect(remoteLine.stdout).toMatch(/^keywatch ✓1\b/);
		const exited = exitCode(child);
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});

	it('status --line says there is no data rather than probing', async () => {
		const dir = await configWith('sk-test-healthy-nodata00000000001');
		const before = fake.requests.length;
		const line = await runCli(['status', '--line'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
		expect(line.code).toBe(0);
		expect(line.stdout).toMatch(/no data/);
		expect(fake.requests.length).toBe(before);
	});

	it('alert add webhook and alert test deliver a test alert and report the result', async () => {
		const bodies: string[] = [];
		const receiver = http.createServer((req, res) => {
			let body = '';
			req.on('data', d => (body += d));
			req.on('end', () => {
				bodies.push(body);
				res.end('ok');
			});
		});
		await new Promise<void>(r => receiver.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
		const dir = tempConfigDir();
		const env = cleanEnv({KEYWATCH_CONFIG_DIR: dir});
		expect((await runCli(['alert', 'add', 'webhook', url, '--format', 'json'], {env})).code).toBe(0);
		const result = await runCli(['alert', 'test'], {env});
		receiver.close();
		expect(result.code, result.stdout + result.stderr).toBe(0);
		expect(result.stdout).toMatch(/^ok\s+webhook/m);
		expect(bodies).toHaveLength(1);
		expect(JSON.parse(bodies[0] as string)).toMatchObject({source: 'keywatch'});
	});

	it('proxy forwards with the local token, refuses without it, and records traffic', async () => {
		const key = 'sk-test-healthy-proxycanary00000001';
		const dir = await configWith(key);
		const env = cleanEnv({KEYWATCH_CONFIG_DIR: dir});
		const {child, match} = await startLong(['proxy', '--port', '0', '--json-log'], env, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
		children.push(child);
		const base = match[1];
		const token = readFileSync(path.join(dir, 'proxy-token'), 'utf8').trim();
		const ok = await fetch(`${base}/openai/v1/models`, {headers: {authorization: `Bearer ${token}`}});
		expect(ok.status).toBe(200);
		expect(((await ok.json()) as {object: string}).object).toBe('list');
		const refused = await fetch(`${base}/openai/v1/models`, {headers: {authorization: `Bearer ${key}`}});
		expect(refused.status).toBe(401);
		const exited = exitCode(child);
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
	});
	async function waitFor<T>(read: () => T | undefined, ms: number): Promise<T | undefined> {
		for (const until = Date.now() + ms; Date.now() < until; await new Promise(r => setTimeout(r, 100))) {
			const value = read();
			if (value !== undefined) return value;
		}
		return read();
	}

	it('serve sends the config\'s alerts when a key changes, with no key in them', {timeout: 40_000}, async () => {
		const receiver = await startReceiver();
		try {
			const key = 'sk-test-healthy-servealert0000001';
			const dir = await configWith(key);
			const env = cleanEnv({KEYWATCH_CONFIG_DIR: dir});
			expect((await runCli(['alert', 'add', 'webhook', `${receiver.url}/hook`, '--format', 'json'], {env})).code).toBe(0);
			const file = path.join(dir, 'config.json');
			const config = JSON.parse(readFileSync(file, 'utf8'));
			writeFileSync(file, JSON.stringify({...config, alerts: {...config.alerts, hysteresis: 1, cooldownMinutes: 0}}), {mode: 0o600});
			const {child, match} = await startLong(['serve', '--port', '0', '--interval', '5', '--no-spend'], env, /metrics at (http:\/\/127\.0\.0\.1:\d+)\/metrics/);
			children.push(child);
			const base = match[1];
			let state: Array<{status: string}> = [];
			for (let i = 0; i < 100 && state[0]?.status !== 'OK'; i++) {
				state = (await (await fetch(`${base}/state`)).json()) as typeof state;
				await new Promise(r => setTimeout(r, 100));
			}
			expect(state[0]?.status).toBe('OK');
			fake.setScenario(key, 'invalid');
			const body = await waitFor(() => receiver.received.find(r => r.body.includes('DENIED'))?.body, 25_000);
			fake.setScenario(key, undefined);
			expect(body, 'no alert reached the webhook').toBeDefined();
			expect(JSON.parse(body as string).alert.keys).toEqual([expect.objectContaining({name: 'prod', from: 'OK', to: 'DENIED', title: 'Invalid API key'})]);
			expect(body).not.toContain('servealert');
			const exited = exitCode(child);
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		} finally {
			await receiver.close();
		}
	});

	it('proxy announces a failover through the alert sinks', {timeout: 30_000}, async () => {
		const receiver = await startReceiver();
		try {
			const primary = 'sk-test-invalid-proxyalert000001';
			const spare = 'sk-test-healthy-proxyalert000002';
			const dir = await configWith(primary);
			const env = cleanEnv({KEYWATCH_CONFIG_DIR: dir});
			const added = await runCli(['add', 'openai', '--name', 'spare', '--stdin', '--backup', '--base-url', fake.baseUrl('openai')], {env, input: spare});
			expect(added.code, added.stderr).toBe(0);
			expect((await runCli(['alert', 'add', 'webhook', `${receiver.url}/hook`, '--format', 'json'], {env})).code).toBe(0);
			const {child, match} = await startLong(['proxy', '--port', '0', '--no-spend'], env, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
			children.push(child);
			const token = readFileSync(path.join(dir, 'proxy-token'), 'utf8').trim();
			const answer = await fetch(`${match[1]}/openai/v1/chat/completions`, {
				method: 'POST',
				headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json'},
				body: JSON.stringify({model: 'gpt-4o-mini', messages: [{role: 'user', content: 'hi'}], max_tokens: 1}),
			});
			expect(answer.status).toBe(200);
			const body = await waitFor(() => receiver.received.find(r => r.body.includes('failover'))?.body, 10_000);
			expect(body, 'no failover alert reached the webhook').toBeDefined();
			expect(JSON.parse(body as string).alert.text).toMatch(/failover openai: the proxy moved traffic from "prod" to backup "spare"/);
			expect(body).not.toContain('proxyalert');
			const exited = exitCode(child);
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		} finally {
			await receiver.close();
		}
	});
});
