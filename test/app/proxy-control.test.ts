import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {request} from 'undici';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import type {Alert, AlertSink} from '../../source/alerts/types.js';
import {createProxyControl, failoverAlert, startLiveProxy, type LiveProxy, type ProxyLike} from '../../source/app/proxy-control.js';
import {openConfig} from '../../source/config/store.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import type {ProxyStats} from '../../source/proxy/types.js';
import type {KeyConfig, ProviderId} from '../../source/types.js';

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'keywatch-proxy-control-'));
	dirs.push(dir);
	return dir;
}
afterAll(() => {
	for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});

// The monitor resolves secrets; here the keys hold their values, so the lookup reads them.
const lookupOf = (keys: readonly KeyConfig[]) => async () => (name: string) => {
	const secret = keys.find(k => k.name === name)?.secret;
	return secret?.type === 'value' ? secret.value : undefined;
};

const key = (name: string, extra: Partial<KeyConfig> = {}): KeyConfig => ({name, provider: 'openai', secret: {type: 'env', name: 'KW_TEST_KEY'}, origin: 'config', ...extra});

function fakeHandle(traffic: ProxyStats['keys'] = {}) {
	const active = new Map<ProviderId, string>([['openai', 'prod']]);
	const handle = {
		url: 'http://127.0.0.1:8787',
		tokenPath: '/tmp/proxy-token',
		baseUrl: (provider: ProviderId) => `http://127.0.0.1:8787/${provider}`,
		active: (provider: ProviderId) => active.get(provider),
		setActive: vi.fn((provider: ProviderId, name: string) => {
			active.set(provider, name);
		}),
		setKeys: vi.fn<(keys: KeyConfig[]) => void>(),
		stats: (): ProxyStats => ({keys: traffic, inFlight: 0, upstream: {connected: 0, running: 0, pending: 0}, clientConnections: 0}),
	} satisfies ProxyLike;
	return handle;
}

describe('createProxyControl', () => {
	it('b writes the backup flag to the config file and hands the proxy the new key list', () => {
		const store = openConfig(tempDir());
		store.write({keys: [key('prod'), key('spare')], settings: {}});
		const handle = fakeHandle();
		const control = createProxyControl(handle, {keys: [key('prod'), key('spare')], store});
		const listener = vi.fn();
		control.subscribe(listener);

		expect(control.toggleBackup('spare')).toEqual({backup: true, saved: true});
		expect(store.read().keys.find(k => k.name === 'spare')?.backup).toBe(true);
		expect(handle.setKeys).toHaveBeenLastCalledWith([expect.objectContaining({name: 'prod'}), expect.objectContaining({name: 'spare', backup: true})]);
		expect(control.isBackup('spare')).toBe(true);
		expect(listener).toHaveBeenCalledOnce();

		expect(control.toggleBackup('spare')).toEqual({backup: false, saved: true});
		expect(store.read().keys.find(k => k.name === 'spare')).not.toHaveProperty('backup');
		expect(control.isBackup('spare')).toBe(false);
	});

	it('flips environment and demo keys for this run only, leaving the config file alone', () => {
		const store = openConfig(tempDir());
		store.write({keys: [key('env-openai')], settings: {}});
		const before = readFileSync(store.file, 'utf8');
		const control = createProxyControl(fakeHandle(), {keys: [key('env-openai', {origin: 'env'}), key('demo', {origin: 'demo'})], store});
		expect(control.toggleBackup('env-openai')).toEqual({backup: true, saved: false});
		expect(control.toggleBackup('demo')).toEqual({backup: true, saved: false});
		expect(readFileSync(store.file, 'utf8')).toBe(before);
		expect(control.isBackup('demo')).toBe(true);
	});

	it('refuses an unknown key, and does not touch the file when the config cannot be read', () => {
		const store = {dir: '/x', file: '/x/config.json', read: () => {
			throw new Error('config file /x/config.json does not parse');
		}, write: vi.fn()};
		const handle = fakeHandle();
		const control = createProxyControl(handle, {keys: [key('prod')], store});
		expect(() => control.toggleBackup('nope')).toThrow('the proxy has no key named "nope"');
		expect(() => control.toggleBackup('prod')).toThrow('does not parse');
		expect(handle.setKeys).not.toHaveBeenCalled();
		expect(control.isBackup('prod')).toBe(false);
	});

	it('a sets the active key and tells subscribers', () => {
		const handle = fakeHandle();
		const control = createProxyControl(handle, {keys: [key('prod'), key('spare')]});
		const listener = vi.fn();
		const off = control.subscribe(listener);
		control.setActive('openai', 'spare');
		expect(handle.setActive).toHaveBeenCalledWith('openai', 'spare');
		expect(control.active('openai')).toBe('spare');
		expect(listener).toHaveBeenCalledOnce();
		off();
		control.setActive('openai', 'prod');
		expect(listener).toHaveBeenCalledOnce();
	});

	it('reads requests per minute from the proxy: 0 for a known key without traffic, unknown for a stranger', () => {
		const control = createProxyControl(fakeHandle({prod: {provider: 'openai', requestsPerMinute: 42, inFlight: 1, total: 50}}), {keys: [key('prod'), key('spare')]});
		expect(control.requestsPerMinute('prod')).toBe(42);
		expect(control.requestsPerMinute('spare')).toBe(0);
		expect(control.requestsPerMinute('other')).toBeUndefined();
	});

	it('keeps the last failover', () => {
		const control = createProxyControl(fakeHandle(), {keys: [key('prod')]});
		const listener = vi.fn();
		control.subscribe(listener);
		expect(control.lastFailover()).toBeUndefined();
		const event = {provider: 'openai' as const, from: 'prod', to: 'spare', reason: 'invalid_key: Invalid API key', at: 1};
		control.recordFailover(event);
		expect(control.lastFailover()).toBe(event);
		expect(listener).toHaveBeenCalledOnce();
	});
});

