// End to end through the real proxy: against the fake provider, and against a streaming upstream that
// records the bytes it sent and received.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {readAll, request, sha256, SSE_EVENTS, startHarness, startUpstream, testKey, until, type Harness, type Upstream} from './helpers.js';

const secrets = {
	main: 'sk-test-healthy-proxy-main-0001',
	second: 'sk-test-healthy-proxy-second-0002',
};

let fake: FakeProvider;
let upstream: Upstream;
let h: Harness;

beforeAll(async () => {
	fake = await startFakeProvider();
	upstream = await startUpstream();
});
afterAll(async () => {
	await fake.close();
	await upstream.close();
});
afterEach(async () => {
	await h?.close();
	upstream.seen.length = 0;
});

const chat = JSON.stringify({model: 'gpt-4o-mini', messages: [{role: 'user', content: 'hi'}], max_tokens: 1});

describe('forwarding to the fake provider', () => {

	it('answers exactly what the provider answers, and records the headers for the key that was used', async () => {
		h = await startHarness([testKey('main', 'openai', fake.baseUrl('openai'))], secrets);
		const direct = await request(`${fake.baseUrl('openai')}/models`, {headers: {authorization: `Bearer ${secrets.main}`}, dispatcher: h.client});
		const directBody = await readAll(direct.body);
		const proxied = await request(`${h.proxy.baseUrl('openai')}/models`, {headers: {authorization: `Bearer ${h.token}`}, dispatcher: h.client});
		const proxiedBody = await readAll(proxied.body);
		expect(proxied.statusCode).toBe(direct.statusCode);
		expect(proxiedBody.equals(directBody)).toBe(true);

		const completion = await request(`${h.proxy.baseUrl('openai')}/chat/completions`, {
			method: 'POST',
			headers: {authorization: `Bearer ${h.token}`, 'content-type': 'application/json'},
			body: chat,
			dispatcher: h.client,
		});
		const text = (await readAll(completion.body)).toString('utf8');
		expect(completion.statusCode).toBe(200);
		expect(completion.headers['x-ratelimit-remaining-requests']).toBeDefined();

		const last = h.exchanges.at(-1)!;
		expect(last.keyName).toBe('main');
		expect(last.provider).toBe('openai');
		expect(last.exchange.status).toBe(200);
		expect(last.exchange.headers['x-ratelimit-remaining-requests']).toBe(completion.headers['x-ratelimit-remaining-requests']);
		expect(last.exchange.headers['x-ratelimit-limit-tokens']).toBe(completion.headers['x-ratelimit-limit-tokens']);
		expect(last.exchange.latencyMs).toBeGreaterThanOrEqual(0);

		const usage = (JSON.parse(text) as {usage: {prompt_tokens: number; completion_tokens: number}}).usage;
		const logged = JSON.parse(h.logLines.at(-1)!) as Record<string, unknown>;
		expect(logged).toMatchObject({provider: 'openai', keyName: 'main', status: 200, tokens: {input: usage.prompt_tokens, output: usage.completion_tokens}});
		expect(typeof logged.latencyMs).toBe('number');
		expect(typeof logged.time).toBe('string');
	});

	it('records an error answer with its body and passes it through unchanged', async () => {
		const bad = 'sk-test-invalid-proxy-0003';
		h = await startHarness([testKey('bad', 'anthropic', fake.baseUrl('anthropic'))], {bad});
		const res = await request(`${h.proxy.baseUrl('anthropic')}/v1/messages`, {
			method: 'POST',
			headers: {'x-api-key': h.token, 'content-type': 'application/json', 'anthropic-version': '2023-06-01'},
			body: JSON.stringify({model: 'claude-3-5-haiku-latest', max_tokens: 1, messages: [{role: 'user', content: 'hi'}]}),
			dispatcher: h.client,
		});
		const body = (await readAll(res.body)).toString('utf8');
		expect(res.statusCode).toBe(401);
		expect(body).toContain('authentication_error');
		await until(() => h.exchanges.length === 1, 'the exchange');
		expect(h.exchanges[0]!.exchange.status).toBe(401);
		expect(h.exchanges[0]!.exchange.body).toBe(body);
	});

	it('never hands the client a key the provider echoed back in its error', async () => {
		const echoed = 'sk-test-echo_key-proxy-SECRETTAIL0004';
		h = await startHarness([testKey('echo', 'openai', fake.baseUrl('openai'))], {echo: echoed});
		const res = await request(`${h.proxy.baseUrl('openai')}/models`, {headers: {authorization: `Bearer ${h.token}`}, dispatcher: h.client});
		const body = (await readAll(res.body)).toString('utf8');
		expect(res.statusCode).toBe(401);
		expect(body).toContain('Incorrect API key provided');
		expect(body).not.toContain('SECRETTAIL');
		expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(body));
		await until(() => h.exchanges.length === 1, 'the exchange');
		// The reading keywatch keeps is the provider's answer; the monitor scrubs it before it is shown.
		expect(h.exchanges[0]!.exchange.status).toBe(401);
	});

	it('refuses a request without the local token with its own 401 and never forwards it', async () => {
		h = await startHarness([testKey('main', 'openai', fake.baseUrl('openai'))], secrets);
		const before = fake.requests.length;
		for (const headers of [{}, {authorization: 'Bearer kwp-wrong'}, {authorization: `Bearer ${secrets.main}`}, {'x-api-key': `${h.token}x`}]) {
			const res = await request(`${h.proxy.baseUrl('openai')}/models`, {headers, dispatcher: h.client});
			const body = JSON.parse((await readAll(res.body)).toString('utf8')) as {error: {type: string; message: string}};
			expect(res.statusCode).toBe(401);
			expect(body.error.type).toBe('keywatch_proxy_auth');
			expect(body.error.message).toContain(h.proxy.tokenPath);
		}
		expect(fake.requests.length).toBe(before);
		expect(h.exchanges).toEqual([]);
	});
});

