import {describe, expect, it} from 'vitest';
import {gemini} from '../../source/providers/gemini.js';
import {nextMidnight} from '../../source/util/next-midnight.js';
import {exchange, NOW} from './helpers.js';

const quotaFailure = {
	error: {
		code: 429,
		message: 'You exceeded your current quota, please check your plan and billing details.',
		status: 'RESOURCE_EXHAUSTED',
		details: [
			{
				'@type': 'type.googleapis.com/google.rpc.QuotaFailure',
				violations: [
					{
						quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_input_token_count',
						quotaId: 'GenerateContentInputTokensPerModelPerMinute-FreeTier',
						quotaDimensions: {location: 'global', model: 'gemini-2.5-flash'},
						quotaValue: '250000',
					},
					{
						quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
						quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
						quotaDimensions: {location: 'global', model: 'gemini-2.5-flash'},
						quotaValue: '250',
					},
					{quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests', quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier'},
				],
			},
			{'@type': 'type.googleapis.com/google.rpc.Help', links: [{url: 'https://ai.google.dev/gemini-api/docs/rate-limits'}]},
			{'@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '26s'},
		],
	},
};

describe('Gemini', () => {
	it('sends no rate-limit headers, so a 200 decodes to nothing', () => {
		expect(gemini.decode('headroom', exchange('gemini', {json: {candidates: []}}), NOW)).toEqual({windows: []});
	});

	it('turns QuotaFailure violations with a quotaValue into exhausted windows from the body', () => {
		const {windows} = gemini.decode('headroom', exchange('gemini', {status: 429, json: quotaFailure}), NOW);
		expect(windows).toEqual([
			{
				id: 'GenerateContentInputTokensPerModelPerMinute-FreeTier:gemini-2.5-flash',
				limitKind: 'input_tokens',
				period: 'minute',
				limit: 250_000,
				remaining: 0,
				resetAt: NOW + 26_000,
				source: 'body',
			},
			{
				id: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier:gemini-2.5-flash',
				limitKind: 'requests',
				period: 'day',
				limit: 250,
				remaining: 0,
				resetAt: nextMidnight(NOW),
				source: 'body',
			},
		]);
	});

	it('unwraps the array around streaming errors and SDK re-wraps', () => {
		expect(gemini.decode('any', exchange('gemini', {status: 429, json: [quotaFailure]}), NOW).windows).toHaveLength(2);
		const rewrapped = {error: {message: JSON.stringify(quotaFailure), code: 429, status: 'Too Many Requests'}};
		expect(gemini.decode('any', exchange('gemini', {status: 429, json: rewrapped}), NOW).windows).toHaveLength(2);
	});

	it('reads a real 429 (RooCodeInc/Roo-Code#3883, quotaValue as a string, retryDelay "26s")', () => {
		const real = {
			error: {
				code: 429,
				message: 'You exceeded your current quota, please check your plan and billing details.',
				status: 'RESOURCE_EXHAUSTED',
				details: [
					{
						'@type': 'type.googleapis.com/google.rpc.QuotaFailure',
						violations: [
							{
								quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_input_token_count',
								quotaId: 'GenerateContentInputTokensPerModelPerMinute-FreeTier',
								quotaDimensions: {location: 'global', model: 'gemini-2.5-flash'},
								quotaValue: '250000',
							},
						],
					},
					{'@type': 'type.googleapis.com/google.rpc.Help', links: [{description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits'}]},
					{'@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '26s'},
				],
			},
		};
		const {windows} = gemini.decode('headroom', exchange('gemini', {status: 429, json: real}), NOW);
		expect(windows).toHaveLength(1);
		expect(windows[0]).toMatchObject({limitKind: 'input_tokens', period: 'minute', limit: 250_000, remaining: 0, resetAt: NOW + 26_000});
	});

	it.each([
		['terse 429 without details', {error: {code: 429, message: 'Resource has been exhausted (e.g. check quota).', status: 'RESOURCE_EXHAUSTED'}}],
		['bad key', {error: {code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT', details: [{'@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID'}]}}],
		['quotaValue garbage', {error: {details: [{'@type': 'google.rpc.QuotaFailure', violations: [{quotaId: 'XPerDay', quotaValue: '-1'}, {quotaId: 'Y', quotaValue: 'lots'}]}]}}],
		['violations not an array', {error: {details: [{'@type': 'google.rpc.QuotaFailure', violations: 'x'}]}}],
		['string body', 'Too many requests'],
	])('finds nothing in: %s', (_name, json) => {
		expect(gemini.decode('any', exchange('gemini', {status: 429, json}), NOW).windows).toEqual([]);
	});

	it('computes the next midnight in Pacific time across DST', () => {
		// 2025-08-21 12:40 UTC is 05:40 PDT; next midnight PDT is 07:00 UTC the next day.
		expect(nextMidnight(NOW)).toBe(Date.UTC(2025, 7, 22, 7, 0, 0));
		// 2025-11-02 06:30 UTC is 23:30 PDT on Nov 1; midnight Nov 2 is still PDT (DST ends at 2am): 07:00 UTC.
		expect(nextMidnight(Date.UTC(2025, 10, 2, 6, 30))).toBe(Date.UTC(2025, 10, 2, 7, 0));
		// 2025-11-02 12:00 UTC is 04:00 PST; next midnight is 08:00 UTC on Nov 3.
		expect(nextMidnight(Date.UTC(2025, 10, 2, 12, 0))).toBe(Date.UTC(2025, 10, 3, 8, 0));
		// 2025-03-09 12:00 UTC is 05:00 PDT (DST began at 2am); next midnight is 07:00 UTC on Mar 10.
		expect(nextMidnight(Date.UTC(2025, 2, 9, 12, 0))).toBe(Date.UTC(2025, 2, 10, 7, 0));
	});
});
