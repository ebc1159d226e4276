// Sockets and shutdown: a client that leaves mid-stream frees everything; close() waits, then aborts.
import {createServer} from 'node:net';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {readAll, request, SSE_EVENTS, startHarness, startUpstream, testKey, until, type Harness, type Upstream} from './helpers.js';

const secrets = {main: 'sk-test-healthy-lifecycle-0001'};
let upstream: Upstream;
let h: Harness;

beforeAll(async () => {
	upstream = await startUpstream();
});
afterAll(async () => {
	await upstream.close();
});
afterEach(async () => {
	await h?.close();
	upstream.seen.length = 0;
});

function streamRequest(signal?: AbortSignal): ReturnType<typeof request> {
	return request(`${h.proxy.baseUrl('openai')}/chat/completions`, {
		method: 'POST',
		headers: {authorization: `Bearer ${h.token}`, 'content-type': 'application/json'},
		body: JSON.stringify({stream: true}),
		dispatcher: h.client,
		...(signal ? {signal} : {}),
	});
}

describe('a client that disconnects mid-stream', () => {
	it('aborts the upstream request and leaves no socket open', async () => {
		h = await startHarness([testKey('main', 'openai', `${upstream.url}/v1`)], secrets);
		const release = upstream.holdStreams();
		const controller = new AbortController();
		const res = await streamRequest(controller.signal);
		const iterator = res.body[Symbol.asyncIterator]();
		await iterator.next();
		expect(h.proxy.stats().inFlight).toBe(1);
		expect(h.proxy.stats().upstream.connected).toBe(1);

		controller.abort();
		await expect(iterator.next()).rejects.toThrow();
		expect(await upstream.seen[0]!.ended).toBe(true);
		release();

		await until(() => h.proxy.stats().inFlight === 0, 'the request to end');
		await until(() => h.proxy.stats().upstream.connected === 0, 'the upstream socket to close');
		await until(() => upstream.openConnections() === 0, 'the upstream server to see no connection');
		await until(() => h.proxy.stats().clientConnections === 0, 'the client connection to close');
		expect(h.proxy.stats().keys.main!.inFlight).toBe(0);
		await until(() => h.logLines.length === 1, 'the log line');
		expect(JSON.parse(h.logLines[0]!)).toMatchObject({status: 200, error: 'aborted'});
	});
});

describe('close()', () => {
	it('lets a stream in flight finish before closing', async () => {
		h = await startHarness([testKey('main', 'openai', `${upstream.url}/v1`)], secrets);
		const release = upstream.holdStreams();
		const res = await streamRequest();
		const iterator = res.body[Symbol.asyncIterator]();
		const received = [Buffer.from((await iterator.next()).value as Buffer)];
		let closed = false;
		const closing = h.proxy.close().then(() => {
			closed = true;
		});
		await new Promise(resolve => setImmediate(resolve));
		expect(closed).toBe(false);
		release();
		for (let next = await iterator.next(); !next.done; next = await iterator.next()) received.push(Buffer.from(next.value as Buffer));
		expect(Buffer.concat(received).toString('utf8')).toBe(SSE_EVENTS.join(''));
		await closing;
		expect(await upstream.seen[0]!.ended).toBe(false);
	});

	it('aborts what is still in flight after the grace period', async () => {
		h = await startHarness([testKey('main', 'openai', `${upstream.url}/v1`)], secrets, {closeGraceMs: 50});
		upstream.holdStreams();
		const res = await streamRequest();
		const iterator = res.body[Symbol.asyncIterator]();
		await iterator.next();
		await h.proxy.close();
		expect(await upstream.seen[0]!.ended).toBe(true);
		await expect(iterator.next()).rejects.toThrow();
		await until(() => upstream.openConnections() === 0, 'the upstream connection to close');
		upstream.holdStreams()();
	});
});

describe("keywatch's own answers", () => {
	it('says which paths exist, and when a provider has no key', async () => {
		h = await startHarness([testKey('main', 'openai', `${upstream.url}/v1`)], secrets);
		const unknown = await request(`${h.proxy.url}/nope/v1/models`, {headers: {authorization: `Bearer ${h.token}`}, dispatcher: h.client});
		expect(unknown.statusCode).toBe(404);
		expect(JSON.parse((await readAll(unknown.body)).toString())).toMatchObject({error: {type: 'keywatch_proxy_route', message: expect.stringContaining('/openai') as string}});
		const noKey = await request(`${h.proxy.baseUrl('anthropic')}/v1/messages`, {method: 'POST', headers: {'x-api-key': h.token}, body: '{}', dispatcher: h.client});
		expect(noKey.statusCode).toBe(503);
		expect(JSON.parse((await readAll(noKey.body)).toString())).toMatchObject({error: {type: 'keywatch_proxy_no_key'}});
		expect(upstream.seen).toEqual([]);
	});

	it('answers 503 when the active key has no secret', async () => {
		h = await startHarness([testKey('main', 'openai', `${upstream.url}/v1`)], {});
		const res = await request(`${h.proxy.baseUrl('openai')}/models`, {headers: {authorization: `Bearer ${h.token}`}, dispatcher: h.client});
		expect(res.statusCode).toBe(503);
		expect((await readAll(res.body)).toString()).toContain('could not be resolved');
		expect(upstream.seen).toEqual([]);
	});

	it('answers 502 and records a network reading when the provider cannot be reached', async () => {
		const closedPort = await new Promise<number>(resolve => {
			const server = createServer();
			server.listen(0, '127.0.0.1', () => {
				const {port} = server.address() as {port: number};
				server.close(() => resolve(port));
			});
		});
		h = await startHarness([testKey('main', 'openai', `http://127.0.0.1:${closedPort}/v1`)], secrets);
		const res = await request(`${h.proxy.baseUrl('openai')}/models`, {headers: {authorization: `Bearer ${h.token}`}, dispatcher: h.client});
		expect(res.statusCode).toBe(502);
		const body = (await readAll(res.body)).toString();
		expect(body).toContain('keywatch_proxy_upstream');
		expect(body).not.toContain(secrets.main);
		expect(h.exchanges).toEqual([{keyName: 'main', provider: 'openai', exchange: expect.objectContaining({status: null, network: expect.objectContaining({kind: 'refused'}) as object}) as object}]);
	});
});

describe('binding', () => {
	it('listens on 127.0.0.1 only', async () => {
		h = await startHarness([], {});
		expect(h.proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(h.proxy.baseUrl('openai')).toBe(`${h.proxy.url}/openai/v1`);
		expect(h.proxy.baseUrl('anthropic')).toBe(`${h.proxy.url}/anthropic`);
	});
});
