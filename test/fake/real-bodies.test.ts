// The fake's answers set against real provider answers that users pasted (copied verbatim from the
// shared research fixtures, `real-responses.jsonl`): identical where the reference quotes a fixed body.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FakeProvider} from '../../source/fake/server.js';
import type {ProviderId} from '../../source/types.js';
import {auth, call, headroom, headroomProbe, startWithClock, validity} from './helpers.js';

let fake: FakeProvider;

beforeAll(async () => {
	({fake} = await startWithClock());
});
afterAll(() => fake.close());

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

type Real = {provider: ProviderId; scenario: string; probe: 'headroom' | 'validity'; status: number; body: unknown; normalise?: (body: any) => unknown};

const withoutRequestId = (body: any) => {
	const {request_id: _ignored, ...rest} = body;
	return rest;
};

const real: Real[] = [
	{
		provider: 'openai',
		scenario: 'quota',
		probe: 'headroom',
		status: 429,
		body: {
			error: {
				message:
					'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
				type: 'insufficient_quota',
				param: null,
				code: 'insufficient_quota',
			},
		},
	},
	{
		provider: 'openai',
		scenario: 'billing',
		probe: 'headroom',
		status: 429,
		body: {error: {message: 'Your account is not active, please check your billing details on our website.', type: 'billing_not_active', param: null, code: 'billing_not_active'}},
	},
	{
		provider: 'openai',
		scenario: 'suspended',
		probe: 'validity',
		status: 401,
		body: {
			error: {
				message:
					'The OpenAI account associated with this API key has been deactivated. If you are the developer for this OpenAI app, please check your email for more information. If you are seeing this error while using another app or site, please reach out to them for more help.',
				type: 'invalid_request_error',
				param: null,
				code: 'account_deactivated',
			},
		},
	},
	{
		provider: 'anthropic',
		scenario: 'overloaded',
		probe: 'headroom',
		status: 529,
		// The 2024 capture predates request_id in bodies.
		body: {type: 'error', error: {type: 'overloaded_error', message: 'Overloaded'}},
		normalise: withoutRequestId,
	},
	{
		provider: 'anthropic',
		scenario: 'quota',
		probe: 'headroom',
		status: 400,
		body: {
			type: 'error',
			error: {
				type: 'invalid_request_error',
				message: 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
			},
		},
		normalise: withoutRequestId,
	},
	{
		provider: 'openrouter',
		scenario: 'billing',
		probe: 'headroom',
		status: 402,
		body: {
			error: {
				error: {
					message:
						'More credits are required to run this request. 128000 token capacity required, 19484 available. To increase, visit https://openrouter.ai/settings/keys and create a key with a higher limit',
					code: 402,
				},
				code: 402,
			},
		},
	},
	{
		provider: 'openrouter',
		scenario: 'overloaded',
		probe: 'headroom',
		status: 429,
		body: {
			error: {
				message: 'Provider returned error',
				code: 429,
				metadata: {
					raw: 'meta-llama/llama-3.3-70b-instruct:free is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits: https://openrouter.ai/settings/integrations',
					provider_name: 'Venice',
					is_byok: false,
					retry_after_seconds: 17,
					retry_after_seconds_raw: 16.007,
					headers: {'Retry-After': '17'},
				},
			},
			user_id: 'USER',
		},
		normalise: body => ({...body, user_id: 'USER'}),
	},
	{
		provider: 'gemini',
		scenario: 'billing',
		probe: 'headroom',
		status: 400,
		body: {error: {code: 400, message: 'User location is not supported for the API use without a billing account linked.', status: 'FAILED_PRECONDITION'}},
	},
	{
		provider: 'deepseek',
		scenario: 'suspended',
		probe: 'headroom',
		status: 401,
		body: {error: {message: 'Authentication Fails (no such user)', type: 'authentication_error', param: null, code: 'invalid_request_error'}},
	},
	{
		provider: 'xai',
		scenario: 'quota',
		probe: 'headroom',
		status: 429,
		body: 'Your team TEAM has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit.',
		normalise: (body: string) => body.replace(uuidPattern, 'TEAM'),
	},
];

describe('bodies the reference quotes in full', () => {
	it.each(real.map(r => [`${r.provider} ${r.scenario}`, r] as const))('%s', async (_name, r) => {
		const key = `sk-test-${r.scenario}-real`;
		const res = r.probe === 'headroom' ? await headroom(fake, r.provider, key) : await validity(fake, r.provider, key);
		expect(res.status).toBe(r.status);
		expect(r.normalise ? r.normalise(res.json) : res.json).toEqual(r.body);
	});

	it('gemini suspended: the same message and ErrorInfo, with the key’s own project', async () => {
		const res = await validity(fake, 'gemini', 'AIzaSyAh-test-suspended-RSI');
		expect(res.status).toBe(403);
		const detail = res.json.error.details[0];
		expect({...res.json.error, details: [{...detail, metadata: {...detail.metadata, consumer: 'P'}}]}).toEqual({
			code: 403,
			message: "Permission denied: Consumer 'api_key:AIzaSyAh…RSI' has been suspended.",
			status: 'PERMISSION_DENIED',
			details: [
				{
					'@type': 'type.googleapis.com/google.rpc.ErrorInfo',
					reason: 'CONSUMER_SUSPENDED',
					domain: 'googleapis.com',
					metadata: {service: 'generativelanguage.googleapis.com', consumer: 'P'},
				},
			],
		});
		expect(detail.metadata.consumer).toMatch(/^projects\/\d{12}$/);
	});

	it('azure invalid key: the same message under a string code', async () => {
		const res = await headroom(fake, 'azure_openai', 'az-test-invalid-real');
		expect(res.status).toBe(401);
		expect(res.json.error.message).toBe(
			'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
		);
		expect(typeof res.json.error.code).toBe('string');
	});

	it('groq TPM: the same message layout as a real one, with its own numbers', async () => {
		const res = await headroom(fake, 'groq', 'gsk_test-limited-real');
		expect(res.json.error.message).toMatch(
			/^Rate limit reached for model `llama-3\.1-8b-instant` in organization `org_\w+` service tier `on_demand` on tokens per minute \(TPM\): Limit \d+, Used \d+, Requested \d+\. Please try again in [\dhms.]+\. Need more tokens\? Upgrade to Dev Tier today at https:\/\/console\.groq\.com\/settings\/billing$/,
		);
		expect(Object.keys(res.json.error)).toEqual(['message', 'type', 'code']);
	});

	it('gemini per-minute quota: the fixture’s QuotaFailure, Help and RetryInfo in order', async () => {
		const res = await call(`${fake.baseUrl('gemini')}/models/gemini-2.5-flash:generateContent`, {
			headers: auth('gemini', 'AIza-test-limited-real'),
			body: headroomProbe.gemini.body,
		});
		expect(res.json.error.message).toBe(
			'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
		);
		expect(res.json.error.details.map((d: {'@type': string}) => d['@type'])).toEqual([
			'type.googleapis.com/google.rpc.QuotaFailure',
			'type.googleapis.com/google.rpc.Help',
			'type.googleapis.com/google.rpc.RetryInfo',
		]);
		expect(res.json.error.details[0].violations[0]).toEqual({
			quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_input_token_count',
			quotaId: 'GenerateContentInputTokensPerModelPerMinute-FreeTier',
			quotaDimensions: {location: 'global', model: 'gemini-2.5-flash'},
			quotaValue: '250000',
		});
	});
});
