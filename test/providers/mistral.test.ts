import {describe, expect, it} from 'vitest';
import {mistral} from '../../source/providers/mistral.js';
import {exchange, NOW} from './helpers.js';

describe('Mistral', () => {
	it('reads the captured per-minute headers (mistralai/client-ts#169)', () => {
		const {windows, credit} = mistral.decode(
			'headroom',
			exchange('mistral', {
				headers: {
					'x-ratelimit-limit-tokens-minute': '5000000',
					'x-ratelimit-remaining-tokens-minute': '4999911',
					'x-ratelimit-tokens-query-cost': '52',
					'x-ratelimit-limit-req-minute': '720',
					'x-ratelimit-remaining-req-minute': '717',
				},
			}),
			NOW,
		);
		expect(windows).toEqual([
			{id: 'req-minute', limitKind: 'requests', period: 'minute', limit: 720, remaining: 717, source: 'headers'},
			{id: 'tokens-minute', limitKind: 'tokens', period: 'minute', limit: 5_000_000, remaining: 4_999_911, source: 'headers'},
		]);
		expect(credit).toBeUndefined();
	});

	it('reads the monthly token quota as a window and as credit in tokens', () => {
		const {windows, credit} = mistral.decode(
			'headroom',
			exchange('mistral', {
				headers: {'x-ratelimit-limit-tokens-month': '1000000000', 'x-ratelimit-remaining-tokens-month': '870000000', 'x-ratelimit-reset-tokens-minute': '42'},
			}),
			NOW,
		);
		expect(windows).toEqual([{id: 'tokens-month', limitKind: 'tokens', period: 'month', limit: 1_000_000_000, remaining: 870_000_000, source: 'headers'}]);
		expect(credit).toEqual({limit: 1_000_000_000, remaining: 870_000_000, used: 130_000_000, currency: 'tokens', source: 'headers', label: 'monthly tokens'});
	});

	it('reads an exhausted month as zero remaining', () => {
		const {credit} = mistral.decode('headroom', exchange('mistral', {status: 429, headers: {'x-ratelimit-remaining-tokens-month': '0'}}), NOW);
		expect(credit).toEqual({remaining: 0, currency: 'tokens', source: 'headers', label: 'monthly tokens'});
	});

	it('reads relative-second resets where present', () => {
		const {windows} = mistral.decode(
			'headroom',
			exchange('mistral', {headers: {'x-ratelimit-limit-req-minute': '720', 'x-ratelimit-reset-req-minute': '42'}}),
			NOW,
		);
		expect(windows[0]?.resetAt).toBe(NOW + 42_000);
	});

	it('finds nothing in a 401 {"detail":"Unauthorized"}', () => {
		expect(mistral.decode('validity', exchange('mistral', {status: 401, json: {detail: 'Unauthorized'}}), NOW)).toEqual({windows: []});
	});
});
