import {type Case, oai} from './case.js';

export const groqCases: Case[] = [
	{
		name: 'TPD with a long Go duration',
		provider: 'groq',
		status: 429,
		body: {
			error: {
				message:
					'Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_01abc` service tier `on_demand` on tokens per day (TPD): Limit 100000, Used 97050, Requested 3619. Please try again in 9m38.016s. Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing',
				type: 'tokens',
				code: 'rate_limit_exceeded',
			},
		},
		kind: 'rate_limited',
		limit: 'tokens',
		window: 'day',
		retryAfter: 578.016,
	},
	{
		name: 'request larger than TPM (413)',
		provider: 'groq',
		status: 413,
		body: {
			error: {
				message: 'Request too large for model `llama3-8b-8192` in organization `org_01abc` on tokens per minute (TPM): Limit 6000, Requested 12328, please reduce your message size and try again.',
				type: 'tokens',
				code: 'rate_limit_exceeded',
			},
		},
		kind: 'rate_limited',
		limit: 'tokens',
		window: 'minute',
		clears: 'needs_action',
	},
	{
		name: 'bad key, request id from header',
		provider: 'groq',
		status: 401,
		headers: {'x-groq-region': 'us-east-1', 'x-request-id': 'req_01jtest'},
		body: oai('Invalid API Key', 'invalid_request_error', 'invalid_api_key'),
		kind: 'invalid_key',
	},
	{
		name: 'restricted organization (a 400)',
		provider: 'groq',
		status: 400,
		body: oai('Organization has been restricted. Please reach out to support if you believe this was in error.', 'invalid_request_error', 'organization_restricted'),
		kind: 'suspended',
	},
	{
		name: 'request bucket at zero means the DAILY requests',
		provider: 'groq',
		status: 429,
		headers: {'x-ratelimit-limit-requests': '14400', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '2m59.56s', 'retry-after': '2'},
		body: '',
		kind: 'rate_limited',
		limit: 'requests',
		window: 'day',
		retryAfter: 2,
	},
	{
		name: 'decommissioned model',
		provider: 'groq',
		status: 400,
		body: oai('The model `mixtral-8x7b-32768` has been decommissioned and is no longer supported.', 'invalid_request_error', 'model_decommissioned'),
		kind: 'model_access',
	},
	{name: 'flex tier capacity (498)', provider: 'groq', status: 498, body: oai('Capacity exceeded for flex tier. Please try again later.', 'capacity_exceeded'), kind: 'overloaded'},
	{
		name: 'model not found',
		provider: 'groq',
		status: 404,
		body: oai('The model `llama-9` does not exist or you do not have access to it.', 'invalid_request_error', 'model_not_found'),
		kind: 'model_access',
	},
];
