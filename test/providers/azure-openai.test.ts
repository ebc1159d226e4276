import {describe, expect, it} from 'vitest';
import {azureOpenai} from '../../source/providers/azure-openai.js';
import {exchange, NOW} from './helpers.js';

describe('Azure OpenAI', () => {
	it('reads remaining requests and tokens (limit headers often absent)', () => {
		const {windows} = azureOpenai.decode(
			'headroom',
			exchange('azure_openai', {headers: {'x-ratelimit-remaining-requests': '119', 'x-ratelimit-remaining-tokens': '119990', 'apim-request-id': 'abc'}}),
			NOW,
		);
		expect(windows).toEqual([
			{id: 'requests', limitKind: 'requests', period: 'minute', remaining: 119, source: 'headers'},
			{id: 'tokens', limitKind: 'tokens', period: 'minute', remaining: 119_990, source: 'headers'},
		]);
	});

	it('treats the -1 sentinels and a 0 reset (Responses API) as unknown: no window at all', () => {
		const {windows} = azureOpenai.decode(
			'headroom',
			exchange('azure_openai', {headers: {'x-ratelimit-limit-tokens': '-1', 'x-ratelimit-remaining-tokens': '-1', 'x-ratelimit-reset-tokens': '0'}}),
			NOW,
		);
		expect(windows).toEqual([]);
	});

	it('reads whole-second resets', () => {
		const {windows} = azureOpenai.decode(
			'headroom',
			exchange('azure_openai', {headers: {'x-ratelimit-limit-tokens': '120000', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '12'}}),
			NOW,
		);
		expect(windows[0]).toMatchObject({limit: 120_000, remaining: 0, resetAt: NOW + 12_000});
	});
});