describe('byte-identical transfer', () => {
	it('replaces the token with the key and sends request and response bodies through unchanged', async () => {
		h = await startHarness([testKey('main', 'openai', `${upstream.url}/v1`)], secrets);
		const small = upstream.blob.subarray(0, 200 * 1024);
		// Above the 1 MiB retry buffer: this one streams through without being held.
		const large = Buffer.concat([upstream.blob, upstream.blob, upstream.blob, upstream.blob]);
		for (const payload of [small, large]) {
			const res = await request(`${h.proxy.baseUrl('openai')}/echo`, {
				method: 'POST',
				headers: {authorization: `Bearer ${h.token}`, 'content-type': 'application/octet-stream'},
				body: payload,
				dispatcher: h.client,
			});
			const echoed = await readAll(res.body);
			const seen = upstream.seen.at(-1)!;
			expect(sha256(seen.body)).toBe(sha256(payload));
			expect(sha256(echoed)).toBe(sha256(payload));
			expect(seen.headers.authorization).toBe(`Bearer ${secrets.main}`);
			expect(JSON.stringify(seen.headers)).not.toContain(h.token);
			expect(seen.headers.host).toBe(new URL(upstream.url).host);
		}

		const blob = await request(`${h.proxy.baseUrl('openai')}/blob`, {headers: {authorization: `Bearer ${h.token}`}, dispatcher: h.client});
		expect(sha256(await readAll(blob.body))).toBe(sha256(upstream.blob));
		expect(blob.headers['x-blob-sha256']).toBe(sha256(upstream.blob));
	});

	it('relays server-sent events as they arrive, byte for byte, and logs the usage chunk', async () => {
		h = await startHarness([testKey('main', 'openai', `${upstream.url}/v1`)], secrets);
		const release = upstream.holdStreams();
		const res = await request(`${h.proxy.baseUrl('openai')}/chat/completions`, {
			method: 'POST',
			headers: {authorization: `Bearer ${h.token}`, 'content-type': 'application/json'},
			body: JSON.stringify({model: 'gpt-4o-mini', stream: true, stream_options: {include_usage: true}, messages: []}),
			dispatcher: h.client,
		});
		expect(res.headers['content-type']).toBe('text/event-stream');
		const received: Buffer[] = [];
		const iterator = res.body[Symbol.asyncIterator]();
		// The upstream is holding after its first event: the proxy must already have passed that event on.
		const first = await iterator.next();
		received.push(Buffer.from(first.value as Buffer));
		expect(Buffer.concat(received).toString('utf8')).toBe(SSE_EVENTS[0]);
		release();
		for (let next = await iterator.next(); !next.done; next = await iterator.next()) received.push(Buffer.from(next.value as Buffer));
		expect(Buffer.concat(received).equals(Buffer.concat(upstream.seen.at(-1)!.sent))).toBe(true);
		await until(() => h.logLines.length === 1, 'the log line');
		expect(JSON.parse(h.logLines[0]!)).toMatchObject({status: 200, tokens: {input: 11, output: 3, total: 14}});
		expect(h.exchanges[0]!.exchange.headers['x-ratelimit-remaining-requests']).toBe('42');
	});
});

