import type {Case} from './case.js';

const or = (code: number, message: string, metadata?: Record<string, unknown>) => ({error: {code, message, ...(metadata ? {metadata} : {})}});

export const openrouterCases: Case[] = [
	{name: 'deleted or expired key', provider: 'openrouter', status: 401, body: or(401, 'User not found.'), kind: 'invalid_key'},
	{name: 'no bearer sent', provider: 'openrouter', status: 401, body: or(401, 'No auth credentials found'), kind: 'invalid_key', rule: 'openrouter.no-credentials'},
	{name: 'insufficient credits', provider: 'openrouter', status: 402, body: or(402, 'Insufficient credits. Add more using https://openrouter.ai/settings/credits'), kind: 'quota_exhausted'},
	{
		name: 'cannot afford max_tokens',
		provider: 'openrouter',
		status: 402,
		body: or(402, 'This request requires more credits, or fewer max_tokens. You requested up to 4096 tokens, but can only afford 222. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account'),
		kind: 'quota_exhausted',
	},
	{
		name: 'free models per day, upstream headers inside the body',
		provider: 'openrouter',
		status: 429,
		body: or(429, 'Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day', {
			headers: {'X-RateLimit-Limit': '50', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Date.UTC(2026, 10, 25))},
		}),
		kind: 'rate_limited',
		limit: 'requests',
		window: 'day',
		rule: 'openrouter.free-per-day',
	},
	{name: 'free models per minute', provider: 'openrouter', status: 429, body: or(429, 'Rate limit exceeded: free-models-per-min.'), kind: 'rate_limited', limit: 'requests', window: 'minute'},
	{
		name: 'daily cap named by limit_source',
		provider: 'openrouter',
		status: 429,
		body: or(429, 'Rate limit exceeded', {limit_source: 'openrouter_free_tier_daily'}),
		kind: 'rate_limited',
		window: 'day',
	},
	{name: 'credits named by limit_source', provider: 'openrouter', status: 402, body: or(402, 'Payment required', {limit_source: 'openrouter_credits'}), kind: 'quota_exhausted'},
	{
		name: 'moderation flag',
		provider: 'openrouter',
		status: 403,
		body: or(403, 'meta-llama/llama-guard requires moderation on OpenInference. Your input was flagged for "harassment".', {reasons: ['harassment'], flagged_input: 'something...', provider_name: 'OpenInference', model_slug: 'x'}),
		kind: 'content_policy',
	},
	{name: 'generation timed out', provider: 'openrouter', status: 408, body: or(408, 'Timed out'), kind: 'outage'},
	{name: 'model down', provider: 'openrouter', status: 502, body: or(502, 'Bad gateway'), kind: 'outage'},
	{name: 'no provider available', provider: 'openrouter', status: 503, body: or(503, 'No allowed providers are available for the selected model.'), kind: 'outage'},
	{
		name: 'error inside a 200 (mid-generation)',
		provider: 'openrouter',
		status: 200,
		body: or(429, 'Rate limit exceeded: free-models-per-min.'),
		kind: 'rate_limited',
	},
	{
		name: 'upstream failure inside a 200',
		provider: 'openrouter',
		status: 200,
		body: or(502, 'Provider returned error', {provider_name: 'Chutes', raw: 'upstream connect error'}),
		kind: 'outage',
	},
	{name: 'unknown model', provider: 'openrouter', status: 404, body: or(404, 'No endpoints found for meta-llama/llama-9-400b.'), kind: 'model_access'},
	{
		name: 'negative balance: 402 even with a vague message',
		provider: 'openrouter',
		status: 402,
		body: or(402, 'Payment Required'),
		kind: 'quota_exhausted',
	},
];