describe('failoverAlert', () => {
	it('names the provider and both keys, in words every sink can send', () => {
		const alert = failoverAlert({provider: 'openai', from: 'prod', to: 'spare', reason: 'quota_exhausted: Out of credit', at: 5});
		expect(alert).toEqual({
			at: 5,
			provider: 'openai',
			keys: [],
			text: 'keywatch: failover openai: the proxy moved traffic from "prod" to backup "spare" (quota_exhausted: Out of credit)',
		});
	});
});

describe('startLiveProxy against the fake provider', () => {
	let fake: FakeProvider;
	let live: LiveProxy | undefined;
	beforeAll(async () => {
		fake = await startFakeProvider();
	});
	afterEach(async () => {
		await live?.close();
		live = undefined;
	});
	afterAll(async () => {
		await fake.close();
	});

	it('records traffic in the monitor, fails over to the backup, and tells the header and the sinks without a key', async () => {
		const primarySecret = 'sk-test-invalid-livectl-0001';
		const spareSecret = 'sk-test-healthy-livectl-0002';
		const keys: KeyConfig[] = [
			{name: 'primary', provider: 'openai', secret: {type: 'value', value: primarySecret}, baseUrl: fake.baseUrl('openai'), origin: 'demo'},
			{name: 'spare', provider: 'openai', secret: {type: 'value', value: spareSecret}, baseUrl: fake.baseUrl('openai'), backup: true, origin: 'demo'},
		];
		const recordTraffic = vi.fn();
		const alerts: Alert[] = [];
		const sink: AlertSink = {
			name: 'memory',
			async send(alert) {
				alerts.push(alert);
				return {sink: 'memory', ok: true, detail: 'kept'};
			},
		};
		const configDir = tempDir();
		live = await startLiveProxy({monitor: {recordTraffic, getSnapshot: () => ({keys: []}), secretLookup: lookupOf(keys)}, keys, configDir, port: 0, sinks: [sink]});
		const {control} = live;
		const changed = vi.fn();
		control.subscribe(changed);
		expect(control.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(control.active('openai')).toBe('primary');

		const token = readFileSync(control.tokenPath, 'utf8').trim();
		const response = await request(`${control.baseUrl('openai')}/chat/completions`, {
			method: 'POST',
			headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json'},
			body: JSON.stringify({model: 'gpt-4o-mini', messages: [{role: 'user', content: 'hi'}], max_tokens: 1}),
		});
		await response.body.text();
		expect(response.statusCode).toBe(200);

		expect(control.lastFailover()).toMatchObject({provider: 'openai', from: 'primary', to: 'spare'});
		expect(control.active('openai')).toBe('spare');
		expect(changed).toHaveBeenCalled();
		expect(recordTraffic.mock.calls.map(([name, exchange]) => [name, (exchange as {status: number}).status])).toEqual([
			['primary', 401],
			['spare', 200],
		]);
		expect(control.requestsPerMinute('primary')).toBe(1);
		expect(control.requestsPerMinute('spare')).toBe(1);
		await vi.waitFor(() => expect(alerts).toHaveLength(1));
		expect(alerts[0]?.text).toMatch(/^keywatch: failover openai: the proxy moved traffic from "primary" to backup "spare" \(invalid_key: /);
		const sent = JSON.stringify(alerts);
		expect(sent).not.toContain(primarySecret);
		expect(sent).not.toContain(spareSecret);
	});

	it('a switches the key the next request uses', async () => {
		const keys: KeyConfig[] = [
			{name: 'one', provider: 'openai', secret: {type: 'value', value: 'sk-test-healthy-livectl-0003'}, baseUrl: fake.baseUrl('openai'), origin: 'demo'},
			{name: 'two', provider: 'openai', secret: {type: 'value', value: 'sk-test-healthy-livectl-0004'}, baseUrl: fake.baseUrl('openai'), origin: 'demo'},
		];
		const recordTraffic = vi.fn();
		live = await startLiveProxy({monitor: {recordTraffic, getSnapshot: () => ({keys: []}), secretLookup: lookupOf(keys)}, keys, configDir: tempDir(), port: 0});
		const token = readFileSync(live.control.tokenPath, 'utf8').trim();
		const get = async () => {
			const response = await request(`${live!.control.baseUrl('openai')}/models`, {headers: {authorization: `Bearer ${token}`}});
			await response.body.text();
			return response.statusCode;
		};
		expect(await get()).toBe(200);
		live.control.setActive('openai', 'two');
		expect(await get()).toBe(200);
		expect(recordTraffic.mock.calls.map(([name]) => name)).toEqual(['one', 'two']);
	});
});
