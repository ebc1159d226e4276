import type {Case} from './case.js';

export const togetherCases: Case[] = [
	{
		name: 'rate limited, type credit_limit',
		provider: 'together',
		status: 429,
		body: {error: {message: 'You have been rate limited. Your rate limit is 60 queries per minute. Please navigate to https://api.together.xyz/settings/billing to upgrade to a paid plan.', type: 'credit_limit', param: null, code: null}},
		kind: 'rate_limited',
		limit: 'requests',
		window: 'minute',
	},
	{
		name: 'out of credit, type credit_limit',
		provider: 'together',
		status: 402,
		body: {id: 'o-1', error: {message: 'Credit limit exceeded. Please navigate to https://api.together.xyz/settings/billing to add credit or upgrade your plan.', type: 'credit_limit', param: null, code: null}},
		kind: 'quota_exhausted',
	},
	{name: 'overloaded', provider: 'together', status: 503, body: {error: {message: 'The server is overloaded or not ready yet.', type: 'server_error'}}, kind: 'overloaded'},
	{
		name: 'invalid key',
		provider: 'together',
		status: 401,
		body: {error: {message: 'Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.', type: 'invalid_request_error', param: null, code: 'invalid_api_key'}},
		kind: 'invalid_key',
	},
	{name: 'model unavailable', provider: 'together', status: 404, body: {error: {message: 'Unable to access model foo/bar. Please visit https://api.together.ai/models to view the list of supported models.', type: 'invalid_request_error'}}, kind: 'model_access'},
];
