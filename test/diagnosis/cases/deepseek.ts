import type {Case} from './case.js';

const ds = (message: string, type: string, code: string) => ({error: {message, type, param: null, code}});

export const deepseekCases: Case[] = [
	{
		name: 'invalid key (last characters echoed)',
		provider: 'deepseek',
		status: 401,
		body: ds('Authentication Fails, Your api key: ****18b" is invalid', 'authentication_error', 'invalid_request_error'),
		kind: 'invalid_key',
	},
	{
		name: 'malformed auth header',
		provider: 'deepseek',
		status: 401,
		body: ds('Authentication Fails (auth header format should be Bearer sk-...)', 'authentication_error', 'invalid_request_error'),
		kind: 'invalid_key',
	},
	{name: 'insufficient balance (type and code misused)', provider: 'deepseek', status: 402, body: ds('Insufficient Balance', 'unknown_error', 'invalid_request_error'), kind: 'quota_exhausted'},
	{name: 'server busy', provider: 'deepseek', status: 503, body: ds('The server is busy. Please try again later.', 'server_error', 'service_unavailable'), kind: 'overloaded'},
	{name: 'rate limit', provider: 'deepseek', status: 429, body: ds('Rate Limit Reached', 'rate_limit_error', 'rate_limit_exceeded'), kind: 'rate_limited'},
	{name: 'server error', provider: 'deepseek', status: 500, body: ds('Server Error', 'server_error', 'internal_error'), kind: 'outage'},
	{name: 'unknown model', provider: 'deepseek', status: 400, body: ds('Model Not Exist', 'invalid_request_error', 'invalid_request_error'), kind: 'model_access'},
];
