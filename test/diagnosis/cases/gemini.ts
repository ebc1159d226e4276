import {type Case, google} from './case.js';

const errorInfo = (reason: string, metadata: Record<string, string> = {service: 'generativelanguage.googleapis.com'}) => ({
	'@type': 'type.googleapis.com/google.rpc.ErrorInfo',
	reason,
	domain: 'googleapis.com',
	metadata,
});
const quota = (quotaId: string, quotaMetric: string) => ({
	'@type': 'type.googleapis.com/google.rpc.QuotaFailure',
	violations: [{quotaMetric, quotaId, quotaDimensions: {location: 'global', model: 'gemini-2.0-flash'}, quotaValue: '200'}],
});
const retry = (delay: string) => ({'@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: delay});
const help = {'@type': 'type.googleapis.com/google.rpc.Help', links: [{description: 'Learn more', url: 'https://ai.google.dev/gemini-api/docs/rate-limits'}]};

const perDay = google(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details.', [
	quota('GenerateRequestsPerDayPerProjectPerModel-FreeTier', 'generativelanguage.googleapis.com/generate_content_free_tier_requests'),
	help,
	retry('47s'),
]);

export const geminiCases: Case[] = [
	{
		name: 'bad key with ErrorInfo and LocalizedMessage',
		provider: 'gemini',
		status: 400,
		body: google(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
			errorInfo('API_KEY_INVALID'),
			{'@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'API key not valid. Please pass a valid API key.'},
		]),
		kind: 'invalid_key',
		rule: 'google.key-invalid',
	},
	{name: 'deleted key', provider: 'gemini', status: 400, body: google(400, 'INVALID_ARGUMENT', 'API Key not found. Please pass a valid API key.'), kind: 'invalid_key'},
	{name: 'expired key', provider: 'gemini', status: 400, body: google(400, 'INVALID_ARGUMENT', 'API key expired. Please renew the API key.', [errorInfo('API_KEY_INVALID')]), kind: 'invalid_key'},
	{
		name: 'leaked key blocked',
		provider: 'gemini',
		status: 403,
		body: google(403, 'PERMISSION_DENIED', 'Your API key was reported as leaked. Please use another API key.'),
		kind: 'invalid_key',
		rule: 'google.key-leaked',
	},
	{
		name: 'key restricted to other APIs',
		provider: 'gemini',
		status: 403,
		body: google(403, 'PERMISSION_DENIED', 'Requests to this API generativelanguage.googleapis.com method google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent are blocked.', [
			errorInfo('API_KEY_SERVICE_BLOCKED', {methodName: 'google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent', service: 'generativelanguage.googleapis.com'}),
		]),
		kind: 'permission',
	},
	{
		name: 'API not enabled in the project',
		provider: 'gemini',
		status: 403,
		body: google(403, 'PERMISSION_DENIED', 'Generative Language API has not been used in project 123456 before or it is disabled.', [errorInfo('SERVICE_DISABLED')]),
		kind: 'permission',
	},
	{name: 'region not supported', provider: 'gemini', status: 400, body: google(400, 'FAILED_PRECONDITION', 'User location is not supported for the API use.'), kind: 'region_blocked'},
	{
		name: 'daily free-tier cap',
		provider: 'gemini',
		status: 429,
		body: perDay,
		kind: 'rate_limited',
		limit: 'requests',
		window: 'day',
		// Daily caps are sticky until midnight Pacific; the 47s retryDelay is only mentioned.
		noRetryAfter: true,
		clearsAt: Date.UTC(2026, 10, 25, 8),
		says: [/retry hint says 47s/],
	},
	{
		name: 'per-minute requests',
		provider: 'gemini',
		status: 429,
		body: google(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota.', [quota('GenerateRequestsPerMinutePerProjectPerModel', 'generativelanguage.googleapis.com/generate_content_requests'), retry('6s')]),
		kind: 'rate_limited',
		limit: 'requests',
		window: 'minute',
		retryAfter: 6,
	},
	{name: 'overloaded model', provider: 'gemini', status: 503, body: google(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.'), kind: 'overloaded'},
	{
		name: 'high demand (newer wording)',
		provider: 'gemini',
		status: 503,
		body: google(503, 'UNAVAILABLE', 'This model is currently experiencing high demand. Spikes in demand are usually temporary. Please try again later.'),
		kind: 'overloaded',
	},
	{
		name: 'retired model',
		provider: 'gemini',
		status: 404,
		body: google(404, 'NOT_FOUND', 'models/gemini-pro is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.'),
		kind: 'model_access',
	},
	{name: 'terse quota message', provider: 'gemini', status: 429, body: google(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'), kind: 'rate_limited'},
	{name: 'daily cap with only a Help detail', provider: 'gemini', status: 429, body: google(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota.', [help]), kind: 'rate_limited'},
	{
		name: 'experimental model quota: migrate',
		provider: 'gemini',
		status: 429,
		body: google(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota. Please migrate to Gemini 2.5 Pro Preview (models/gemini-2.5-pro-preview-03-25) for higher quota limits.'),
		kind: 'rate_limited',
	},
	{
		name: 'Vertex-style legacy errors[] reason',
		provider: 'gemini',
		status: 429,
		body: {
			error: {
				code: 429,
				message: 'Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.',
				errors: [{message: 'Resource exhausted.', domain: 'global', reason: 'rateLimitExceeded'}],
				status: 'RESOURCE_EXHAUSTED',
			},
		},
		kind: 'rate_limited',
	},
	{name: 'streaming: error wrapped in an array', provider: 'gemini', status: 429, body: [perDay], kind: 'rate_limited', limit: 'requests', window: 'day'},
	{
		name: 'SDK re-wrap: the real error is JSON inside the message',
		provider: 'gemini',
		status: 429,
		body: {
			error: {
				message: JSON.stringify(google(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota.', [quota('GenerateContentInputTokensPerModelPerMinute-FreeTier', 'generativelanguage.googleapis.com/generate_content_free_tier_input_token_count'), retry('26s')])),
				code: 429,
				status: 'Too Many Requests',
			},
		},
		kind: 'rate_limited',
		limit: 'tokens',
		window: 'minute',
		retryAfter: 26,
	},
	{
		name: 'SDK re-wrap with a prefix before the JSON and no HTTP status',
		provider: 'gemini',
		status: null,
		body: `[GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com: [400 Bad Request] ${JSON.stringify(google(400, 'INVALID_ARGUMENT', 'API key not valid.', [errorInfo('API_KEY_INVALID')]))}`,
		kind: 'invalid_key',
	},
	{name: 'internal error', provider: 'gemini', status: 500, body: google(500, 'INTERNAL', 'An internal error has occurred.'), kind: 'outage'},
	{
		name: 'no key sent',
		provider: 'gemini',
		status: 403,
		body: google(403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."),
		kind: 'invalid_key',
	},
	{name: 'bad role is a bad request', provider: 'gemini', status: 400, body: google(400, 'INVALID_ARGUMENT', 'Please use a valid role: user, model.'), kind: 'bad_request'},
	{
		name: 'free tier not offered in the country',
		provider: 'gemini',
		status: 400,
		body: google(400, 'FAILED_PRECONDITION', 'Gemini API free tier is not available in your country. Please enable billing on your project in Google AI Studio.'),
		kind: 'billing',
	},
	{name: 'deadline exceeded', provider: 'gemini', status: 504, body: google(504, 'DEADLINE_EXCEEDED', 'Deadline expired before operation could complete.'), kind: 'outage'},
	{
		name: 'blocked prompt on a 200',
		provider: 'gemini',
		status: 200,
		body: {promptFeedback: {blockReason: 'SAFETY', safetyRatings: []}},
		kind: 'content_policy',
	},
];
