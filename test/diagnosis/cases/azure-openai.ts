import type {Case} from './case.js';

export const azureCases: Case[] = [
	{
		name: 'invalid key, code as a string "401"',
		provider: 'azure_openai',
		status: 401,
		headers: {'apim-request-id': 'b0c9e1d2-0000-1111-2222-333344445555'},
		body: {error: {code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.'}},
		kind: 'invalid_key',
		candidates: ['invalid_key', 'bad_request'],
	},
	{
		name: 'peak load is not your quota',
		provider: 'azure_openai',
		status: 429,
		body: {
			error: {
				code: '429',
				message:
					'The system is currently experiencing high demand and cannot process your request. Your request exceeds the maximum usage size allowed during peak load. Please retry after 20 seconds. For improved latency reliability, consider switching to Provisioned Throughput.',
			},
		},
		kind: 'overloaded',
		retryAfter: 20,
	},
	{
		name: 'deployment not found',
		provider: 'azure_openai',
		status: 404,
		body: {error: {code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.'}},
		kind: 'model_access',
	},
	{
		name: 'content filter with innererror',
		provider: 'azure_openai',
		status: 400,
		body: {
			error: {
				message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
				type: null,
				param: 'prompt',
				code: 'content_filter',
				status: 400,
				innererror: {code: 'ResponsibleAIPolicyViolation', content_filter_result: {hate: {filtered: true, severity: 'high'}}},
			},
		},
		kind: 'content_policy',
	},
	{
		name: 'call rate limit with a short wait',
		provider: 'azure_openai',
		status: 429,
		body: {error: {code: '429', message: 'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-02-01 have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after 2 seconds.'}},
		kind: 'rate_limited',
		limit: 'requests',
		retryAfter: 2,
	},
	{
		name: 'retry-after-ms header wins over the message',
		provider: 'azure_openai',
		status: 429,
		headers: {'retry-after-ms': '1500', 'retry-after': '2', 'x-ratelimit-remaining-tokens': '0'},
		body: {error: {code: '429', message: 'Rate limit is exceeded. Try again in 2 seconds.'}},
		kind: 'rate_limited',
		limit: 'tokens',
		retryAfter: 1.5,
	},
];
