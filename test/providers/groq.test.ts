import {describe, expect, it} from 'vitest';
import {groq} from '../../source/providers/groq.js';
import {exchange, NOW} from './helpers.js';

describe('Groq', () => {
	it('reads requests as per DAY and tokens as per minute', () => {
		const {windows} = groq.decode(
			'headroom',
			exchange('groq', {
				headers: {
					'x-ratelimit-limit-requests': '14400',
					'x-ratelimit-limit-tokens': '18000',
					'x-ratelimit-remaining-requests': '14370',
					'x-ratelimit-remaining-tokens': '17997',
					'x-ratelimit-reset-requests': '2m59.56s',
					'x-ratelimit-reset-tokens': '7.66s',
				},
			}),
			NOW,
		);
		expect(windows).toEqual([
			{id: 'requests', limitKind: 'requests', period: 'day', limit: 14_400, remaining: 14_370, resetAt: NOW + 179_560, source: 'headers'},
			{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: 18_000, remaining: 17_997, resetAt: NOW + 7660, source: 'headers'},
		]);
	});

	it('reads the long durations seen in 429 messages as resets', () => {
		const {windows} = groq.decode(
			'headroom',
			exchange('groq', {status: 429, headers: {'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '9m38.016s', 'retry-after': '2'}}),
			NOW,
		);
		expect(windows).toEqual([{id: 'tokens', limitKind: 'tokens', period: 'minute', remaining: 0, resetAt: NOW + 578_016, source: 'headers'}]);
	});

	it('finds nothing on a 401 (no rate-limit headers)', () => {
		expect(groq.decode('validity', exchange('groq', {status: 401, headers: {'x-groq-region': 'us', 'x-request-id': 'req_01'}}), NOW).windows).toEqual([]);
	});
});
