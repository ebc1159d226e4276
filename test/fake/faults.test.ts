import {request} from 'undici';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FakeProvider} from '../../source/fake/server.js';
import {auth, call, headroom, headroomProbe, startWithClock, validity} from './helpers.js';

let fake: FakeProvider;

beforeAll(async () => {
	({fake} = await startWithClock());
});
afterAll(() => fake.close());

const modelsUrl = () => `${fake.baseUrl('openai')}/models`;
const openai = (scenario: string) => auth('openai', `sk-test-${scenario}-f`);

describe('connection faults', () => {
	it('hang: never answers, so a short client timeout fires', async () => {
		const pending = request(modelsUrl(), {headers: openai('hang'), headersTimeout: 300});
		await expect(pending).rejects.toMatchObject({code: 'UND_ERR_HEADERS_TIMEOUT'});
		expect(fake.requests.at(-1)).toMatchObject({path: '/openai/v1/models', authorized: true});
	});

	it('stall_body: sends 200 and the first bytes, then nothing', async () => {
		const res = await request(modelsUrl(), {headers: openai('stall_body'), bodyTimeout: 300});
		expect(res.statusCode).toBe(200);
		await expect(res.body.text()).rejects.toMatchObject({code: 'UND_ERR_BODY_TIMEOUT'});
	});

	it('drip: sends the body one byte at a time', async () => {
		const res = await request(modelsUrl(), {headers: openai('drip')});
		expect(res.statusCode).toBe(200);
		const sizes: number[] = [];
		for await (const chunk of res.body) {
			sizes.push((chunk as Buffer).length);
			if (sizes.length === 3) break;
		}
		expect(sizes).toEqual([1, 1, 1]);
	});

	it('reset: destroys the socket', async () => {
		await expect(request(modelsUrl(), {headers: openai('reset')})).rejects.toThrow();
		expect((await validity(fake, 'openai', 'sk-test-healthy-after-reset')).status).toBe(200);
	});
});

describe('body faults', () => {
	it('html: a proxy’s 502 page', async () => {
		const res = await validity(fake, 'openai', 'sk-test-html-f');
		expect(res.status).toBe(502);
		expect(res.headers['content-type']).toBe('text/html');
		expect(res.text).toContain('<h1>502 Bad Gateway</h1>');
	});

	it('not_json: a 200 labelled JSON that is not', async () => {
		const res = await validity(fake, 'openai', 'sk-test-not_json-f');
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/json');
		expect(res.json).toBeUndefined();
	});

	it('truncated_json: a complete HTTP answer carrying half a document', async () => {
		const res = await headroom(fake, 'openai', 'sk-test-truncated_json-f');
		expect(res.status).toBe(200);
		expect(res.text.startsWith('{"id":"chatcmpl-')).toBe(true);
		expect(Number(res.headers['content-length'])).toBe(res.text.length);
		expect(res.json).toBeUndefined();
	});

	it('wrong_shape: valid JSON with fields of the wrong types', async () => {
		const res = await headroom(fake, 'openai', 'sk-test-wrong_shape-f');
		expect(res.status).toBe(200);
		expect(res.json.data).toBe('unexpected');
		expect(res.json.usage).toBe('many');
	});

	it('null_body: the JSON value null', async () => {
		const res = await validity(fake, 'deepseek', 'sk-test-null_body-f');
		expect(res.status).toBe(200);
		expect(res.text).toBe('null');
	});

	it('deep_json: 300,000 nested arrays, streamed', async () => {
		const res = await request(modelsUrl(), {headers: openai('deep_json')});
		expect(res.headers['content-length']).toBeUndefined();
		const text = await res.body.text();
		expect(text).toHaveLength(600_000);
		expect(text).toBe('['.repeat(300_000) + ']'.repeat(300_000));
	});

	it('huge_body: more than 1 MiB, and the fake stops when the client goes away', async () => {
		const res = await request(modelsUrl(), {headers: openai('huge_body')});
		let size = 0;
		for await (const chunk of res.body) {
			size += (chunk as Buffer).length;
			if (size > 2 * 1024 * 1024) break;
		}
		expect(size).toBeGreaterThan(1024 * 1024);
		expect((await validity(fake, 'openai', 'sk-test-healthy-after-huge')).status).toBe(200);
	});

	it('escapes: terminal escape sequences and control characters in the provider’s message', async () => {
		const res = await headroom(fake, 'anthropic', 'sk-ant-test-escapes-f');
		expect(res.status).toBe(400);
		expect(res.json.error.message).toContain('\u001b[2J');
		expect(res.json.error.message).toContain('\u001b]0;pwned\u0007');
		expect(res.json.error.message).toContain('\u0000');
	});
});

