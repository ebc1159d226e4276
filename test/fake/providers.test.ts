import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FakeProvider} from '../../source/fake/server.js';
import type {ProviderId} from '../../source/types.js';
import {auth, call, type Clock, goDurationPattern, headroom, headroomProbe, type Reply, START, startWithClock, validity, validityPath} from './helpers.js';

let fake: FakeProvider;
let clock: Clock;

beforeAll(async () => {
	({fake, clock} = await startWithClock());
});
afterAll(() => fake.close());

describe('base URLs', () => {
	it.each([
		['openai', '/openai/v1'],
		['anthropic', '/anthropic'],
		['gemini', '/gemini/v1beta'],
		['openrouter', '/openrouter/api/v1'],
		['groq', '/groq/openai/v1'],
		['mistral', '/mistral/v1'],
		['deepseek', '/deepseek'],
		['xai', '/xai/v1'],
		['azure_openai', '/azure'],
		['together', '/together/v1'],
		['openai_compatible', '/compat/v1'],
	] as Array<[ProviderId, string]>)('%s lives at %s', (provider, path) => {
		expect(fake.baseUrl(provider)).toBe(`${fake.url}${path}`);
		expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});
});

const providers = Object.keys(headroomProbe) as ProviderId[];

describe('every provider', () => {
	it.each(providers)('%s answers its free probe and its headroom probe for a healthy key', async provider => {
		expect((await validity(fake, provider, 'sk-test-healthy-every')).status).toBe(200);
		const res = await headroom(fake, provider, 'sk-test-healthy-every');
		expect(res.status).toBe(200);
		const usage = provider === 'gemini' ? res.json.usageMetadata : res.json.usage;
		expect(usage).toBeDefined();
	});

	it.each(providers)('%s sets a request id on every answer', async provider => {
		const ok = await headroom(fake, provider, 'sk-test-healthy-rid');
		const denied = await headroom(fake, provider, 'sk-test-invalid-rid');
		const name = provider === 'anthropic' ? 'request-id' : provider === 'azure_openai' ? 'apim-request-id' : 'x-request-id';
		expect(ok.headers[name]).toBeTruthy();
		expect(denied.headers[name]).toBeTruthy();
	});

	it.each(providers)('%s records the request without its query string', async provider => {
		await call(`${fake.baseUrl(provider)}${validityPath[provider]}${validityPath[provider].includes('?') ? '&' : '?'}key=secret`, {
			headers: auth(provider, 'sk-test-healthy-rec'),
		});
		const last = fake.requests.at(-1)!;
		expect(last.authorized).toBe(true);
		expect(last.path).not.toContain('?');
		expect(last.at).toBe(clock.now);
	});
});

