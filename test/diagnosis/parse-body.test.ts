import {describe, expect, it} from 'vitest';
import {parseBody} from '../../source/diagnosis/parse-body.js';
import {nestingDepth, parseJson} from '../../source/util/safe-json.js';

describe('parseBody finds the error wherever it is', () => {
	it.each([
		['OpenAI object', '{"error":{"message":"m","type":"t","param":null,"code":"c"}}', {message: 'm', type: 't', code: 'c'}, 'error_object'],
		['Anthropic', '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}', {message: 'Overloaded', type: 'overloaded_error', requestId: 'req_1'}, 'anthropic'],
		['FastAPI detail', '{"detail":"Unauthorized"}', {message: 'Unauthorized'}, 'fastapi_detail'],
		['bare JSON string', '"Incorrect API key provided: na***ys."', {message: 'Incorrect API key provided: na***ys.'}, 'bare_string'],
		['flat xAI error', '{"code":"The caller does not have permission","error":"No credits"}', {message: 'No credits', code: 'The caller does not have permission'}, 'flat_error'],
		['top-level message', '{"message":"Unauthorized","request_id":"abc"}', {message: 'Unauthorized', requestId: 'abc'}, 'top_level_message'],
		['Gemini array', '[{"error":{"code":429,"message":"m","status":"RESOURCE_EXHAUSTED"}}]', {message: 'm', code: '429', numericCode: 429, googleStatus: 'RESOURCE_EXHAUSTED'}, 'array'],
	] as const)('%s', (_name, raw, fields, tag) => {
		const body = parseBody(raw);
		expect(body.form).toBe('json');
		expect(body.tags).toContain(tag);
		expect(body.hasError).toBe(true);
		expect(body.error).toMatchObject(fields);
	});

	it('takes the inner error of a doubly nested OpenRouter error, the outer one filling gaps', () => {
		const body = parseBody(JSON.stringify({error: {error: {message: 'inner', code: 402}, code: 402, metadata: {provider_name: 'X'}}}));
		expect(body.tags).toContain('nested_error');
		expect(body.error).toMatchObject({message: 'inner', code: '402', numericCode: 402, metadata: {provider_name: 'X'}});
	});

	it('reads numeric and string codes alike', () => {
		expect(parseBody('{"error":{"code":401,"message":"x"}}').error).toMatchObject({code: '401', numericCode: 401});
		expect(parseBody('{"error":{"code":"401","message":"x"}}').error).toMatchObject({code: '401', numericCode: 401});
		expect(parseBody('{"error":{"code":"Unauthorized","message":"x"}}').error.numericCode).toBeUndefined();
	});

	it('unwraps an error serialised into another error message', () => {
		const inner = JSON.stringify({error: {code: 429, message: 'real', status: 'RESOURCE_EXHAUSTED', details: [{'@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '26s'}]}});
		const body = parseBody(JSON.stringify({error: {message: inner, code: 429, status: 'Too Many Requests'}}));
		expect(body.tags).toContain('rewrapped');
		expect(body.error).toMatchObject({message: 'real', googleStatus: 'RESOURCE_EXHAUSTED', retryDelaySeconds: 26});
	});

	it('finds the JSON error inside a log line', () => {
		const body = parseBody('Error: 401 {"error":{"message":"Invalid API Key","type":"invalid_request_error","code":"invalid_api_key"}}');
		expect(body.error).toMatchObject({message: 'Invalid API Key', code: 'invalid_api_key'});
	});

	it('reads Google details: ErrorInfo, QuotaFailure, RetryInfo as text or {seconds, nanos}', () => {
		const body = parseBody(
			JSON.stringify({
				error: {
					code: 429,
					message: 'q',
					status: 'RESOURCE_EXHAUSTED',
					details: [
						{'@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com'},
						{'@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{quotaId: 'PerDay', quotaMetric: 'm', quotaValue: '50'}, {subject: 'legacy', description: 'd'}]},
						{'@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: {seconds: 3, nanos: 500_000_000}},
					],
				},
			}),
		);
		expect(body.error.reasons).toEqual(['RATE_LIMIT_EXCEEDED']);
		expect(body.error.violations).toEqual([
			{quotaId: 'PerDay', quotaMetric: 'm', quotaValue: '50'},
			{quotaId: 'legacy', quotaMetric: 'd', quotaValue: undefined},
		]);
		expect(body.error.retryDelaySeconds).toBe(3.5);
	});

	it('reads FastAPI validation lists', () => {
		const body = parseBody('{"detail":[{"loc":["body","model"],"msg":"Field required","type":"missing"}]}');
		expect(body.error).toMatchObject({message: 'Field required', type: 'validation_error'});
	});

	it('salvages fields from truncated JSON', () => {
		const body = parseBody('{"error": {"message": "Incorrect \\"API\\" key", "code": "invalid_api_key", "type": "invalid_requ');
		expect(body.form).toBe('truncated_json');
		expect(body.error).toMatchObject({message: 'Incorrect "API" key', code: 'invalid_api_key'});
	});

	it('reads the title of an HTML page', () => {
		const body = parseBody('<!DOCTYPE html><html><head><title> 502 Bad Gateway </title><style>x{}</style></head><body><h1>Bad</h1></body></html>');
		expect(body.form).toBe('html');
		expect(body.title).toBe('502 Bad Gateway');
		expect(body.text).toContain('Bad');
		expect(body.text).not.toContain('x{}');
	});

	it.each([
		['empty', '', 'empty'],
		['whitespace', '  \n ', 'empty'],
		['plain text', 'upstream connect error', 'text'],
		['text that starts like a number', '404 page not found', 'text'],
		['JSON null', 'null', 'json'],
		['JSON number', '42', 'json'],
	] as const)('%s is %s', (_name, raw, form) => {
		const body = parseBody(raw);
		expect(body.form).toBe(form);
		expect(body.hasError).toBe(false);
	});

	it('marks a successful answer as no error', () => {
		expect(parseBody('{"object":"list","data":[{"id":"gpt-4o"}]}').hasError).toBe(false);
		expect(parseBody('{"id":"x","choices":[],"message":"hi"}').hasError).toBe(false);
	});

	it('refuses to parse JSON nested deeper than the guard', () => {
		const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
		expect(parseBody(deep).form).toBe('too_deep');
		expect(parseJson(deep)).toEqual({ok: false, reason: 'too_deep'});
	});

	it('counts depth outside strings only, and stops early', () => {
		expect(nestingDepth('{"a":"[[[[[[[[{{{{"}')).toBe(1);
		expect(nestingDepth('{"a":"\\"[[[["}')).toBe(1);
		expect(nestingDepth('[[[]]]')).toBe(3);
		expect(nestingDepth('['.repeat(10_000), 5)).toBe(6);
	});
});