describe('header faults', () => {
	it('huge_header: an 8 KB request id', async () => {
		const res = await headroom(fake, 'openai', 'sk-test-huge_header-f');
		expect(res.status).toBe(200);
		expect(res.headers['x-request-id']).toHaveLength(8192);
	});

	it('bad_headers: OpenAI’s rate-limit headers with values no parser should trust', async () => {
		const res = await headroom(fake, 'openai', 'sk-test-bad_headers-f');
		expect(res.status).toBe(200);
		expect({
			limitRequests: res.headers['x-ratelimit-limit-requests'],
			limitTokens: res.headers['x-ratelimit-limit-tokens'],
			remainingRequests: res.headers['x-ratelimit-remaining-requests'],
			remainingTokens: res.headers['x-ratelimit-remaining-tokens'],
			resetRequests: res.headers['x-ratelimit-reset-requests'],
			resetTokens: res.headers['x-ratelimit-reset-tokens'],
			retryAfter: res.headers['retry-after'],
		}).toEqual({
			limitRequests: 'abc',
			limitTokens: '1e309',
			remainingRequests: '-5',
			remainingTokens: '1234567890123456789012345',
			resetRequests: 'soon',
			resetTokens: '-5s',
			retryAfter: 'soon',
		});
	});

	it('bad_headers: Anthropic gets a date that does not exist', async () => {
		const res = await headroom(fake, 'anthropic', 'sk-ant-test-bad_headers-f');
		expect(Object.values(res.headers)).toContain('2025-02-30T25:61:00Z');
	});
});

describe('redirect', () => {
	it('answers 302 to another path on the fake', async () => {
		const res = await request(modelsUrl(), {headers: openai('redirect')});
		expect(res.statusCode).toBe(302);
		await res.body.dump();
		expect(res.headers.location).toBe(`${fake.url}/_fake/redirect-target?from=openai`);
	});

	it('records a client that follows it, and whether the credential came along', async () => {
		const probe = headroomProbe.anthropic;
		const res = await fetch(`${fake.baseUrl('anthropic')}${probe.path}`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...auth('anthropic', 'sk-ant-test-redirect-f')},
			body: JSON.stringify(probe.body),
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({redirected: true, from: 'anthropic', credentialArrived: true});
		expect(fake.requests.at(-1)).toMatchObject({provider: '_fake', path: '/_fake/redirect-target', authorized: true});
	});

	it('records a follower that dropped the credential as unauthorized', async () => {
		await call(`${fake.url}/_fake/redirect-target?from=openai`);
		expect(fake.requests.at(-1)).toMatchObject({path: '/_fake/redirect-target', authorized: false});
	});
});

describe('faults are per key', () => {
	it('a key in a fault mode leaves other keys on the same provider alone', async () => {
		const hung = request(modelsUrl(), {headers: openai('hang'), headersTimeout: 300}).catch(() => 'timed out');
		expect((await validity(fake, 'openai', 'sk-test-healthy-neighbour')).status).toBe(200);
		expect(await hung).toBe('timed out');
	});
});
