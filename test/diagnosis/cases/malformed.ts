// Bodies and headers that are broken, hostile or empty. None may throw; none may be a confident guess.
import {type Case, oai} from './case.js';

export const malformedCases: Case[] = [
	{
		name: 'truncated JSON still names the code',
		provider: 'openai',
		status: 401,
		body: '{"error": {"message": "Incorrect API key provided: sk-abc***wxyz.", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"',
		kind: 'invalid_key',
	},
	{name: 'truncated JSON mid-message on a 429', provider: 'openai', status: 429, body: '{"error": {"message": "Rate limit reached for gpt-4o in organization org-x on tokens per min', kind: 'rate_limited'},
	{name: 'JSON null body on a 401', provider: 'openai', status: 401, body: 'null', kind: 'invalid_key'},
	{name: 'JSON null body on a 200 is not "key works"', provider: 'openai', status: 200, body: 'null', kind: 'unknown'},
	{name: 'empty body on a 500', provider: 'anthropic', status: 500, body: '', kind: 'outage'},
	{name: 'no status and no body', provider: 'openai', status: null, body: '', kind: 'unknown'},
	{name: 'numeric code as a string with no status', provider: 'azure_openai', status: null, body: {error: {code: '429', message: 'Too many requests, try again later'}}, kind: 'rate_limited'},
	// A 400 says "malformed request" only with words or a type that say so; a shape nobody reads is unknown
	// (some providers answer 400 for a bad key or no credit).
	{name: 'numbers where strings belong', provider: 'openai', status: 400, body: {error: {message: 42, type: 7, code: {nested: true}}}, kind: 'unknown', candidates: ['bad_request', 'invalid_key', 'quota_exhausted']},
	{name: 'error is an array', provider: 'openai', status: 400, body: {error: ['a', 'b']}, kind: 'unknown', candidates: ['bad_request', 'invalid_key', 'quota_exhausted']},
	{name: 'detail is a number', provider: 'mistral', status: 500, body: {detail: 500}, kind: 'outage'},
	{
		name: 'doubly encoded JSON string',
		provider: 'openai',
		status: 429,
		body: JSON.stringify(JSON.stringify(oai('You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota', 'insufficient_quota'))),
		kind: 'quota_exhausted',
	},
	{
		name: 'deeply nested JSON is not parsed (and does not overflow the stack)',
		provider: 'openai',
		status: 500,
		body: `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
		kind: 'outage',
	},
	{name: 'deeply nested JSON with no status', provider: 'openai', status: null, body: `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, kind: 'unknown'},
	{name: 'deeply nested JSON on a 200 is not "key works"', provider: 'openai', status: 200, body: '['.repeat(100_000), kind: 'unknown'},
	{name: 'HTML-free plain text on a 200 is not "key works"', provider: 'anthropic', status: 200, body: 'Service temporarily unavailable', kind: 'unknown'},
	{name: 'an error field with nothing readable on a 200 is not a refusal', provider: 'openai', status: 200, body: {object: 'list', data: 'x', error: {message: 7, type: []}}, kind: 'unknown', clears: 'by_itself'},
	{name: 'a readable error on a 200 is still read', provider: 'openai', status: 200, body: oai('Incorrect API key provided: sk-test…abcd.', 'invalid_request_error', 'invalid_api_key'), kind: 'invalid_key'},
	{name: 'a JSON object on a 200 is "key works"', provider: 'anthropic', status: 200, body: '{"data":[]}', kind: 'ok'},
	{name: 'header of 8 KB and garbage retry-after', provider: 'openai', status: 429, headers: {'x-junk': 'x'.repeat(8192), 'retry-after': 'soon'}, body: '', kind: 'unknown'},
	{name: 'negative retry-after is ignored', provider: 'openai', status: 503, headers: {'retry-after': '-5'}, body: '', kind: 'outage|overloaded'},
	{
		name: 'retry-after as an HTTP date',
		provider: 'openai',
		status: 429,
		headers: {'retry-after': 'Tue, 24 Nov 2026 12:00:30 GMT'},
		body: '',
		kind: 'rate_limited',
		retryAfter: 30,
	},
	{name: 'repeated retry-after headers', provider: 'openai', status: 429, headers: {'retry-after': ['5', '10']}, body: '', kind: 'rate_limited', retryAfter: 10},
	{name: 'undefined header values', provider: 'openai', status: 401, headers: {'x-request-id': undefined, 'retry-after': undefined}, body: oai('Invalid Authentication'), kind: 'invalid_key'},
	{name: 'a 301 redirect', provider: 'openai', status: 301, headers: {location: 'https://api.openai.com/v1/models'}, body: '', kind: 'bad_request', candidates: ['bad_request', 'network']},
	{name: 'a 1xx status', provider: 'openai', status: 103, body: '', kind: 'unknown'},
	{name: 'unknown JSON shape on a 400', provider: 'openai', status: 400, body: {foo: 'bar'}, kind: 'unknown', candidates: ['bad_request', 'invalid_key', 'quota_exhausted'], says: [/Read the status and the provider message/]},
	{name: 'unknown JSON shape with no status', provider: 'openai', status: null, body: {foo: 'bar'}, kind: 'unknown'},
	{name: 'a bare 402', provider: 'openai_compatible', status: 402, body: '', kind: 'quota_exhausted|billing'},
];

export const pastedCases: Case[] = [
	{name: 'Mistral "401 status code (no body)" pasted with no status', provider: 'mistral', status: null, body: '401 status code (no body)', kind: 'invalid_key|quota_exhausted'},
	{
		name: 'Python repr line "Error code: 429 - {...}"',
		provider: 'openai',
		status: null,
		body: "Error code: 429 - {'error': {'message': 'You exceeded your current quota', 'type': 'insufficient_quota'}}",
		kind: 'quota_exhausted',
	},
	{name: 'HTTP 503 in a log line', provider: 'anthropic', status: null, body: 'HTTP 503: upstream unavailable', kind: 'outage|overloaded'},
	{name: 'a number that is not a status', provider: 'openai', status: null, body: 'Used 429 tokens', kind: 'unknown'},
	{name: 'status line alone, no status given', provider: 'openai_compatible', status: null, body: '429 Too Many Requests', kind: 'unknown', candidates: ['rate_limited', 'quota_exhausted']},
];
