import {describe, expect, it} from 'vitest';
import {decodeOpenAiCosts, openai} from '../../source/providers/openai.js';
import {openAiStyleWindows} from '../../source/providers/openai-style.js';
import {exchange, NOW} from './helpers.js';

describe('OpenAI headers', () => {
	it('decodes the documented sample (requests/tokens per minute, Go-duration resets)', () => {
		const {windows} = openai.decode(
			'headroom',
			exchange('openai', {
				headers: {
					'x-ratelimit-limit-requests': '60',
					'x-ratelimit-limit-tokens': '150000',
					'x-ratelimit-remaining-requests': '59',
					'x-ratelimit-remaining-tokens': '149984',
					'x-ratelimit-reset-requests': '1s',
					'x-ratelimit-reset-tokens': '6m0s',
				},
			}),
			NOW,
		);
		expect(windows).toEqual([
			{id: 'requests', limitKind: 'requests', period: 'minute', limit: 60, remaining: 59, resetAt: NOW + 1000, source: 'headers'},
			{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: 150_000, remaining: 149_984, resetAt: NOW + 360_000, source: 'headers'},
		]);
	});

	it('decodes a tier-1 sample with millisecond resets and the tokens_usage_based family', () => {
		const windows = openAiStyleWindows(
			{
				'x-ratelimit-limit-requests': '500',
				'x-ratelimit-remaining-requests': '499',
				'x-ratelimit-reset-requests': '120ms',
				'x-ratelimit-limit-tokens': '30000',
				'x-ratelimit-remaining-tokens': '29990',
				'x-ratelimit-reset-tokens': '8ms',
				'x-ratelimit-limit-tokens_usage_based': '30000',
				'x-ratelimit-remaining-tokens_usage_based': '29990',
				'x-ratelimit-reset-tokens_usage_based': '9ms',
			},
			NOW,
			{requests: 'minute', tokens: 'minute'},
		);
		expect(windows.map(w => [w.id, w.resetAt! - NOW])).toEqual([
			['requests', 120],
			['tokens', 8],
			['tokens_usage_based', 9],
		]);
	});

	it('treats missing headers as no windows, never zero', () => {
		expect(openai.decode('headroom', exchange('openai', {headers: {'x-request-id': 'req_1'}}), NOW).windows).toEqual([]);
		expect(openai.decode('any', exchange('openai', {status: null, network: {kind: 'timeout', message: 't'}}), NOW).windows).toEqual([]);
	});

	it('keeps valid fields and drops malformed ones', () => {
		const {windows} = openai.decode(
			'headroom',
			exchange('openai', {
				headers: {
					'x-ratelimit-limit-requests': 'abc',
					'x-ratelimit-remaining-requests': '12',
					'x-ratelimit-reset-requests': 'soon',
					'x-ratelimit-limit-tokens': '1e309',
					'x-ratelimit-remaining-tokens': '-5',
					'x-ratelimit-reset-tokens': '6m0s',
				},
			}),
			NOW,
		);
		expect(windows).toEqual([{id: 'requests', limitKind: 'requests', period: 'minute', remaining: 12, source: 'headers'}]);
		for (const window of windows) for (const value of Object.values(window)) expect(Number.isNaN(value)).toBe(false);
	});

	it('reads repeated headers (arrays) conservatively', () => {
		const {windows} = openai.decode(
			'headroom',
			exchange('openai', {headers: {'x-ratelimit-limit-requests': ['60', '60'], 'x-ratelimit-remaining-requests': ['59', '58'], 'x-ratelimit-reset-requests': ['1s', '2s']}}),
			NOW,
		);
		expect(windows[0]).toMatchObject({limit: 60, remaining: 58, resetAt: NOW + 2000});
	});
});

describe('OpenAI spend (organization costs)', () => {
	const body = {
		object: 'page',
		data: [
			{object: 'bucket', start_time: 1, end_time: 2, results: [{object: 'organization.costs.result', amount: {value: 0.06, currency: 'usd'}, line_item: null, project_id: null}]},
			{object: 'bucket', start_time: 2, end_time: 3, results: [{amount: {value: 12.5, currency: 'usd'}}, {amount: {value: '1.44', currency: 'usd'}}]},
			{object: 'bucket', start_time: 3, end_time: 4, results: []},
		],
		has_more: false,
		next_page: null,
	};

	it('sums this month’s buckets', () => {
		expect(openai.decode('spend', exchange('openai', {json: body}), NOW).credit).toEqual({used: 14, currency: 'USD', source: 'endpoint', label: 'spent this month'});
	});

	it('reads an empty month as zero spend', () => {
		expect(decodeOpenAiCosts(JSON.stringify({object: 'page', data: [], has_more: false}))?.used).toBe(0);
	});

	it.each([['not json'], ['{"error":{"message":"nope"}}'], ['{"data":"x"}'], ['[]'], ['']])('ignores wrong shapes: %j', text => {
		expect(decodeOpenAiCosts(text)).toBeUndefined();
	});

	it('does not read an error answer as spend', () => {
		expect(openai.decode('spend', exchange('openai', {status: 401, json: body}), NOW).credit).toBeUndefined();
	});

	it('skips non-numeric amounts', () => {
		const odd = {data: [{results: [{amount: {value: 'NaN'}}, {amount: {value: -3}}, {amount: null}, {amount: {value: 2}}]}]};
		expect(decodeOpenAiCosts(JSON.stringify(odd))?.used).toBe(2);
	});
});
