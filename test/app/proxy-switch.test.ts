import {mkdtempSync, rmSync} from 'node:fs';
import {createServer, type AddressInfo, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {request} from 'undici';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {startLiveProxy, type LiveProxy} from '../../source/app/proxy-control.js';
import {createProxySwitch} from '../../source/app/proxy-switch.js';
import type {KeyConfig} from '../../source/types.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const keys: KeyConfig[] = [{name: 'prod', provider: 'openai', secret: {type: 'env', name: 'KW_TEST_KEY'}, origin: 'config'}];
const monitor = {recordTraffic: vi.fn(), secretLookup: async () => () => undefined, getSnapshot: () => ({keys: []})};

function realSwitch(port: number) {
	const dir = mkdtempSync(join(tmpdir(), 'kw-proxy-switch-'));
	cleanups.push(() => rmSync(dir, {recursive: true, force: true}));
	const proxySwitch = createProxySwitch(() => startLiveProxy({monitor, keys, configDir: dir, port}), port);
	cleanups.push(() => proxySwitch.close());
	return proxySwitch;
}

describe('the proxy switch behind P', () => {
	it('starts a real proxy on 127.0.0.1, stops it again, and tells listeners each time', async () => {
		const proxySwitch = realSwitch(0);
		const listener = vi.fn();
		proxySwitch.subscribe(listener);
		expect(proxySwitch.control()).toBeUndefined();

		const starting = proxySwitch.toggle();
		expect(proxySwitch.busy()).toBe(true);
		expect(proxySwitch.control()).toBeUndefined();
		const on = await starting;
		expect(on).toMatchObject({running: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) as string});
		expect(proxySwitch.busy()).toBe(false);
		const url = proxySwitch.control()!.url;
		expect(url).toBe(on.url);
		// It answers (a 401 without the token: keywatch's own answer, nothing forwarded).
		expect((await request(`${url}/openai/v1/models`)).statusCode).toBe(401);
		expect(listener.mock.calls.length).toBeGreaterThanOrEqual(2);

		expect(await proxySwitch.toggle()).toEqual({running: false});
		expect(proxySwitch.control()).toBeUndefined();
		await expect(request(`${url}/openai/v1/models`)).rejects.toThrow(/ECONNREFUSED/);
	});

	it('says a taken port is taken, and that a separate keywatch proxy cannot be controlled from here', async () => {
		const blocker: Server = createServer();
		await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve));
		cleanups.push(() => new Promise<void>(resolve => blocker.close(() => resolve())));
		const port = (blocker.address() as AddressInfo).port;
		const result = await realSwitch(port).toggle();
		expect(result.running).toBe(false);
		expect(result.error).toBe(
			`port ${port} on 127.0.0.1 is already in use (a separate \`keywatch proxy\` cannot be controlled from here: stop it, or start this view with --proxy PORT)`,
		);
	});

	it('runs one start at a time, and close stops whatever runs', async () => {
		const close = vi.fn(async () => {});
		let release: () => void = () => {};
		const start = vi.fn(async (): Promise<LiveProxy> => {
			await new Promise<void>(resolve => (release = resolve));
			return {control: {url: 'http://127.0.0.1:1'} as LiveProxy['control'], close};
		});
		const proxySwitch = createProxySwitch(start, 1);
		const first = proxySwitch.toggle();
		const second = proxySwitch.toggle();
		release();
		expect(await first).toMatchObject({running: true});
		expect(await second).toMatchObject({running: true});
		expect(start).toHaveBeenCalledOnce();
		await proxySwitch.close();
		expect(close).toHaveBeenCalledOnce();
		expect(proxySwitch.control()).toBeUndefined();
	});
});