describe('streaming from the fake provider through the proxy', () => {
	it.each([
		['openai', '/chat/completions', {authorization: 'Bearer TOKEN'}, {model: 'gpt-4o-mini', stream: true, stream_options: {include_usage: true}, messages: [{role: 'user', content: 'hi'}], max_tokens: 1}],
		['anthropic', '/v1/messages', {'x-api-key': 'TOKEN', 'anthropic-version': '2023-06-01'}, {model: 'claude-3-5-haiku-20241022', stream: true, messages: [{role: 'user', content: 'hi'}], max_tokens: 1}],
	] as const)('%s: the events arrive whole and in order, the usage is logged and the headers become a reading', async (provider, path, headers, body) => {
		const secret = provider === 'anthropic' ? 'sk-ant-test-healthy-proxystream-01' : 'sk-test-healthy-proxystream-02';
		h = await startHarness([testKey('main', provider, fake.baseUrl(provider))], {main: secret});
		const res = await request(`${h.proxy.baseUrl(provider)}${path}`, {
			method: 'POST',
			headers: {...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('TOKEN', h.token)])), 'content-type': 'application/json'},
			body: JSON.stringify(body),
			dispatcher: h.client,
		});
		expect(res.statusCode).toBe(200);
		expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
		const text = (await readAll(res.body)).toString('utf8');
		const blocks = text.trimEnd().split('\n\n');
		const data = blocks.map(b => b.split('\n').find(l => l.startsWith('data: '))!.slice(6));
		let usage: {input: number; output: number};
		if (provider === 'openai') {
			expect(data.at(-1)).toBe('[DONE]');
			const last = JSON.parse(data.at(-2)!);
			usage = {input: last.usage.prompt_tokens, output: last.usage.completion_tokens};
		} else {
			expect(blocks.map(b => /^event: (\w+)/.exec(b)?.[1])).toEqual(['message_start', 'content_block_start', 'ping', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
			usage = {input: JSON.parse(data[0]!).message.usage.input_tokens, output: JSON.parse(data[5]!).usage.output_tokens};
		}
		await until(() => h.logLines.length === 1, 'the log line');
		expect(JSON.parse(h.logLines[0]!)).toMatchObject({status: 200, tokens: usage});
		const seen = h.exchanges[0]!;
		expect(seen).toMatchObject({keyName: 'main', provider, exchange: {status: 200}});
		const remaining = provider === 'openai' ? 'x-ratelimit-remaining-requests' : 'anthropic-ratelimit-requests-remaining';
		expect(seen.exchange.headers[remaining]).toBe(res.headers[remaining]);
		expect(Number(res.headers[remaining])).toBeGreaterThan(0);
		// The fake saw the key, never the proxy's token; the client never saw the key.
		expect(JSON.stringify(fake.requests.at(-1))).not.toContain(h.token);
		expect(text).not.toContain(secret);
	});
});

