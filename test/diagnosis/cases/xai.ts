import type {Case} from './case.js';

export const xaiCases: Case[] = [
	{
		name: 'bad key as a bare JSON string (a 400)',
		provider: 'xai',
		status: 400,
		body: JSON.stringify('Incorrect API key provided: na***ys. You can obtain an API key from https://console.x.ai.'),
		kind: 'invalid_key',
	},
	{
		name: 'new team without credits (flat body, 403)',
		provider: 'xai',
		status: 403,
		body: {
			code: 'The caller does not have permission to execute the specified operation',
			error: "Your newly created teams doesn't have any credits yet. You can purchase credits on https://console.x.ai/team/11111111-2222-3333-4444-555555555555.",
		},
		kind: 'quota_exhausted',
	},
	{
		name: 'generic permission 403',
		provider: 'xai',
		status: 403,
		body: {code: 'The caller does not have permission to execute the specified operation', error: 'Forbidden'},
		kind: 'permission',
	},
	{
		name: 'no access to model',
		provider: 'xai',
		status: 404,
		body: JSON.stringify('The model grok-9 does not exist or your team 1234 does not have access to it. Please ensure you are using the correct API key.'),
		kind: 'model_access',
	},
	{
		name: 'requests per minute (bare string)',
		provider: 'xai',
		status: 429,
		body: JSON.stringify("Too many requests for team 1234 and model grok-3. Your team's rate limit is — Requests per Minute (actual/limit): 61/60."),
		kind: 'rate_limited',
		limit: 'requests',
		window: 'minute',
	},
];
