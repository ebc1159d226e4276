import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FakeProvider} from '../../source/fake/server.js';
import {auth, call, type Clock, goDurationPattern, headroom, START, startWithClock, validity} from './helpers.js';

let fake: FakeProvider;
let clock: Clock;

beforeAll(async () => {
	({fake, clock} = await startWithClock());
});
afterAll(() => fake.close());

describe('OpenAI on the fake', () => {
	it('lists models for a valid key, with a request id and no rate-limit headers', async () => {
		const res = await validity(fake, 'openai', 'sk-test-healthy-models');
		expect(res.status).toBe(200);
		expect(res.json.object).toBe('list');
		expect(res.json.data.map((m: {id: string}) => m.id)).toContain('gpt-4o-mini');
		expect(res.headers['x-request-id']).toMatch(/^req_[0-9a-f]{32}$/);
		expect(res.headers['openai-version']).toBe('2020-10-01');
		expect(res.headers['x-ratelimit-limit-requests']).toBeUndefined();
	});

	it('answers a 1-token chat completion with usage and all six rate-limit headers', async () => {
		const res = await headroom(fake, 'openai', 'sk-test-healthy-chat');
		expect(res.status).toBe(200);
		expect(res.json.object).toBe('chat.completion');
		expect(res.json.usage.completion_tokens).toBe(1);
		expect(res.json.usage.total_tokens).toBe(res.json.usage.prompt_tokens + 1);
		expect(res.headers['x-ratelimit-limit-requests']).toBe('500');
		expect(res.headers['x-ratelimit-limit-tokens']).toBe('30000');
		expect(res.headers['x-ratelimit-remaining-requests']).toBe('499');
		expect(Number(res.headers['x-ratelimit-remaining-tokens'])).toBe(30_000 - res.json.usage.total_tokens);
		expect(res.headers['x-ratelimit-reset-requests']).toBe('1m0s');
		expect(res.headers['x-ratelimit-reset-tokens']).toMatch(goDurationPattern);
		expect(res.headers.date).toBe(new Date(clock.now).toUTCString());
	});

	it('counts down as it is probed and starts over when the clock passes the reset', async () => {
		const key = 'sk-test-healthy-evolve';
		const first = await headroom(fake, 'openai', key);
		clock.now += 12_500;
		const second = await headroom(fake, 'openai', key);
		expect(Number(second.headers['x-ratelimit-remaining-requests'])).toBe(Number(first.headers['x-ratelimit-remaining-requests']) - 1);
		expect(Number(second.headers['x-ratelimit-remaining-tokens'])).toBeLessThan(Number(first.headers['x-ratelimit-remaining-tokens']));
		expect(second.headers['x-ratelimit-reset-requests']).toBe('47.5s');
		clock.now += 60_000;
		const third = await headroom(fake, 'openai', key);
		expect(third.headers['x-ratelimit-remaining-requests']).toBe('499');
		clock.now = START;
	});

	it('gives the real RPM 429 when a low key runs out, and recovers after the reset', async () => {
		const key = 'sk-test-low-drain';
		const first = await headroom(fake, 'openai', key);
		expect(first.status).toBe(200);
		// Under 10% left: 25 of 500 at the start of the window.
		expect(first.headers['x-ratelimit-remaining-requests']).toBe('24');
		for (let i = 0; i < 24; i++) expect((await headroom(fake, 'openai', key)).status).toBe(200);
		clock.now += 10_000;
		const denied = await headroom(fake, 'openai', key);
		expect(denied.status).toBe(429);
		expect(denied.json.error.type).toBe('requests');
		expect(denied.json.error.code).toBe('rate_limit_exceeded');
		expect(denied.json.error.message).toMatch(
			/^Rate limit reached for gpt-4o-mini in organization org-\w+ on requests per min \(RPM\): Limit 500, Used 500, Requested 1\. Please try again in 50s\. Visit https:\/\/platform\.openai\.com\/account\/rate-limits to learn more\.$/,
		);
		expect(denied.headers['x-ratelimit-remaining-requests']).toBe('0');
		clock.now += 50_000;
		expect((await headroom(fake, 'openai', key)).status).toBe(200);
		clock.now = START;
	});

	it('keeps a limited key at zero tokens with a countdown that follows the clock', async () => {
		const key = 'sk-test-limited-tpm';
		const first = await headroom(fake, 'openai', key);
		expect(first.status).toBe(429);
		expect(first.json.error.type).toBe('tokens');
		expect(first.json.error.message).toContain('on tokens per min (TPM): Limit 30000, Used 30000');
		expect(first.headers['x-ratelimit-remaining-tokens']).toBe('0');
		expect(first.headers['x-ratelimit-reset-tokens']).toBe('1m0s');
		clock.now += 20_000;
		const later = await headroom(fake, 'openai', key);
		expect(later.headers['x-ratelimit-reset-tokens']).toBe('40s');
		expect(later.json.error.message).toContain('Please try again in 40s.');
		clock.now = START;
	});

	it('answers daily_cap with the RPD 429 until midnight UTC', async () => {
		const res = await headroom(fake, 'openai', 'sk-test-daily_cap-1');
		expect(res.status).toBe(429);
		expect(res.json.error.type).toBe('requests');
		expect(res.json.error.message).toContain('on requests per day (RPD): Limit 10000, Used 10000, Requested 1. Please try again in 12h0m0s.');
	});

	it('refuses a request without a key with the real 401', async () => {
		const res = await call(`${fake.baseUrl('openai')}/models`);
		expect(res.status).toBe(401);
		expect(res.json.error.message).toMatch(/^You didn't provide an API key\./);
		expect(res.json.error.type).toBe('invalid_request_error');
		expect(res.json.error.code).toBeNull();
		expect(fake.requests.at(-1)).toMatchObject({provider: 'openai', method: 'GET', path: '/openai/v1/models', authorized: false});
	});

	it('echoes an invalid key only masked, first 8 and last 4 characters', async () => {
		const key = 'sk-test-invalid-abcdefghijkl';
		const res = await validity(fake, 'openai', key);
		expect(res.status).toBe(401);
		expect(res.json.error.code).toBe('invalid_api_key');
		expect(res.json.error.message).toBe(
			'Incorrect API key provided: sk-test-***...ijkl. You can find your API key at https://platform.openai.com/account/api-keys.',
		);
		expect(res.text).not.toContain(key);
	});

	it('echo_key puts the full key in the message, to prove keywatch redacts it', async () => {
		const key = 'sk-test-echo_key-canary0123456789';
		const res = await validity(fake, 'openai', key);
		expect(res.status).toBe(401);
		expect(res.json.error.message).toContain(key);
	});

	it('answers spend-related scenarios only on the headroom probe', async () => {
		const key = 'sk-test-quota-x';
		expect((await validity(fake, 'openai', key)).status).toBe(200);
		const res = await headroom(fake, 'openai', key);
		expect(res.status).toBe(429);
		expect(res.json.error.code).toBe('insufficient_quota');
	});

	it.each([
		['model_access', 404, 'model_not_found', 'The model `gpt-4o-mini` does not exist or you do not have access to it.'],
		['region', 403, 'unsupported_country_region_territory', 'Country, region, or territory not supported'],
		['suspended', 401, 'account_deactivated', undefined],
		['permission', 401, 'mismatched_organization', 'OpenAI-Organization header should match organization for API key'],
		['content_policy', 400, 'content_policy_violation', undefined],
		['verification', 400, null, undefined],
		['overloaded', 503, null, 'Slow Down'],
		['outage', 500, null, 'The server had an error while processing your request. Sorry about that!'],
	])('%s answers %i with code %s', async (scenario, status, code, message) => {
		const res = await headroom(fake, 'openai', `sk-test-${scenario}-1`);
		expect(res.status).toBe(status);
		expect(res.json.error.code).toBe(code);
		if (message) expect(res.json.error.message).toBe(message);
	});

	it('serves the same API as an OpenAI-compatible endpoint under /compat/v1', async () => {
		expect(fake.baseUrl('openai_compatible')).toBe(`${fake.url}/compat/v1`);
		const res = await headroom(fake, 'openai_compatible', 'sk-test-healthy-compat');
		expect(res.status).toBe(200);
		expect(res.headers['x-ratelimit-remaining-requests']).toBe('499');
	});

	it('answers an unknown path with OpenAI’s 404', async () => {
		const res = await call(`${fake.baseUrl('openai')}/nope`, {headers: auth('openai', 'sk-x')});
		expect(res.status).toBe(404);
		expect(res.json.error.message).toBe('Invalid URL (GET /v1/nope)');
	});
});

describe('OpenAI admin spend', () => {
	const costs = (key: string, query: string) => call(`${fake.baseUrl('openai')}/organization/costs${query}`, {headers: auth('openai', key)});

	it('returns daily cost buckets for an admin key', async () => {
		const start = Math.floor((START - 3 * 86_400_000) / 1000);
		const res = await costs('sk-admin-test-healthy-1', `?start_time=${start}&bucket_width=1d`);
		expect(res.status).toBe(200);
		expect(res.json.object).toBe('page');
		expect(res.json.data).toHaveLength(4);
		const bucket = res.json.data[0];
		expect(bucket.object).toBe('bucket');
		expect(bucket.end_time - bucket.start_time).toBe(86_400);
		expect(bucket.results[0]).toMatchObject({object: 'organization.costs.result', amount: {value: 4.2, currency: 'usd'}});
		// Today is half over at 12:00 UTC.
		expect(res.json.data[3].results[0].amount.value).toBe(2.1);
		expect(res.json.has_more).toBe(false);
	});

	it('pages with limit and next_page', async () => {
		const start = Math.floor((START - 9 * 86_400_000) / 1000);
		const first = await costs('sk-admin-test-healthy-2', `?start_time=${start}&limit=7`);
		expect(first.json.data).toHaveLength(7);
		expect(first.json.has_more).toBe(true);
		const second = await costs('sk-admin-test-healthy-2', `?start_time=${start}&limit=7&page=${first.json.next_page}`);
		expect(second.json.data).toHaveLength(3);
		expect(second.json.data[0].start_time).toBe(first.json.data[6].start_time + 86_400);
	});

	it('refuses a project key and a missing start_time', async () => {
		expect((await costs('sk-test-healthy-1', '?start_time=0')).status).toBe(401);
		expect((await costs('sk-admin-test-healthy-1', '')).status).toBe(400);
	});

	it('returns completion usage buckets', async () => {
		const start = Math.floor((START - 86_400_000) / 1000);
		const res = await call(`${fake.baseUrl('openai')}/organization/usage/completions?start_time=${start}`, {
			headers: auth('openai', 'sk-admin-test-healthy-3'),
		});
		expect(res.status).toBe(200);
		expect(res.json.data[0].results[0]).toMatchObject({object: 'organization.usage.completions.result', num_model_requests: 1200});
	});
});
