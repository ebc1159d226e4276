import {describe, expect, it} from 'vitest';
import {clientResponseHeaders, keyAuth, upstreamQuery, upstreamRequestHeaders} from '../../source/proxy/headers.js';
import type {KeyConfig, ProviderId} from '../../source/types.js';

const secret = 'sk-test-healthy-headers-0001';

function key(provider: ProviderId, baseUrl?: string): KeyConfig {
	return {name: provider, provider, secret: {type: 'env', name: 'X'}, ...(baseUrl ? {baseUrl} : {})};
}

describe('keyAuth', () => {
	it.each<[ProviderId, string | undefined, Record<string, string>]>([
		['openai', undefined, {authorization: `Bearer ${secret}`}],
		['groq', undefined, {authorization: `Bearer ${secret}`}],
		['anthropic', undefined, {'x-api-key': secret, 'anthropic-version': expect.any(String) as unknown as string}],
		['gemini', undefined, {'x-goog-api-key': secret}],
		['azure_openai', 'https://r.openai.azure.com', {'api-key': secret}],
		['openai_compatible', 'http://127.0.0.1:9/v1', {authorization: `Bearer ${secret}`}],
	])('takes %s auth from its adapter', (provider, baseUrl, expected) => {
		expect(keyAuth(key(provider, baseUrl), secret)?.headers).toEqual(expected);
	});

	it('has nothing when the adapter cannot build a request (Azure without an endpoint)', () => {
		expect(keyAuth(key('azure_openai'), secret)).toBeUndefined();
	});
});

describe('upstreamRequestHeaders', () => {
	const auth = {headers: {'x-api-key': secret, 'anthropic-version': '2023-06-01'}, query: {}};

	it('drops the client token, hop-by-hop headers and host, keeps the rest, adds the key', () => {
		const out = upstreamRequestHeaders(
			{
				host: '127.0.0.1:8787',
				authorization: 'Bearer kwp-token',
				'x-api-key': 'kwp-token',
				connection: 'keep-alive, x-private',
				'x-private': 'hop',
				'keep-alive': 'timeout=5',
				'transfer-encoding': 'chunked',
				expect: '100-continue',
				'content-type': 'application/json',
				'anthropic-beta': 'tools-2024',
				'user-agent': 'sdk/1',
			},
			auth,
		);
		expect(out).toEqual({
			'content-type': 'application/json',
			'anthropic-beta': 'tools-2024',
			'user-agent': 'sdk/1',
			'x-api-key': secret,
			'anthropic-version': '2023-06-01',
		});
	});

	it("keeps the client's anthropic-version", () => {
		expect(upstreamRequestHeaders({'anthropic-version': '2024-01-01'}, auth)['anthropic-version']).toBe('2024-01-01');
	});
});

describe('upstreamQuery', () => {
	it("leaves a query without a key untouched, byte for byte", () => {
		expect(upstreamQuery('?a=%20b&c', {headers: {}, query: {}})).toBe('?a=%20b&c');
	});

	it("removes the client's ?key= token and adds the key's query auth when the adapter uses one", () => {
		expect(upstreamQuery('?alt=sse&key=kwp-token', {headers: {'x-goog-api-key': secret}, query: {}})).toBe('?alt=sse');
		expect(upstreamQuery('?key=kwp-token', {headers: {}, query: {key: secret}})).toBe(`?key=${secret}`);
	});
});

describe('clientResponseHeaders', () => {
	it('drops hop-by-hop headers only', () => {
		expect(
			clientResponseHeaders({
				'content-type': 'text/event-stream',
				'transfer-encoding': 'chunked',
				connection: 'keep-alive',
				'keep-alive': 'timeout=5',
				'x-ratelimit-remaining-requests': '59',
				'set-cookie': ['a=1', 'b=2'],
			}),
		).toEqual({'content-type': 'text/event-stream', 'x-ratelimit-remaining-requests': '59', 'set-cookie': ['a=1', 'b=2']});
	});
});
