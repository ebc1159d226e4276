// Which limit tripped, over which window, and when it clears: from the bucket at zero, the words of the
// message, and the resets a provider documents but does not send.
import {type Case, NOW, ant, google, oai} from './case.js';

const quota = (quotaId: string) => ({'@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests', quotaId}]});
const retry = (retryDelay: string) => ({'@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay});

/** 2026-11-25 00:00 PST, the midnight Pacific after NOW (2026-11-24 12:00 UTC). */
const PACIFIC_MIDNIGHT = Date.UTC(2026, 10, 25, 8, 0, 0);
/** 00:00 UTC on the 1st of the month after NOW. */
const NEXT_MONTH = Date.UTC(2026, 11, 1);

export const limitCases: Case[] = [
	{
		name: 'Anthropic 429 with the input-tokens bucket at zero is the input-token limit, whatever the words say',
		provider: 'anthropic',
		status: 429,
		headers: {'anthropic-ratelimit-input-tokens-remaining': '0', 'anthropic-ratelimit-input-tokens-reset': '2026-11-24T12:00:30Z', 'retry-after': '30'},
		body: ant('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'),
		kind: 'rate_limited',
		limit: 'input_tokens',
		window: 'minute',
		retryAfter: 30,
	},
	{
		name: 'Anthropic combined tokens bucket at zero beside the input one: the narrower bucket names it',
		provider: 'anthropic',
		status: 429,
		headers: {'anthropic-ratelimit-tokens-remaining': '0', 'anthropic-ratelimit-tokens-reset': '2026-11-24T12:00:30Z', 'anthropic-ratelimit-input-tokens-remaining': '0', 'anthropic-ratelimit-input-tokens-reset': '2026-11-24T12:00:30Z'},
		body: ant('rate_limit_error', 'Rate limit exceeded'),
		kind: 'rate_limited',
		limit: 'input_tokens',
	},
	{
		name: 'Anthropic output-tokens bucket at zero',
		provider: 'anthropic',
		status: 429,
		headers: {'anthropic-ratelimit-output-tokens-remaining': '0'},
		body: ant('rate_limit_error', 'This request would exceed your rate limit for tokens'),
		kind: 'rate_limited',
		limit: 'output_tokens',
		window: 'minute',
	},
	{name: 'images per minute (IPM)', provider: 'openai', status: 429, body: oai('Rate limit reached for dall-e-3 in organization org-x on images per min (IPM): Limit 5, Used 5, Requested 1.', 'requests', 'rate_limit_exceeded'), kind: 'rate_limited', window: 'minute'},
	{name: '"Daily limit exceeded for free tier"', provider: 'openai_compatible', status: 429, body: oai('Daily limit exceeded for free tier'), kind: 'rate_limited', window: 'day'},
	{name: '"exceeded your daily request quota"', provider: 'openai_compatible', status: 429, body: oai('You have exceeded your daily request quota. Upgrade for more.'), kind: 'rate_limited', limit: 'requests', window: 'day'},
	{name: '"Output token rate limit exceeded"', provider: 'openai_compatible', status: 429, body: oai('Output token rate limit exceeded'), kind: 'rate_limited', limit: 'output_tokens'},
	{name: '"Too many concurrent requests"', provider: 'openai_compatible', status: 429, body: oai('Too many concurrent requests'), kind: 'rate_limited', limit: 'concurrency'},
	{name: '"concurrency limit" on Together', provider: 'together', status: 429, body: oai('You have hit the concurrency limit for this model'), kind: 'rate_limited', limit: 'concurrency'},
	{
		name: '"Try again after <RFC 3339 time>" in the message is the wait',
		provider: 'openai_compatible',
		status: 429,
		body: oai('Rate limit exceeded. Try again after 2026-11-24T12:05:00Z.'),
		kind: 'rate_limited',
		retryAfter: 300,
		clearsAt: NOW + 300_000,
	},
	{name: 'a wait given as a moment with an offset', provider: 'groq', status: 429, body: oai('Too many requests, retry after 2026-11-24T13:00:30+01:00'), kind: 'rate_limited', retryAfter: 30},
];

export const clearTimeCases: Case[] = [
	{
		name: 'Anthropic spend cap: needs action, and says the monthly reset without contradicting itself',
		provider: 'anthropic',
		status: 429,
		body: ant('rate_limit_error', 'You have reached your monthly spend limit.', {details: {error_code: 'enforced_spend_limit_reached'}}),
		kind: 'quota_exhausted',
		clears: 'needs_action',
		clearsAt: NEXT_MONTH,
		rule: 'anthropic.spend-cap',
		says: [/resets at 00:00 UTC on the 1st of next month \(2026-12-01T00:00:00\.000Z\)/, /To resume before the month turns/],
	},
	{
		name: 'Anthropic monthly spend limit in words only is the spend cap, not a rate limit',
		provider: 'anthropic',
		status: 429,
		body: ant('rate_limit_error', 'You have reached your monthly spend limit.'),
		kind: 'quota_exhausted',
		clearsAt: NEXT_MONTH,
	},
	{
		name: 'Gemini PerDay free-tier quota with retryDelay 26s clears at midnight Pacific, naming the hint',
		provider: 'gemini',
		status: 429,
		body: google(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details.', [quota('GenerateRequestsPerDayPerProjectPerModel-FreeTier'), retry('26s')]),
		kind: 'rate_limited',
		limit: 'requests',
		window: 'day',
		clears: 'by_itself',
		clearsAt: PACIFIC_MIDNIGHT,
		noRetryAfter: true,
		rule: 'google.daily-cap',
		says: [/retry hint says 26s, but this cap does not lift before its reset/, /midnight Pacific time \(2026-11-25T08:00:00\.000Z\)/],
	},
	{
		name: 'Gemini per-minute quota still clears at its retryDelay',
		provider: 'gemini',
		status: 429,
		body: google(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota.', [quota('GenerateRequestsPerMinutePerProjectPerModel-FreeTier'), retry('26s')]),
		kind: 'rate_limited',
		window: 'minute',
		retryAfter: 26,
		clearsAt: NOW + 26_000,
	},
	{
		name: 'Mistral monthly bucket at zero carries its reset when the headers give one',
		provider: 'mistral',
		status: 429,
		headers: {'x-ratelimit-remaining-tokens-month': '0', 'x-ratelimit-reset-tokens-month': '2026-12-01T00:00:00Z'},
		body: {message: 'Requests rate limit exceeded'},
		kind: 'quota_exhausted',
		clears: 'needs_action',
		clearsAt: NEXT_MONTH,
	},
];
