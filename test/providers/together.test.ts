import {describe, expect, it} from 'vitest';
import {together} from '../../source/providers/together.js';
import {exchange, NOW} from './helpers.js';

describe('Together', () => {
	it('reads the bare x-ratelimit-* and x-tokenlimit-* family with its window left unknown', () => {
		const {windows} = together.decode(
			'headroom',
			exchange('together', {
				headers: {'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': '1', 'x-tokenlimit-limit': '200000', 'x-tokenlimit-remaining': '199990'},
			}),
			NOW,
		);
		expect(windows).toEqual([
			{id: 'requests-dynamic', limitKind: 'requests', period: 'unknown', limit: 10, remaining: 9, resetAt: NOW + 1000, source: 'headers'},
			{id: 'tokens-dynamic', limitKind: 'tokens', period: 'unknown', limit: 200_000, remaining: 199_990, source: 'headers'},
		]);
	});

	it('reads OpenAI-style names as per-minute windows', () => {
		const {windows} = together.decode(
			'headroom',
			exchange('together', {headers: {'x-ratelimit-limit-requests': '600', 'x-ratelimit-remaining-requests': '599', 'x-ratelimit-reset-requests': '100ms'}}),
			NOW,
		);
		expect(windows).toEqual([{id: 'requests', limitKind: 'requests', period: 'minute', limit: 600, remaining: 599, resetAt: NOW + 100, source: 'headers'}]);
	});

	it('accepts an epoch reset and rejects nonsense', () => {
		const epoch = together.decode('any', exchange('together', {headers: {'x-ratelimit-limit': '10', 'x-ratelimit-reset': String((NOW + 60_000) / 1000)}}), NOW);
		expect(epoch.windows[0]?.resetAt).toBe(NOW + 60_000);
		const junk = together.decode('any', exchange('together', {headers: {'x-ratelimit-limit': '10', 'x-ratelimit-reset': 'later'}}), NOW);
		expect(junk.windows[0]?.resetAt).toBeUndefined();
	});
});