describe('switching the active key', () => {
	it('moves the next request to the new key while a stream in flight keeps its key', async () => {
		h = await startHarness([testKey('main', 'openai', `${upstream.url}/v1`), testKey('second', 'openai', `${upstream.url}/v1`)], secrets);
		expect(h.proxy.active('openai')).toBe('main');
		const release = upstream.holdStreams();
		const streaming = await request(`${h.proxy.baseUrl('openai')}/chat/completions`, {
			method: 'POST',
			headers: {authorization: `Bearer ${h.token}`, 'content-type': 'application/json'},
			body: JSON.stringify({stream: true}),
			dispatcher: h.client,
		});
		const iterator = streaming.body[Symbol.asyncIterator]();
		const first = Buffer.from((await iterator.next()).value as Buffer);

		h.proxy.setActive('openai', 'second');
		expect(h.proxy.active('openai')).toBe('second');
		const next = await request(`${h.proxy.baseUrl('openai')}/models`, {headers: {authorization: `Bearer ${h.token}`}, dispatcher: h.client});
		await readAll(next.body);
		expect(upstream.seen[1]!.headers.authorization).toBe(`Bearer ${secrets.second}`);

		release();
		const rest: Buffer[] = [first];
		for (let chunk = await iterator.next(); !chunk.done; chunk = await iterator.next()) rest.push(Buffer.from(chunk.value as Buffer));
		expect(Buffer.concat(rest).toString('utf8')).toBe(SSE_EVENTS.join(''));
		expect(upstream.seen[0]!.headers.authorization).toBe(`Bearer ${secrets.main}`);

		const stats = h.proxy.stats();
		expect(stats.keys.main).toMatchObject({provider: 'openai', requestsPerMinute: 1, total: 1, inFlight: 0});
		expect(stats.keys.second).toMatchObject({requestsPerMinute: 1, total: 1});
	});

	it('refuses a key of another provider or an unknown name', async () => {
		h = await startHarness([testKey('main', 'openai', `${upstream.url}/v1`), testKey('claude', 'anthropic', upstream.url)], secrets);
		expect(() => h.proxy.setActive('openai', 'claude')).toThrow(/anthropic/);
		expect(() => h.proxy.setActive('openai', 'nope')).toThrow(/no key named/);
		expect(h.proxy.active('openai')).toBe('main');
	});
});

describe('the JSON log', () => {
	it('carries names, statuses and timings but no key, token or body', async () => {
		const keys = {...secrets, bad: 'sk-test-invalid-proxy-logcheck-0009'};
		h = await startHarness(
			[testKey('main', 'openai', fake.baseUrl('openai')), testKey('bad', 'anthropic', fake.baseUrl('anthropic'))],
			keys,
		);
		await readAll((await request(`${h.proxy.baseUrl('openai')}/chat/completions`, {method: 'POST', headers: {authorization: `Bearer ${h.token}`, 'content-type': 'application/json'}, body: chat, dispatcher: h.client})).body);
		await readAll((await request(`${h.proxy.baseUrl('anthropic')}/v1/messages`, {method: 'POST', headers: {'x-api-key': h.token, 'content-type': 'application/json'}, body: '{"secret-body-marker":1}', dispatcher: h.client})).body);
		await until(() => h.logLines.length === 2, 'two log lines');
		const all = h.logLines.join('\n');
		for (const secret of [...Object.values(keys), h.token]) {
			for (let i = 0; i + 8 <= secret.length; i += 4) expect(all).not.toContain(secret.slice(i, i + 8));
		}
		expect(all).not.toContain('secret-body-marker');
		expect(all).not.toContain('Incorrect');
		expect(h.logLines.map(line => (JSON.parse(line) as {status: number}).status)).toEqual([200, 401]);
	});
});
