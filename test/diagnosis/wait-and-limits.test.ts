import {describe, expect, it} from 'vitest';
import {bindingWindow, limitFromQuota, limitFromText, limitFromType, limitPhrase} from '../../source/diagnosis/limits.js';
import {waitFromText} from '../../source/diagnosis/wait-text.js';

describe('waitFromText', () => {
	it.each([
		['Please try again in 644ms.', 0.644],
		['Please try again in 1.984999999s. Need more tokens?', 1.985],
		['Please try again in 9m38.016s.', 578.016],
		['Please try again in 1m47.5854s. Visit', 107.585],
		['Please try again in 20s.', 20],
		['Please retry after 86400 seconds. Please go here', 86_400],
		['Please retry after 20 seconds. For improved', 20],
		['Please retry in 43.518594738s.', 43.519],
		['Try again in 5 seconds', 5],
		['try again in 2 minutes', 120],
		['Rate limit is exceeded. Try again in 1 second.', 1],
	])('%s → %s s', (text, seconds) => {
		expect(waitFromText(text)).toBeCloseTo(seconds, 3);
	});

	it.each(['Please try again later.', 'Please retry shortly', 'wait a moment', '', 'try again in -5s', 'retry after 99999999999 days'])('no wait in %j', text => {
		expect(waitFromText(text)).toBeUndefined();
	});

	const now = Date.UTC(2026, 10, 24, 12);
	it.each([
		['Try again after 2026-11-24T12:05:00Z.', 300],
		['Please retry at 2026-11-24T12:00:01.500Z', 1.5],
		['Rate limited until further notice; try again after 2026-11-24T13:00:30+01:00', 30],
		['try again after 2026-11-24T11:00:00Z (already past)', 0],
	])('a moment: %s → %s s', (text, seconds) => {
		expect(waitFromText(text, now)).toBeCloseTo(seconds, 3);
	});

	it.each(['Try again after 2026-13-40T12:05:00Z', 'try again after 2031-01-01T00:00:00Z'])('no wait in an impossible or far moment: %s', text => {
		expect(waitFromText(text, now)).toBeUndefined();
	});

	it('cannot read a moment without the time it is read at', () => {
		expect(waitFromText('Try again after 2026-11-24T12:05:00Z')).toBeUndefined();
	});
});

describe('limitFromText', () => {
	it.each([
		['on tokens per min (TPM): Limit 30000', 'tokens', 'minute'],
		['on requests per min (RPM): Limit 3', 'requests', 'minute'],
		['on tokens per day (TPD): Limit 100000. Need more tokens?', 'tokens', 'day'],
		['on requests per day (RPD)', 'requests', 'day'],
		['of 40,000 input tokens per minute', 'input_tokens', 'minute'],
		['of 8,000 output tokens per minute', 'output_tokens', 'minute'],
		["Too many tokens for team x. Your team's rate limit is — Tokens per Minute (actual/limit): 65605/16000", 'tokens', 'minute'],
		['The maximum rate limit for this model is 9.0 queries per minute.', 'requests', 'minute'],
		['Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day', 'requests', 'day'],
		['have exceeded token rate limit of your current OpenAI S0 pricing tier', 'tokens', 'unknown'],
		['Requests rate limit exceeded', 'requests', 'unknown'],
		['Rate limit reached for 10KTPM-200RPM in organization org-x on tokens per min.', 'tokens', 'minute'],
		['Rate limit reached for dall-e-3 on images per min (IPM): Limit 5', 'unknown', 'minute'],
		['You have exceeded your daily request quota', 'requests', 'day'],
		['Daily token limit reached', 'tokens', 'day'],
		['Daily limit exceeded for free tier', 'unknown', 'day'],
		['Output token rate limit exceeded', 'output_tokens', 'unknown'],
		['Input token limit exceeded for this minute window', 'input_tokens', 'unknown'],
		['Too many concurrent requests', 'concurrency', 'unknown'],
	] as const)('%s', (text, limit, window) => {
		expect(limitFromText(text)).toEqual({limit, window});
	});

	it('reads an unlabelled Groq limit from how much was requested', () => {
		expect(limitFromText('on : Limit 500000, Used 500370, Requested 252. Please try again')).toEqual({limit: 'tokens', window: 'unknown'});
		expect(limitFromText('on : Limit 30, Used 30, Requested 1. Please try again')).toEqual({limit: 'requests', window: 'unknown'});
	});

	it('says nothing when nothing is said', () => {
		expect(limitFromText('Rate limit exceeded')).toEqual({});
	});
});

describe('limitFromQuota and limitFromType', () => {
	it('picks the violation with the longest window', () => {
		expect(
			limitFromQuota([
				{quotaId: 'GenerateContentInputTokensPerModelPerMinute-FreeTier'},
				{quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier'},
				{quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier'},
			]),
		).toEqual({limit: 'requests', window: 'day'});
		expect(limitFromQuota([{quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_input_token_count', quotaId: 'X-PerMinute'}])).toEqual({limit: 'tokens', window: 'minute'});
		expect(limitFromQuota([])).toEqual({});
	});

	it('reads OpenAI error types', () => {
		expect(limitFromType('tokens')).toBe('tokens');
		expect(limitFromType('requests')).toBe('requests');
		expect(limitFromType('invalid_request_error')).toBeUndefined();
		expect(limitFromType(undefined)).toBeUndefined();
	});
});

describe('bindingWindow and limitPhrase', () => {
	it('takes the bucket that resets last and ignores monthly ones', () => {
		const w = bindingWindow([
			{id: 'a', limitKind: 'requests', period: 'minute', resetAt: 10},
			{id: 'b', limitKind: 'tokens', period: 'minute', resetAt: 20},
			{id: 'c', limitKind: 'tokens', period: 'month', resetAt: 99},
		]);
		expect(w?.id).toBe('b');
	});

	it('prefers the narrower bucket on a tie (Anthropic tokens beside input tokens)', () => {
		const tie = [
			{id: 'tokens', limitKind: 'tokens', period: 'minute', resetAt: 30},
			{id: 'input', limitKind: 'input_tokens', period: 'minute', resetAt: 30},
		] as const;
		expect(bindingWindow([...tie])?.id).toBe('input');
		expect(bindingWindow([...tie].reverse())?.id).toBe('input');
	});

	it.each([
		['tokens', 'minute', 'tokens per minute'],
		['input_tokens', 'day', 'input tokens per day'],
		['requests', 'unknown', 'requests'],
		['concurrency', 'minute', 'concurrent requests'],
		['unknown', 'day', 'a per-day limit'],
		['unknown', 'unknown', undefined],
	] as const)('%s / %s → %s', (limit, window, phrase) => {
		expect(limitPhrase(limit, window)).toBe(phrase);
	});
});
