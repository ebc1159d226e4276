import {describe, expect, it} from 'vitest';
import {anthropic, decodeAnthropicCostReport} from '../../source/providers/anthropic.js';
import {exchange, NOW} from './helpers.js';

const reset = '2025-08-21T12:40:59Z';
const resetAt = Date.UTC(2025, 7, 21, 12, 40, 59);

describe('Anthropic headers', () => {
	it('decodes all four per-minute buckets with RFC 3339 resets', () => {
		const headers: Record<string, string> = {'request-id': 'req_1', 'retry-after': '16'};
		const values = {requests: ['50', '49'], tokens: ['96000', '80000'], 'input-tokens': ['80000', '0'], 'output-tokens': ['16000', '16000']};
		for (const [bucket, [limit, remaining]] of Object.entries(values)) {
			headers[`anthropic-ratelimit-${bucket}-limit`] = limit as string;
			headers[`anthropic-ratelimit-${bucket}-remaining`] = remaining as string;
			headers[`anthropic-ratelimit-${bucket}-reset`] = reset;
		}
		const {windows} = anthropic.decode('headroom', exchange('anthropic', {headers}), NOW);
		expect(windows).toEqual([
			{id: 'requests', limitKind: 'requests', period: 'minute', limit: 50, remaining: 49, resetAt, source: 'headers'},
			{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: 96_000, remaining: 80_000, resetAt, source: 'headers'},
			{id: 'input_tokens', limitKind: 'input_tokens', period: 'minute', limit: 80_000, remaining: 0, resetAt, source: 'headers'},
			{id: 'output_tokens', limitKind: 'output_tokens', period: 'minute', limit: 16_000, remaining: 16_000, resetAt, source: 'headers'},
		]);
	});

	it('keeps a reset a second before now (Anthropic rounds to whole seconds)', () => {
		const {windows} = anthropic.decode(
			'headroom',
			exchange('anthropic', {headers: {'anthropic-ratelimit-requests-limit': '50', 'anthropic-ratelimit-requests-reset': '2025-08-21T12:39:59Z'}}),
			NOW,
		);
		expect(windows[0]?.resetAt).toBe(NOW - 1000);
	});

	it('drops impossible or malformed resets and values', () => {
		const {windows} = anthropic.decode(
			'headroom',
			exchange('anthropic', {
				headers: {
					'anthropic-ratelimit-requests-limit': '50',
					'anthropic-ratelimit-requests-remaining': 'lots',
					'anthropic-ratelimit-requests-reset': '2025-02-30T00:00:00Z',
					'anthropic-ratelimit-tokens-reset': '2025-08-21T12:40:59Z',
				},
			}),
			NOW,
		);
		expect(windows).toEqual([{id: 'requests', limitKind: 'requests', period: 'minute', limit: 50, source: 'headers'}]);
	});

	it('finds nothing in a 529 overloaded answer', () => {
		const body = {type: 'error', error: {type: 'overloaded_error', message: 'Overloaded'}};
		expect(anthropic.decode('headroom', exchange('anthropic', {status: 529, headers: {'x-should-retry': 'true'}, json: body}), NOW)).toEqual({windows: []});
	});
});

describe('Anthropic cost report', () => {
	it('sums cents into dollars', () => {
		const body = {
			data: [
				{starting_at: '2025-08-01T00:00:00Z', ending_at: '2025-08-02T00:00:00Z', results: [{currency: 'USD', amount: '123.45', description: null}]},
				{starting_at: '2025-08-02T00:00:00Z', ending_at: '2025-08-03T00:00:00Z', results: [{currency: 'USD', amount: '1000'}]},
			],
			has_more: false,
			next_page: null,
		};
		expect(anthropic.decode('spend', exchange('anthropic', {json: body}), NOW).credit).toEqual({used: 11.23, currency: 'USD', source: 'endpoint', label: 'spent this month'});
	});

	it.each([['{"type":"error","error":{"type":"permission_error"}}'], ['{"data":[{"results":"x"}]}'], ['<html>'], ['null']])('ignores wrong shapes: %j', text => {
		expect(decodeAnthropicCostReport(text)).toBeUndefined();
	});
});
