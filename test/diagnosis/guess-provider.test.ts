import {describe, expect, it} from 'vitest';
import {guessProvider} from '../../source/diagnosis/guess-provider.js';

describe('guessProvider', () => {
	it.each([
		['anthropic-ratelimit-* headers', {'anthropic-ratelimit-requests-limit': '50'}, '{}', 'anthropic'],
		['request-id and an Anthropic body', {'request-id': 'req_1'}, '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', 'anthropic'],
		['Anthropic body alone', {}, '{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}', 'anthropic'],
		['google.rpc details', {}, '{"error":{"code":400,"message":"x","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}', 'gemini'],
		['Gemini streaming array', {}, '[{"error":{"code":429,"message":"x","status":"RESOURCE_EXHAUSTED"}}]', 'gemini'],
		['x-groq-region', {'x-groq-region': 'us-east-1'}, '{"error":{"message":"Invalid API Key"}}', 'groq'],
		['FastAPI detail: any FastAPI server sends it, so only a generic guess', {}, '{"detail":"Unauthorized"}', 'openai_compatible'],
		['FastAPI validation list', {}, '{"detail":[{"loc":["body","model"],"msg":"field required","type":"value_error.missing"}]}', 'openai_compatible'],
		['FastAPI detail with Mistral headers', {'x-ratelimit-remaining-tokens-month': '100'}, '{"detail":"Unauthorized"}', 'mistral'],
		['FastAPI detail naming Mistral', {}, '{"detail":"Invalid model for Mistral AI"}', 'mistral'],
		['an error object with only a message', {}, '{"error":{"message":"boom"}}', 'openai_compatible'],
		['a top-level message', {}, '{"message":"Internal error"}', 'openai_compatible'],
		['Mistral rate-limit headers', {'x-ratelimit-remaining-tokens-minute': '10'}, '', 'mistral'],
		['OpenRouter metadata', {}, '{"error":{"message":"Provider returned error","code":429,"metadata":{"provider_name":"Venice"}}}', 'openrouter'],
		['OpenRouter link in the message', {}, '{"error":{"message":"Insufficient credits. Add more using https://openrouter.ai/settings/credits","code":402}}', 'openrouter'],
		['apim-request-id', {'apim-request-id': 'x'}, '{"error":{"code":"401","message":"Access denied"}}', 'azure_openai'],
		['Azure wording', {}, '{"error":{"code":"429","message":"exceeded token rate limit of your current OpenAI S0 pricing tier. Please go here: https://aka.ms/oai/quotaincrease"}}', 'azure_openai'],
		['openai-* headers', {'openai-processing-ms': '5'}, '', 'openai'],
		['x-ratelimit-* with an OpenAI error object', {'x-ratelimit-remaining-requests': '0'}, '{"error":{"message":"slow","type":"requests"}}', 'openai'],
		['xAI console link in a bare string', {}, '"Incorrect API key provided: na***ys. You can obtain an API key from https://console.x.ai."', 'xai'],
		['DeepSeek wording', {}, '{"error":{"message":"Authentication Fails (no such user)","type":"authentication_error"}}', 'deepseek'],
		['Together link', {}, '{"error":{"message":"Credit limit exceeded. Please navigate to https://api.together.xyz/settings/billing","type":"credit_limit"}}', 'together'],
		['Groq console link', {}, 'Rate limit reached ... Visit https://console.groq.com/docs/rate-limits', 'groq'],
		['a plain OpenAI-shaped error from somewhere', {}, '{"error":{"message":"Invalid API key","type":"invalid_request_error"}}', 'openai_compatible'],
	] as const)('%s → %s', (_name, headers, body, provider) => {
		expect(guessProvider(headers, body)).toBe(provider);
	});

	it.each([
		['nothing', {}, ''],
		['plain text', {}, 'Internal Server Error'],
		['unrelated JSON', {}, '{"foo":1}'],
	] as const)('is undefined for %s', (_name, headers, body) => {
		expect(guessProvider(headers, body)).toBeUndefined();
	});

	it('reads header names case-insensitively', () => {
		expect(guessProvider({'X-Groq-Region': 'eu'}, '')).toBe('groq');
	});
});
