import {describe, expect, it, vi} from 'vitest';
import {decodeOpenRouterCredits, decodeOpenRouterKey, openRouterCreditFlags, openRouterKeyFlags, openrouter} from '../../source/providers/openrouter.js';
import type {Credit} from '../../source/types.js';
import {exchange, NOW} from './helpers.js';

const keyInfo = {
	data: {
		label: 'sk-or-v1-au7...890',
		limit: 100,
		limit_remaining: 74.5,
		limit_reset: 'monthly',
		usage: 300,
		usage_daily: 1.5,
		usage_weekly: 8,
		usage_monthly: 25.5,
		byok_usage: 0,
		include_byok_in_limit: false,
		is_free_tier: false,
		is_management_key: false,
		is_provisioning_key: false,
		expires_at: null,
		rate_limit: {requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.'},
	},
};

describe('OpenRouter key info (GET /key)', () => {
	it('reads the key limit, what is left, this period’s usage and usage today, this week and this month', () => {
		expect(openrouter.decode('validity', exchange('openrouter', {json: keyInfo}), NOW)).toEqual({
			windows: [],
			credit: {
				limit: 100,
				remaining: 74.5,
				used: 25.5,
				currency: 'USD',
				source: 'endpoint',
				label: 'key limit (monthly)',
				scope: 'key',
				usage: {day: 1.5, week: 8, month: 25.5},
			},
		});
	});

	it('reads an unlimited key as usage only', () => {
		const unlimited = {data: {...keyInfo.data, limit: null, limit_remaining: null, limit_reset: null}};
		expect(decodeOpenRouterKey(JSON.stringify(unlimited))).toEqual({
			used: 300,
			currency: 'USD',
			source: 'endpoint',
			label: 'key usage (no limit)',
			scope: 'key',
			usage: {day: 1.5, week: 8, month: 25.5},
		});
		expect(openRouterKeyFlags(decodeOpenRouterKey(JSON.stringify(unlimited)))).toEqual([]);
	});

	it('reads an overdrawn key as nothing left, not a negative amount', () => {
		expect(decodeOpenRouterKey(JSON.stringify({data: {...keyInfo.data, limit_remaining: -2.5}}))?.remaining).toBe(0);
	});

	it('reads the older shape (no limit_remaining) by subtraction', () => {
		const old = {data: {label: 'x', usage: 12, limit: 20, is_free_tier: false, rate_limit: {requests: 50, interval: '10s'}}};
		expect(decodeOpenRouterKey(JSON.stringify(old))).toEqual({limit: 20, remaining: 8, used: 12, currency: 'USD', source: 'endpoint', label: 'key limit', scope: 'key'});
	});

	it.each([
		['nothing left', {limit_remaining: 0}, ['key_limit_reached']],
		['overdrawn', {limit_remaining: -2.5}, ['key_limit_reached']],
		['a cent left', {limit_remaining: 0.01}, []],
		['older shape, usage at the limit', {limit_remaining: undefined, limit_reset: null, usage: 100}, ['key_limit_reached']],
	])('flags a key at its own limit: %s', (_name, fields, flags) => {
		const body = {data: {...keyInfo.data, ...fields}};
		expect(openrouter.decode('validity', exchange('openrouter', {json: body}), NOW).flags ?? []).toEqual(flags);
	});

	it('flags nothing on traffic, which never carries key info', () => {
		expect(openrouter.decode('any', exchange('openrouter', {json: {data: {...keyInfo.data, limit_remaining: 0}}}), NOW).flags).toBeUndefined();
	});

	it.each([['{"error":{"message":"User not found.","code":401}}'], ['{"data":null}'], ['[1,2]'], ['oops']])('ignores wrong shapes: %j', text => {
		expect(decodeOpenRouterKey(text)).toBeUndefined();
	});

	it('never reads credit from an error answer', () => {
		expect(openrouter.decode('validity', exchange('openrouter', {status: 401, json: keyInfo}), NOW).credit).toBeUndefined();
	});
});

describe('OpenRouter credits (GET /credits)', () => {
	it('reads account credits as the account’s pool', () => {
		expect(openrouter.decode('balance', exchange('openrouter', {json: {data: {total_credits: 100.5, total_usage: 25.75}}}), NOW)).toEqual({
			windows: [],
			credit: {limit: 100.5, used: 25.75, remaining: 74.75, currency: 'USD', source: 'endpoint', label: 'account credits', scope: 'account'},
		});
	});

	it('flags an account whose usage has reached its credits', () => {
		expect(openRouterCreditFlags(decodeOpenRouterCredits('{"data":{"total_credits":10,"total_usage":10}}'))).toEqual(['balance_empty']);
		expect(openRouterCreditFlags(decodeOpenRouterCredits('{"data":{"total_credits":10,"total_usage":12.5}}'))).toEqual(['balance_empty']);
		expect(openRouterCreditFlags(decodeOpenRouterCredits('{"data":{"total_credits":10,"total_usage":9.99}}'))).toEqual([]);
		expect(openrouter.decode('balance', exchange('openrouter', {json: {data: {total_credits: 5, total_usage: 5}}}), NOW).flags).toEqual(['balance_empty']);
	});

	it('rejects non-numeric credit', () => {
		expect(decodeOpenRouterCredits('{"data":{"total_credits":"lots","total_usage":1}}')).toBeUndefined();
	});
});

describe('OpenRouter flags come from the decoded credit, not a second parse', () => {
	const credit = (fields: Partial<Credit>): Credit => ({currency: 'USD', source: 'endpoint', ...fields});

	it('reads key_limit_reached from a key credit with a limit and nothing left', () => {
		expect(openRouterKeyFlags(credit({limit: 100, remaining: 0}))).toEqual(['key_limit_reached']);
		expect(openRouterKeyFlags(credit({limit: 100, remaining: 0.01}))).toEqual([]);
		expect(openRouterKeyFlags(credit({remaining: 0, used: 300}))).toEqual([]);
		expect(openRouterKeyFlags(credit({limit: 100}))).toEqual([]);
		expect(openRouterKeyFlags(undefined)).toEqual([]);
	});

	it('reads balance_empty from account credits used up', () => {
		expect(openRouterCreditFlags(credit({limit: 10, used: 10, remaining: 0}))).toEqual(['balance_empty']);
		expect(openRouterCreditFlags(credit({limit: 10, used: 2}))).toEqual([]);
		expect(openRouterCreditFlags(undefined)).toEqual([]);
	});

	it('parses a key-info body no more often than without flags', () => {
		const parse = vi.spyOn(JSON, 'parse');
		try {
			const body = {data: {...keyInfo.data, limit_remaining: 0}};
			openrouter.decode('any', exchange('openrouter', {json: body}), NOW);
			const withoutFlags = parse.mock.calls.length;
			parse.mockClear();
			expect(openrouter.decode('validity', exchange('openrouter', {json: body}), NOW).flags).toEqual(['key_limit_reached']);
			expect(parse.mock.calls.length).toBe(withoutFlags);
			parse.mockClear();
			openrouter.decode('any', exchange('openrouter', {json: {data: {total_credits: 5, total_usage: 5}}}), NOW);
			const creditsWithoutFlags = parse.mock.calls.length;
			parse.mockClear();
			expect(openrouter.decode('balance', exchange('openrouter', {json: {data: {total_credits: 5, total_usage: 5}}}), NOW).flags).toEqual(['balance_empty']);
			expect(parse.mock.calls.length).toBeLessThanOrEqual(creditsWithoutFlags);
		} finally {
			parse.mockRestore();
		}
	});
});

describe('OpenRouter rate-limit headers', () => {
	it('reads X-RateLimit-* with an epoch-millisecond reset', () => {
		const reset = NOW + 30_000;
		const {windows} = openrouter.decode(
			'any',
			exchange('openrouter', {headers: {'x-ratelimit-limit': '20', 'x-ratelimit-remaining': '19', 'x-ratelimit-reset': String(reset)}}),
			NOW,
		);
		expect(windows).toEqual([{id: 'requests', limitKind: 'requests', period: 'minute', limit: 20, remaining: 19, resetAt: reset, source: 'headers'}]);
	});

	it('reads epoch seconds too, and calls a far reset a daily window', () => {
		const reset = NOW + 10 * 3_600_000;
		const {windows} = openrouter.decode('any', exchange('openrouter', {headers: {'x-ratelimit-limit': '50', 'x-ratelimit-reset': String(reset / 1000)}}), NOW);
		expect(windows[0]).toMatchObject({limit: 50, resetAt: reset, period: 'day'});
	});

	it('reads limits carried inside a 429 body (free-models-per-day)', () => {
		const reset = NOW + 5 * 3_600_000;
		const body = {
			error: {
				message: 'Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day',
				code: 429,
				metadata: {headers: {'X-RateLimit-Limit': '50', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset)}},
			},
		};
		const {windows} = openrouter.decode('any', exchange('openrouter', {status: 429, json: body}), NOW);
		expect(windows).toEqual([{id: 'requests', limitKind: 'requests', period: 'day', limit: 50, remaining: 0, resetAt: reset, source: 'body'}]);
	});

	it('does not take upstream throttling for the key’s own limit', () => {
		const body = {
			error: {
				message: 'Provider returned error',
				code: 429,
				metadata: {raw: 'rate-limited upstream', provider_name: 'Venice', is_byok: false, retry_after_seconds: 17, headers: {'Retry-After': '17', 'X-RateLimit-Limit': '10'}},
			},
		};
		expect(openrouter.decode('any', exchange('openrouter', {status: 429, json: body}), NOW).windows).toEqual([]);
	});

	it('rejects resets that look like a unit mix-up', () => {
		const {windows} = openrouter.decode('any', exchange('openrouter', {headers: {'x-ratelimit-limit': '20', 'x-ratelimit-reset': String((NOW + 30_000) * 1000)}}), NOW);
		expect(windows).toEqual([{id: 'requests', limitKind: 'requests', period: 'unknown', limit: 20, source: 'headers'}]);
	});
});
