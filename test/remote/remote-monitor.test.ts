import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {normalizeRemoteUrl, RemoteUrlError} from '../../source/remote/fetch-snapshot.js';
import {createRemoteMonitor, type RemoteMonitor} from '../../source/remote/remote-monitor.js';
import {startServe, type ServeHandle} from '../../source/serve/server.js';
import {createFakeMonitor, makeKey, makeSnapshot, makeVerdict} from '../serve/fake-monitor.js';

let stops: Array<() => Promise<void>> = [];
afterEach(async () => {
	for (const stop of stops.reverse()) await stop();
	stops = [];
});

async function until(condition: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 500; i++) {
		if (condition()) return;
		await new Promise(resolve => setTimeout(resolve, 10));
	}
	throw new Error(`timed out waiting for ${what}`);
}

function source() {
	return createFakeMonitor(
		makeSnapshot([
			makeKey({id: 'prod', name: 'prod', status: 'OK', verdict: makeVerdict('ok'), checkedAt: 1000}),
			makeKey({id: 'backup', name: 'backup\u001b[2J', provider: 'anthropic', status: 'LIMITED', verdict: makeVerdict('rate_limited'), checkedAt: 1000}),
		]),
	);
}

async function serveAndWatch(options: {control?: boolean} = {}) {
	const monitor = source();
	const serve: ServeHandle = await startServe(monitor, {port: 0, defaultMetrics: false, ...options});
	let served = true;
	stops.push(async () => {
		if (served) await serve.close();
	});
	const remote: RemoteMonitor = createRemoteMonitor(serve.url, {pollMs: 250});
	stops.push(() => remote.stop());
	await until(() => remote.getSnapshot().keys.length === 2, 'the first snapshot');
	return {
		monitor,
		serve,
		remote,
		async closeServe() {
			served = false;
			await serve.close();
		},
	};
}

describe('createRemoteMonitor against a real serve', () => {
	it('shows the serve’s snapshot and follows its changes, telling subscribers', async () => {
		const {monitor, remote} = await serveAndWatch();
		expect(remote.getSnapshot().keys.map(k => [k.name, k.status])).toEqual([
			['prod', 'OK'],
			['backup', 'LIMITED'],
		]);
		expect(remote.getSnapshot().offline).toBeUndefined();
		let calls = 0;
		remote.subscribe(() => calls++);
		monitor.set(makeSnapshot([makeKey({id: 'prod', name: 'prod', status: 'DENIED', verdict: makeVerdict('invalid_key'), checkedAt: 2000})]));
		await until(() => remote.getSnapshot().keys.length === 1, 'the change');
		expect(remote.getSnapshot().keys[0]).toMatchObject({status: 'DENIED', verdict: {kind: 'invalid_key', title: 'Invalid API key'}});
		expect(calls).toBeGreaterThan(0);
		expect(remote.lastError()).toBeUndefined();
	});

	it('passes probe-now and pause on to the serve’s monitor', async () => {
		const {monitor, remote} = await serveAndWatch();
		remote.probeNow('backup');
		await until(() => monitor.probed.length === 1, 'the probe');
		expect(monitor.probed).toEqual(['backup']);
		remote.setPaused(true);
		expect(remote.getSnapshot().paused).toBe(true);
		await until(() => monitor.pausedCalls.length === 1, 'the pause');
		expect(monitor.pausedCalls).toEqual([true]);
		expect(remote.readOnly()).toBe(false);
	});

	it('reports a read-only serve instead of pretending', async () => {
		const {monitor, remote} = await serveAndWatch({control: false});
		remote.probeNow('prod');
		await until(() => remote.readOnly(), 'the refusal');
		expect(remote.lastError()).toBe('read-only remote: this serve does not take probe or pause requests');
		expect(monitor.probed).toEqual([]);
		remote.setPaused(true);
		expect(remote.getSnapshot().paused).toBe(false);
	});

	it('keeps the last keys with offline: true while the serve is away', async () => {
		const {remote, closeServe} = await serveAndWatch();
		await closeServe();
		await until(() => remote.getSnapshot().offline === true, 'offline');
		expect(remote.getSnapshot().keys.map(k => k.name)).toEqual(['prod', 'backup']);
		expect(remote.lastError()).toMatch(/^remote http:\/\/127\.0\.0\.1:\d+ unreachable: connection refused$/);
	});

	it('treats an answer that is not a keywatch snapshot as unreachable', async () => {
		const server = http.createServer((_request, response) => {
			response.writeHead(200, {'content-type': 'text/html'});
			response.end('<html>proxy login</html>');
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		stops.push(() => new Promise(resolve => server.close(() => resolve())));
		const remote = createRemoteMonitor(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {pollMs: 250});
		stops.push(() => remote.stop());
		await until(() => remote.getSnapshot().offline === true, 'offline');
		expect(remote.lastError()).toMatch(/unreachable: answer is not JSON$/);
		expect(remote.getSnapshot().keys).toEqual([]);
	});

	it('stops polling on stop', async () => {
		let requests = 0;
		const body = JSON.stringify(source().getSnapshot());
		const server = http.createServer((_request, response) => {
			requests++;
			response.writeHead(200, {'content-type': 'application/json'});
			response.end(body);
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		stops.push(() => new Promise(resolve => server.close(() => resolve())));
		const remote = createRemoteMonitor(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {pollMs: 250});
		await until(() => requests >= 2, 'two polls');
		await remote.stop();
		const atStop = requests;
		await new Promise(resolve => setTimeout(resolve, 600));
		expect(requests).toBe(atStop);
		expect(remote.getSnapshot().keys).toHaveLength(2);
	});
});

describe('normalizeRemoteUrl', () => {
	it.each([
		['http://127.0.0.1:9464', 'http://127.0.0.1:9464'],
		['http://127.0.0.1:9464/', 'http://127.0.0.1:9464'],
		['http://host:9464/snapshot', 'http://host:9464'],
		['https://ops.example/keywatch/', 'https://ops.example/keywatch'],
		['http://host:9464/metrics?x=1', 'http://host:9464'],
	])('%s → %s', (input, expected) => {
		expect(normalizeRemoteUrl(input)).toBe(expected);
	});

	it.each(['127.0.0.1:9464', 'ftp://host/x', 'not a url'])('rejects %s with a usage message', input => {
		expect(() => createRemoteMonitor(input)).toThrow(RemoteUrlError);
	});
});
