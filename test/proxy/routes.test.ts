import {describe, expect, it} from 'vitest';
import {matchRoute, proxyBasePath, upstreamUrl} from '../../source/proxy/routes.js';
import type {ProviderId} from '../../source/types.js';

describe('matchRoute', () => {
	it.each([
		['/openai/v1/chat/completions', 'openai', '/v1/chat/completions', ''],
		['/anthropic/v1/messages?beta=true', 'anthropic', '/v1/messages', '?beta=true'],
		['/gemini/v1beta/models/gemini-2.0-flash:generateContent?alt=sse', 'gemini', '/v1beta/models/gemini-2.0-flash:generateContent', '?alt=sse'],
		['/azure/openai/deployments/gpt/chat/completions?api-version=2024-10-21', 'azure_openai', '/openai/deployments/gpt/chat/completions', '?api-version=2024-10-21'],
		['/compat/v1/models', 'openai_compatible', '/v1/models', ''],
		['/deepseek', 'deepseek', '', ''],
	])('%s → %s %s %s', (url, provider, path, query) => {
		expect(matchRoute(url)).toEqual({provider, path, query});
	});

	it.each(['/', '/nope/v1/models', 'openai/v1/models', '/openai/v1/../../admin', '/openai/v1/%2e%2e/x', '/openai/./v1'])('refuses %s', url => {
		expect(matchRoute(url)).toBeUndefined();
	});
});

describe('upstreamUrl', () => {
	const cases: Array<[string, string, string]> = [
		// client URL, key base URL, upstream URL
		['/openai/v1/chat/completions', 'https://api.openai.com/v1', 'https://api.openai.com/v1/chat/completions'],
		['/openai/v1/chat/completions', 'http://127.0.0.1:9/openai/v1/', 'http://127.0.0.1:9/openai/v1/chat/completions'],
		['/anthropic/v1/messages', 'https://api.anthropic.com', 'https://api.anthropic.com/v1/messages'],
		['/anthropic/v1/messages', 'http://127.0.0.1:9/anthropic', 'http://127.0.0.1:9/anthropic/v1/messages'],
		['/gemini/v1beta/models?pageSize=1', 'https://generativelanguage.googleapis.com/v1beta', 'https://generativelanguage.googleapis.com/v1beta/models?pageSize=1'],
		// A client on another API version replaces the base's version segment.
		['/gemini/v1/models', 'https://generativelanguage.googleapis.com/v1beta', 'https://generativelanguage.googleapis.com/v1/models'],
		['/openrouter/api/v1/key', 'https://openrouter.ai/api/v1', 'https://openrouter.ai/api/v1/key'],
		['/groq/openai/v1/models', 'https://api.groq.com/openai/v1', 'https://api.groq.com/openai/v1/models'],
		['/deepseek/user/balance', 'https://api.deepseek.com', 'https://api.deepseek.com/user/balance'],
		['/azure/openai/deployments/d/chat/completions?api-version=1', 'https://r.openai.azure.com/openai', 'https://r.openai.azure.com/openai/deployments/d/chat/completions?api-version=1'],
		['/compat/v1/models', 'http://localhost:11434/v1', 'http://localhost:11434/v1/models'],
	];
	it.each(cases)('%s onto %s', (client, base, expected) => {
		const route = matchRoute(client);
		expect(route).toBeDefined();
		expect(upstreamUrl(route!, base)).toBe(expected);
	});

	it('gives every provider a base path that routes back to it', () => {
		const providers: ProviderId[] = ['openai', 'anthropic', 'gemini', 'openrouter', 'groq', 'mistral', 'deepseek', 'xai', 'azure_openai', 'together', 'openai_compatible'];
		for (const provider of providers) expect(matchRoute(`${proxyBasePath(provider)}/models`)?.provider).toBe(provider);
		expect(proxyBasePath('openai')).toBe('/openai/v1');
		expect(proxyBasePath('anthropic')).toBe('/anthropic');
	});
});
