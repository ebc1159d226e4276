import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FakeProvider} from '../../source/fake/server.js';
import {auth, call, type Clock, headroom, rfc3339Seconds, START, startWithClock, validity} from './helpers.js';

let fake: FakeProvider;
let clock: Clock;

beforeAll(async () => {
	({fake, clock} = await startWithClock());
});
afterAll(() => fake.close());

const buckets = ['requests', 'tokens', 'input-tokens', 'output-tokens'];

describe('Anthropic on the fake', () => {
	it('lists models with x-api-key and anthropic-version', async () => {
		const res = await validity(fake, 'anthropic', 'sk-ant-test-healthy-1');
		expect(res.status).toBe(200);
		expect(res.json.data[0]).toMatchObject({type: 'model'});
		expect(res.json.has_more).toBe(false);
		expect(res.headers['request-id']).toMatch(/^req_011C\w{20}$/);
	});

	it('sends every anthropic-ratelimit-* header with RFC 3339 resets on whole seconds', async () => {
		const res = await headroom(fake, 'anthropic', 'sk-ant-test-healthy-2');
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({type: 'message', role: 'assistant', stop_reason: 'max_tokens'});
		expect(res.json.usage.output_tokens).toBe(1);
		for (const bucket of buckets) {
			expect(Number(res.headers[`anthropic-ratelimit-${bucket}-limit`])).toBeGreaterThan(0);
			expect(res.headers[`anthropic-ratelimit-${bucket}-remaining`]).toMatch(/^\d+$/);
			expect(res.headers[`anthropic-ratelimit-${bucket}-reset`]).toMatch(rfc3339Seconds);
		}
		expect(res.headers['anthropic-ratelimit-requests-remaining']).toBe('49');
		expect(res.headers['anthropic-ratelimit-requests-reset']).toBe('2026-01-15T12:01:00Z');
		// Token buckets are rounded to the nearest thousand; a few input tokens leave 50000.
		expect(res.headers['anthropic-ratelimit-input-tokens-remaining']).toBe('50000');
		expect(res.headers['anthropic-ratelimit-output-tokens-remaining']).toBe('9999');
		expect(res.headers['anthropic-organization-id']).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('rounds token remainders to thousands as they drain', async () => {
		const key = 'sk-ant-test-healthy-big';
		const body = {model: 'claude-3-5-haiku-20241022', max_tokens: 1, messages: [{role: 'user', content: 'x'.repeat(6000)}]};
		const res = await call(`${fake.baseUrl('anthropic')}/v1/messages`, {headers: auth('anthropic', key), body});
		const input = res.json.usage.input_tokens;
		expect(input).toBeGreaterThan(1000);
		expect(res.headers['anthropic-ratelimit-input-tokens-remaining']).toBe(String(Math.round((50_000 - input) / 1000) * 1000));
	});

	it('runs out of requests after 50 and answers rate_limit_error with retry-after until the reset', async () => {
		const key = 'sk-ant-test-healthy-drain';
		for (let i = 0; i < 50; i++) expect((await headroom(fake, 'anthropic', key)).status).toBe(200);
		clock.now += 15_000;
		const res = await headroom(fake, 'anthropic', key);
		expect(res.status).toBe(429);
		expect(res.json.type).toBe('error');
		expect(res.json.error.type).toBe('rate_limit_error');
		expect(res.json.error.message).toMatch(/^This request would exceed the rate limit for your organization \([0-9a-f-]{36}\) of 50 requests per minute\./);
		expect(res.headers['retry-after']).toBe('45');
		expect(res.headers['x-should-retry']).toBe('true');
		expect(res.headers['anthropic-ratelimit-requests-remaining']).toBe('0');
		expect(res.json.request_id).toBe(res.headers['request-id']);
		clock.now += 45_000;
		expect((await headroom(fake, 'anthropic', key)).status).toBe(200);
		clock.now = START;
	});

	it('keeps a limited key out of input tokens, quoting the limit with thousands separators', async () => {
		const res = await headroom(fake, 'anthropic', 'sk-ant-test-limited-1');
		expect(res.status).toBe(429);
		expect(res.json.error.message).toContain('of 50,000 input tokens per minute');
		expect(res.headers['anthropic-ratelimit-input-tokens-remaining']).toBe('0');
		expect(res.headers['anthropic-ratelimit-tokens-remaining']).toBe('60000');
		expect(res.headers['retry-after']).toBe('60');
	});

	it('says the credit balance is too low with a 400, byte for byte', async () => {
		const res = await headroom(fake, 'anthropic', 'sk-ant-test-quota-1');
		expect(res.status).toBe(400);
		expect(res.text).toBe(
			`{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."},"request_id":"${res.headers['request-id']}"}`,
		);
	});

	it('is overloaded with a 529 and x-should-retry, and no rate-limit headers', async () => {
		const res = await headroom(fake, 'anthropic', 'sk-ant-test-overloaded-1');
		expect(res.status).toBe(529);
		expect(res.json.error).toEqual({type: 'overloaded_error', message: 'Overloaded'});
		expect(res.headers['x-should-retry']).toBe('true');
		expect(res.headers['anthropic-ratelimit-requests-limit']).toBeUndefined();
	});

	it.each([
		['invalid', 401, 'authentication_error', 'invalid x-api-key'],
		['suspended', 400, 'invalid_request_error', 'This organization has been disabled.'],
		['permission', 403, 'permission_error', 'Your API key does not have permission to use the specified resource.'],
		['model_access', 404, 'not_found_error', 'model: claude-3-5-haiku-20241022'],
		['billing', 402, 'billing_error', undefined],
		['content_policy', 400, 'invalid_request_error', 'Output blocked by content filtering policy'],
		['outage', 500, 'api_error', 'Internal server error'],
	])('%s answers %i %s', async (scenario, status, type, message) => {
		const res = await headroom(fake, 'anthropic', `sk-ant-test-${scenario}-1`);
		expect(res.status).toBe(status);
		expect(res.json.error.type).toBe(type);
		if (message) expect(res.json.error.message).toBe(message);
	});

	it('answers daily_cap with the tier spend cap: a 429 with no retry-after', async () => {
		const res = await headroom(fake, 'anthropic', 'sk-ant-test-daily_cap-1');
		expect(res.status).toBe(429);
		expect(res.json.error.details).toEqual({error_code: 'enforced_spend_limit_reached'});
		expect(res.headers['retry-after']).toBeUndefined();
	});

	it('refuses a missing key, an OAuth bearer, and a missing anthropic-version', async () => {
		const url = `${fake.baseUrl('anthropic')}/v1/models`;
		const none = await call(url, {headers: {'anthropic-version': '2023-06-01'}});
		expect(none.status).toBe(401);
		expect(none.json.error).toEqual({type: 'authentication_error', message: 'x-api-key header is required'});
		const oauth = await call(url, {headers: {authorization: 'Bearer sk-ant-oat01-x', 'anthropic-version': '2023-06-01'}});
		expect(oauth.status).toBe(401);
		expect(oauth.json.error.message).toBe('Invalid OAuth token. The provided token was not found or is malformed.');
		const noVersion = await call(url, {headers: {'x-api-key': 'sk-ant-test-healthy-1'}});
		expect(noVersion.status).toBe(400);
		expect(noVersion.json.error.message).toBe('anthropic-version: header is required');
	});

	it('rejects a Messages request without max_tokens before spending', async () => {
		const res = await call(`${fake.baseUrl('anthropic')}/v1/messages`, {
			headers: auth('anthropic', 'sk-ant-test-healthy-1'),
			body: {model: 'claude-3-5-haiku-20241022', messages: []},
		});
		expect(res.status).toBe(400);
		expect(res.json.error.message).toBe('max_tokens: Field required');
	});

	it('counts tokens for free', async () => {
		const res = await call(`${fake.baseUrl('anthropic')}/v1/messages/count_tokens`, {
			headers: auth('anthropic', 'sk-ant-test-healthy-1'),
			body: {model: 'claude-3-5-haiku-20241022', messages: [{role: 'user', content: 'hello'}]},
		});
		expect(res.status).toBe(200);
		expect(res.json.input_tokens).toBeGreaterThan(0);
	});
});

describe('Anthropic cost report', () => {
	const report = (key: string, query: string) => call(`${fake.baseUrl('anthropic')}/v1/organizations/cost_report${query}`, {headers: auth('anthropic', key)});

	it('returns daily buckets with amounts in cents as decimal strings for an admin key', async () => {
		const res = await report('sk-ant-admin01-test-healthy-1', '?starting_at=2026-01-13T00:00:00Z&bucket_width=1d');
		expect(res.status).toBe(200);
		expect(res.json.data).toHaveLength(3);
		expect(res.json.data[0]).toMatchObject({starting_at: '2026-01-13T00:00:00Z', ending_at: '2026-01-14T00:00:00Z'});
		expect(res.json.data[0].results[0]).toMatchObject({currency: 'USD', amount: '420.00'});
		expect(res.json.data[2].results[0].amount).toBe('210.00');
		expect(res.json.has_more).toBe(false);
		expect(res.json.next_page).toBeNull();
	});

	it('refuses an inference key and a missing starting_at', async () => {
		expect((await report('sk-ant-test-healthy-1', '?starting_at=2026-01-13T00:00:00Z')).status).toBe(401);
		expect((await report('sk-ant-admin01-test-healthy-1', '')).status).toBe(400);
	});
});
