import {createServer} from 'node:net';
import {Writable} from 'node:stream';
import {afterEach, describe, expect, it} from 'vitest';
import {runProxyCommand} from '../../source/proxy/command.js';
import type {ProxyHandle} from '../../source/proxy/types.js';
import {readAll, request, tempConfigDir} from './helpers.js';

function sink(): {stream: Writable; text(): string} {
	const chunks: string[] = [];
	return {
		stream: new Writable({
			write(chunk: Buffer, _encoding, done) {
				chunks.push(chunk.toString());
				done();
			},
		}),
		text: () => chunks.join(''),
	};
}

const secret = 'sk-test-healthy-command-0001';
const dirs: Array<{remove(): void}> = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) dir.remove();
});

describe('runProxyCommand', () => {
	it('prints base URLs and where the token is, serves until stopped, and exits 0', async () => {
		const config = tempConfigDir();
		dirs.push(config);
		const stdout = sink();
		const stderr = sink();
		const stop = new AbortController();
		let handle: ProxyHandle | undefined;
		const keys = [
			{name: 'work', provider: 'openai' as const, secret: {type: 'env' as const, name: 'X'}, baseUrl: 'http://127.0.0.1:9/v1'},
			{name: 'spare', provider: 'openai' as const, secret: {type: 'env' as const, name: 'Y'}, backup: true},
			{name: 'claude', provider: 'anthropic' as const, secret: {type: 'env' as const, name: 'Z'}},
		];
		const running = runProxyCommand({
			port: 0,
			jsonLog: true,
			configDir: config.dir,
			keys,
			resolveSecret: () => secret,
			stdout: stdout.stream,
			stderr: stderr.stream,
			signal: stop.signal,
			onReady: h => (handle = h),
		});
		for (let i = 0; i < 500 && !handle; i++) await new Promise(resolve => setTimeout(resolve, 10));
		expect(handle).toBeDefined();
		const banner = stderr.text();
		expect(banner).toContain(`${handle!.url}/openai/v1`);
		expect(banner).toContain(`${handle!.url}/anthropic`);
		expect(banner).toContain('active: work (1 backup)');
		expect(banner).toContain(handle!.tokenPath);
		expect(banner).not.toContain(secret);

		// With --json-log, stdout carries only log lines; a refused request is logged too.
		const res = await request(`${handle!.baseUrl('openai')}/models`, {headers: {authorization: 'Bearer wrong'}});
		await readAll(res.body);
		expect(res.statusCode).toBe(401);
		const lines = stdout.text().trimEnd().split('\n');
		expect(lines).toHaveLength(1);
		expect(JSON.parse(lines[0]!)).toMatchObject({provider: 'openai', keyName: null, status: 401, error: 'keywatch_proxy_auth'});

		stop.abort();
		expect(await running).toBe(0);
	});

	it('exits 2 and names the port when it is taken', async () => {
		const config = tempConfigDir();
		dirs.push(config);
		const blocker = createServer();
		await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve));
		const port = (blocker.address() as {port: number}).port;
		const stderr = sink();
		const code = await runProxyCommand({port, configDir: config.dir, keys: [], resolveSecret: () => undefined, stdout: sink().stream, stderr: stderr.stream});
		await new Promise(resolve => blocker.close(resolve));
		expect(code).toBe(2);
		expect(stderr.text()).toContain(`port ${port} is already in use`);
	});
});
