import type {Case} from './case.js';

export const mistralCases: Case[] = [
	{
		name: 'FastAPI 401: bad key and used-up plan look the same',
		provider: 'mistral',
		status: 401,
		body: {detail: 'Unauthorized'},
		kind: 'invalid_key',
		candidates: ['invalid_key', 'quota_exhausted'],
	},
	{name: '401 with no body', provider: 'mistral', status: 401, body: '', kind: 'invalid_key|quota_exhausted'},
	{
		name: 'rate limit (2025 shape, string code)',
		provider: 'mistral',
		status: 429,
		body: {object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', param: null, code: '1300'},
		kind: 'rate_limited',
	},
	{name: 'rate limit (older gateway shape)', provider: 'mistral', status: 429, body: {message: 'Requests rate limit exceeded'}, kind: 'rate_limited', limit: 'requests'},
	{
		name: 'monthly tokens at zero: every request fails',
		provider: 'mistral',
		status: 429,
		headers: {'x-ratelimit-limit-tokens-month': '1000000000', 'x-ratelimit-remaining-tokens-month': '0'},
		body: {message: 'Requests rate limit exceeded'},
		kind: 'quota_exhausted',
	},
	{
		name: '401 with the monthly bucket at zero tells the two apart',
		provider: 'mistral',
		status: 401,
		headers: {'x-ratelimit-remaining-tokens-month': '0'},
		body: {detail: 'Unauthorized'},
		kind: 'quota_exhausted',
	},
	{
		name: 'validation error',
		provider: 'mistral',
		status: 422,
		body: {detail: [{type: 'missing', loc: ['body', 'model'], msg: 'Field required', input: {}}]},
		kind: 'bad_request',
	},
	{name: 'invalid model', provider: 'mistral', status: 400, body: {object: 'error', message: 'Invalid model: mistral-huge', type: 'invalid_model', param: null, code: '1500'}, kind: 'model_access'},
	{name: 'monthly usage limit reached', provider: 'mistral', status: 429, body: {message: 'You have reached your monthly usage limit'}, kind: 'quota_exhausted'},
];