describe('auth enforcement: no key gets the provider’s own answer', () => {
	const cases: Array<[ProviderId, number, (r: Reply) => void]> = [
		['gemini', 403, r => expect(r.json.error).toMatchObject({code: 403, status: 'PERMISSION_DENIED'})],
		['openrouter', 401, r => expect(r.text).toBe('{"error":{"message":"No auth credentials found","code":401}}')],
		['groq', 401, r => expect(r.json.error).toEqual({message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key'})],
		['mistral', 401, r => expect(r.text).toBe('{"detail":"Unauthorized"}')],
		['deepseek', 401, r => expect(r.json.error.message).toBe('Authentication Fails (auth header format should be Bearer sk-...)')],
		['xai', 400, r => expect(typeof r.json).toBe('string')],
		['azure_openai', 401, r => expect(r.json.error.code).toBe('401')],
		['together', 401, r => expect(r.json.error.code).toBe('invalid_api_key')],
	];
	it.each(cases)('%s → %i', async (provider, status, check) => {
		const res = await call(`${fake.baseUrl(provider)}${validityPath[provider]}`);
		expect(res.status).toBe(status);
		check(res);
		expect(fake.requests.at(-1)!.authorized).toBe(false);
	});

	it('gemini also accepts the key as ?key=', async () => {
		expect((await call(`${fake.baseUrl('gemini')}/models?key=AIza-test-healthy-q`)).status).toBe(200);
	});

	it('azure also accepts an Entra bearer token', async () => {
		expect((await call(`${fake.baseUrl('azure_openai')}/openai/models?api-version=2024-10-21`, {headers: {authorization: 'Bearer eyJ0'}})).status).toBe(200);
	});
});

describe('rate-limit headers per provider', () => {
	it('groq uses OpenAI names with the request window per day and tokens per minute', async () => {
		const res = await headroom(fake, 'groq', 'gsk_test-healthy-h');
		expect(res.headers['x-ratelimit-limit-requests']).toBe('14400');
		expect(res.headers['x-ratelimit-remaining-requests']).toBe('14399');
		expect(res.headers['x-ratelimit-reset-requests']).toBe('24h0m0s');
		expect(res.headers['x-ratelimit-limit-tokens']).toBe('18000');
		expect(res.headers['x-ratelimit-reset-tokens']).toMatch(goDurationPattern);
		expect(res.headers['x-groq-region']).toBeTruthy();
	});

	it('mistral sends per-minute and per-month limits and the query cost', async () => {
		const res = await headroom(fake, 'mistral', 'sk-test-healthy-m');
		const cost = Number(res.headers['x-ratelimit-tokens-query-cost']);
		expect(cost).toBe(res.json.usage.total_tokens);
		expect(res.headers['x-ratelimit-limit-req-minute']).toBe('720');
		expect(res.headers['x-ratelimit-remaining-req-minute']).toBe('719');
		expect(res.headers['x-ratelimit-limit-tokens-minute']).toBe('5000000');
		expect(Number(res.headers['x-ratelimit-remaining-tokens-minute'])).toBe(5_000_000 - cost);
		expect(res.headers['x-ratelimit-limit-tokens-month']).toBe('1000000000');
		expect(Number(res.headers['x-ratelimit-remaining-tokens-month'])).toBe(1_000_000_000 - cost);
	});

	it('openrouter sends X-RateLimit-* with the reset as epoch milliseconds', async () => {
		const res = await headroom(fake, 'openrouter', 'sk-or-v1-test-healthy-h');
		expect(res.headers['x-ratelimit-limit']).toBe('20');
		expect(res.headers['x-ratelimit-remaining']).toBe('19');
		expect(res.headers['x-ratelimit-reset']).toBe(String(START + 60_000));
	});

	it('together sends x-ratelimit-* and x-tokenlimit-* per second', async () => {
		const res = await headroom(fake, 'together', 'sk-test-healthy-t');
		expect(res.headers['x-ratelimit-limit']).toBe('10');
		expect(res.headers['x-ratelimit-remaining']).toBe('9');
		expect(res.headers['x-ratelimit-reset']).toBe('1');
		expect(res.headers['x-tokenlimit-limit']).toBe('3000');
		expect(Number(res.headers['x-tokenlimit-remaining'])).toBeLessThan(3000);
	});

	it('azure sends only remaining counts, plus apim-request-id', async () => {
		const res = await headroom(fake, 'azure_openai', 'azure-test-healthy-h');
		expect(res.headers['x-ratelimit-remaining-requests']).toBe('179');
		expect(Number(res.headers['x-ratelimit-remaining-tokens'])).toBeLessThan(30_000);
		expect(res.headers['x-ratelimit-limit-requests']).toBeUndefined();
		expect(res.headers['apim-request-id']).toMatch(/^[0-9a-f-]{36}$/);
	});

	it.each(['gemini', 'deepseek', 'xai'] as ProviderId[])('%s sends none', async provider => {
		const res = await headroom(fake, provider, 'sk-test-healthy-none');
		expect(Object.keys(res.headers).filter(h => h.includes('ratelimit') || h.includes('tokenlimit'))).toEqual([]);
	});
});

describe('gemini', () => {
	it('reports a per-minute input-token limit as QuotaFailure with RetryInfo', async () => {
		const res = await headroom(fake, 'gemini', 'AIza-test-limited-1');
		expect(res.status).toBe(429);
		expect(res.json.error.status).toBe('RESOURCE_EXHAUSTED');
		const [failure, help, retry] = res.json.error.details;
		expect(failure['@type']).toBe('type.googleapis.com/google.rpc.QuotaFailure');
		expect(failure.violations[0]).toMatchObject({
			quotaId: 'GenerateContentInputTokensPerModelPerMinute-FreeTier',
			quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_input_token_count',
			quotaDimensions: {location: 'global', model: 'gemini-2.0-flash-lite'},
			quotaValue: '250000',
		});
		expect(help['@type']).toBe('type.googleapis.com/google.rpc.Help');
		expect(retry).toEqual({'@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '60s'});
	});

	it('reports the daily cap as PerDay with no RetryInfo', async () => {
		const res = await headroom(fake, 'gemini', 'AIza-test-daily_cap-1');
		expect(res.status).toBe(429);
		expect(res.json.error.details[0].violations[0].quotaId).toBe('GenerateRequestsPerDayPerProjectPerModel-FreeTier');
		expect(res.json.error.details.some((d: {'@type': string}) => d['@type'].endsWith('RetryInfo'))).toBe(false);
	});

	it('runs out of requests after 15 in a minute', async () => {
		for (let i = 0; i < 15; i++) expect((await headroom(fake, 'gemini', 'AIza-test-healthy-drain')).status).toBe(200);
		const res = await headroom(fake, 'gemini', 'AIza-test-healthy-drain');
		expect(res.json.error.details[0].violations[0].quotaId).toBe('GenerateRequestsPerMinutePerProjectPerModel-FreeTier');
	});

	it.each([
		['invalid', 400, 'INVALID_ARGUMENT', 'API_KEY_INVALID'],
		['suspended', 403, 'PERMISSION_DENIED', 'CONSUMER_SUSPENDED'],
		['permission', 403, 'PERMISSION_DENIED', 'API_KEY_SERVICE_BLOCKED'],
	])('%s → %i %s with ErrorInfo %s', async (scenario, status, canonical, reason) => {
		const res = await validity(fake, 'gemini', `AIzaSyAh-test-${scenario}-RSI`);
		expect(res.status).toBe(status);
		expect(res.json.error.status).toBe(canonical);
		expect(res.json.error.details[0]).toMatchObject({'@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com'});
		expect(res.headers['content-type']).toBe('application/json; charset=UTF-8');
	});

	it('echoes a suspended key as AIzaSyAh…RSI', async () => {
		const res = await validity(fake, 'gemini', 'AIzaSyAh-test-suspended-RSI');
		expect(res.json.error.message).toBe("Permission denied: Consumer 'api_key:AIzaSyAh…RSI' has been suspended.");
	});

	it.each([
		['region', 400, 'User location is not supported for the API use.'],
		['billing', 400, 'User location is not supported for the API use without a billing account linked.'],
		['overloaded', 503, 'The model is overloaded. Please try again later.'],
		['model_access', 404, 'models/gemini-2.0-flash-lite is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.'],
	])('%s → %i', async (scenario, status, message) => {
		const res = await headroom(fake, 'gemini', `AIza-test-${scenario}-1`);
		expect(res.status).toBe(status);
		expect(res.json.error.message).toBe(message);
	});

	it('blocks content with promptFeedback on a 200', async () => {
		const res = await headroom(fake, 'gemini', 'AIza-test-content_policy-1');
		expect(res.status).toBe(200);
		expect(res.json.promptFeedback.blockReason).toBe('SAFETY');
		expect(res.json.candidates).toBeUndefined();
	});
});

describe('openrouter', () => {
	it('reports key limit, remaining and usage, and spends from it', async () => {
		const key = 'sk-or-v1-test-healthy-keyinfo0000';
		const before = await validity(fake, 'openrouter', key);
		expect(before.json.data).toMatchObject({limit: 10, limit_remaining: 7.5, usage: 2.5, limit_reset: 'monthly', is_free_tier: false});
		expect(before.json.data.label).toBe('sk-or-v1-tes...000');
		await headroom(fake, 'openrouter', key);
		const after = await validity(fake, 'openrouter', key);
		expect(after.json.data.limit_remaining).toBeLessThan(7.5);
	});

	it('shows a low key under 10% and an exhausted key at 0 with a 402 on chat', async () => {
		expect((await validity(fake, 'openrouter', 'sk-or-v1-test-low-1')).json.data.limit_remaining).toBe(0.5);
		expect((await validity(fake, 'openrouter', 'sk-or-v1-test-quota-1')).json.data.limit_remaining).toBe(0);
		const res = await headroom(fake, 'openrouter', 'sk-or-v1-test-quota-1');
		expect(res.status).toBe(402);
		expect(res.text).toBe('{"error":{"message":"Insufficient credits. Add more using https://openrouter.ai/settings/credits","code":402}}');
	});

	it('returns account credits', async () => {
		const res = await call(`${fake.baseUrl('openrouter')}/credits`, {headers: auth('openrouter', 'sk-or-v1-test-healthy-c')});
		expect(res.json).toEqual({data: {total_credits: 100.5, total_usage: 25.75}});
	});

	it('reports the free daily cap with the limits inside error.metadata.headers', async () => {
		const res = await headroom(fake, 'openrouter', 'sk-or-v1-test-daily_cap-1');
		expect(res.status).toBe(429);
		expect(res.json.error.message).toBe('Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day');
		expect(res.json.error.metadata.headers).toEqual({
			'X-RateLimit-Limit': '50',
			'X-RateLimit-Remaining': '0',
			'X-RateLimit-Reset': String(Date.UTC(2026, 0, 16)),
		});
	});

	it('says "User not found." for an invalid key', async () => {
		const res = await validity(fake, 'openrouter', 'sk-or-v1-test-invalid-1');
		expect(res.text).toBe('{"error":{"message":"User not found.","code":401}}');
	});
});

describe('groq, mistral, deepseek, xai, azure, together errors', () => {
	const cases: Array<[ProviderId, string, number, (r: Reply) => void]> = [
		['groq', 'limited', 429, r => expect(r.json.error.message).toMatch(/on tokens per minute \(TPM\): Limit 18000, Used 18000, Requested \d+\. Please try again in 1m0s\. Need more tokens\?/)],
		['groq', 'daily_cap', 429, r => expect(r.json.error.message).toContain('on tokens per day (TPD): Limit 500000')],
		['groq', 'suspended', 400, r => expect(r.json.error.message).toBe('Organization has been restricted. Please reach out to support if you believe this was in error.')],
		['mistral', 'invalid', 401, r => expect(r.text).toBe('{"detail":"Unauthorized"}')],
		['mistral', 'quota', 401, r => expect(r.text).toBe('{"detail":"Unauthorized"}')],
		['mistral', 'limited', 429, r => expect(r.json).toEqual({object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', param: null, code: '1300'})],
		['mistral', 'daily_cap', 429, r => expect(r.headers['x-ratelimit-remaining-tokens-month']).toBe('0')],
		['deepseek', 'quota', 402, r => expect(r.text).toBe('{"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}')],
		['deepseek', 'limited', 429, r => expect(r.json.error.message).toBe('Rate Limit Reached')],
		['deepseek', 'overloaded', 503, r => expect(r.json.error.message).toBe('The server is busy. Please try again later.')],
		['xai', 'quota', 429, r => expect(r.json).toMatch(/^Your team [0-9a-f-]{36} has either used all available credits or reached its monthly spending limit\./)],
		['xai', 'limited', 429, r => expect(r.json).toMatch(/Tokens per Minute \(actual\/limit\): \d+\/16000\./)],
		['xai', 'billing', 403, r => expect(r.json.code).toBe('The caller does not have permission to execute the specified operation')],
		['azure_openai', 'limited', 429, r => expect(r.json.error.message).toContain('have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 60 seconds.')],
		['azure_openai', 'model_access', 404, r => expect(r.json.error.code).toBe('DeploymentNotFound')],
		['azure_openai', 'content_policy', 400, r => expect(r.json.error.innererror.code).toBe('ResponsibleAIPolicyViolation')],
		['together', 'quota', 402, r => expect(r.json.error).toMatchObject({type: 'credit_limit', code: null})],
		['together', 'limited', 429, r => expect(r.json.error).toMatchObject({type: 'credit_limit', message: expect.stringContaining('600 queries per minute')})],
	];
	it.each(cases)('%s %s → %i', async (provider, scenario, status, check) => {
		const res = await headroom(fake, provider, `sk-test-${scenario}-e`);
		expect(res.status).toBe(status);
		check(res);
	});

	it('echoes a DeepSeek key by its last three characters, and an xAI key by two at each end', async () => {
		const ds = await validity(fake, 'deepseek', 'sk-test-invalid-18b');
		expect(ds.json.error.message).toBe('Authentication Fails, Your api key: ****18b" is invalid');
		const x = await validity(fake, 'xai', 'xai-test-invalid-ys');
		expect(x.json).toBe('Incorrect API key provided: xa***ys. You can obtain an API key from https://console.x.ai.');
	});

	it('retries on 429 come with retry-after for groq and azure', async () => {
		expect((await headroom(fake, 'groq', 'gsk_test-limited-r')).headers['retry-after']).toBe('60');
		expect((await headroom(fake, 'azure_openai', 'az-test-limited-r')).headers['retry-after']).toBe('60');
	});

	it('azure requires api-version', async () => {
		const res = await call(`${fake.baseUrl('azure_openai')}/openai/models`, {headers: auth('azure_openai', 'k')});
		expect(res.status).toBe(404);
		expect(res.json).toEqual({error: {code: '404', message: 'Resource not found'}});
	});
});

describe('balances', () => {
	it('deepseek reports string amounts per currency', async () => {
		const res = await validity(fake, 'deepseek', 'sk-test-healthy-bal');
		expect(res.json).toEqual({
			is_available: true,
			balance_infos: [{currency: 'USD', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00'}],
		});
		expect((await validity(fake, 'deepseek', 'sk-test-low-bal')).json.balance_infos[0].total_balance).toBe('0.85');
		expect((await validity(fake, 'deepseek', 'sk-test-quota-bal')).json.is_available).toBe(false);
	});

	it('xai key info carries blocked and disabled flags instead of refusing', async () => {
		const healthy = await validity(fake, 'xai', 'xai-test-healthy-abcdefgh');
		expect(healthy.json).toMatchObject({redacted_api_key: 'xai-...efgh', team_blocked: false, api_key_blocked: false, api_key_disabled: false});
		expect(healthy.json.acls).toEqual(['api-key:model:*', 'api-key:endpoint:*']);
		expect((await validity(fake, 'xai', 'xai-test-suspended-1')).json.team_blocked).toBe(true);
		expect((await validity(fake, 'xai', 'xai-test-permission-1')).json.api_key_disabled).toBe(true);
		expect((await headroom(fake, 'xai', 'xai-test-suspended-1')).status).toBe(403);
	});

	it('xai management reports the team and its prepaid balance in negated cents', async () => {
		const key = 'xai-test-low-mgmt';
		const headers = auth('xai', key);
		const validation = await call(`${fake.url}/xai-management/auth/management-keys/validation`, {headers});
		expect(validation.json.scope).toBe('SCOPE_TEAM');
		const balance = await call(`${fake.url}/xai-management/v1/billing/teams/${validation.json.teamId}/prepaid/balance`, {headers});
		expect(balance.json.total).toEqual({val: '-150'});
	});
});
