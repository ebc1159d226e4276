// One answer per cause of denial listed in /work/shared/seeds/, worded the way an OpenAI-compatible
// host would send it, to show every cause has a kind.
import {type Case, oai} from './case.js';

const compat = (name: string, status: number | null, message: string, kind: string, extra: Partial<Case> = {}): Case => ({
	name,
	provider: 'openai_compatible',
	status,
	body: oai(message),
	kind,
	...extra,
});

export const causeCases: Case[] = [
	compat('free credits used up', 402, 'You have run out of credits. Please purchase more credits to continue.', 'quota_exhausted'),
	compat('paid credits used up', 402, 'Insufficient balance. Please top up your account.', 'quota_exhausted'),
	compat('plan or monthly limit reached', 429, 'You have reached your monthly usage limit for this plan.', 'quota_exhausted'),
	compat('upgrade needed for a feature', 403, 'This model is only available on paid plans. Please upgrade your plan.', 'model_access'),
	compat('scheduled maintenance', 503, 'The API is undergoing scheduled maintenance.', 'outage'),
	compat('unplanned outage', 500, 'Internal server error', 'outage'),
	{name: 'network trouble', provider: 'openai_compatible', status: null, body: '', kind: 'network', network: {kind: 'offline', message: 'connect ENETUNREACH'}},
	compat('integration mistake', 400, "Invalid value for 'messages': expected an array.", 'bad_request'),
	compat('inactive account', 403, 'Your account is inactive. Please update your billing details to reactivate it.', 'billing'),
	compat('expired account', 401, 'Your account has expired.', 'billing'),
	compat('account suspended', 403, 'Your account has been suspended. Contact support.', 'suspended'),
	compat('account banned', 403, 'This organization has been banned for abuse.', 'suspended'),
	compat('revoked key', 401, 'This API key has been revoked.', 'invalid_key'),
	compat('payment failed', 402, 'Your payment method was declined. Please update your card.', 'billing'),
	compat('request rate limit', 429, 'Too many requests: you can make 60 requests per minute.', 'rate_limited', {limit: 'requests', window: 'minute'}),
	compat('token rate limit', 429, 'Rate limit exceeded: 100000 tokens per minute.', 'rate_limited', {limit: 'tokens', window: 'minute'}),
	compat('terms of service breach', 403, 'Your account was disabled for violation of our Terms of Service.', 'suspended'),
	compat('content policy refusal', 400, 'Your request was flagged by our moderation system.', 'content_policy'),
	compat('model access removed', 404, 'The model `old-model` has been deprecated and is no longer available.', 'model_access'),
	compat('restricted country', 403, 'This service is not available in your country.', 'region_blocked'),
	compat('verification required', 403, 'You must verify your phone number before using the API: verification required.', 'verification_required'),
	compat('general unavailability', 503, 'Service temporarily unavailable due to high demand.', 'overloaded'),
	compat('missing scope', 403, 'Your key is missing scopes: model.request', 'permission'),
];

// The same causes in the other words the seeds and providers use: each wording is a data entry, so
// each gets a case.
export const seedWordingCases: Case[] = [
	compat('phone verification to complete', 403, 'Please complete phone verification to continue using the API.', 'verification_required'),
	compat('business verification', 403, 'To access this model, please verify your business first.', 'verification_required'),
	compat('two-factor authentication', 403, 'Two-factor authentication required for this organization.', 'verification_required'),
	compat('identity verification failed', 403, 'Identity verification failed. Please try again or contact support.', 'verification_required'),
	compat('phone number verification failure', 403, 'Phone number verification failed.', 'verification_required'),
	compat('identity document rejected', 403, 'Your identity document was rejected; verification is incomplete.', 'verification_required'),
	compat('card declined behind a 402', 402, 'Payment required: your card was declined.', 'billing', {rule: 'msg.billing'}),
	compat('expired credit card', 402, 'We could not charge your expired credit card.', 'billing'),
	compat('a bare "Payment required" stays ambiguous', 402, 'Payment required', 'quota_exhausted', {candidates: ['quota_exhausted', 'billing']}),
	compat('key disabled as leaked (any provider)', 401, 'This API key has been disabled because it was found to be leaked.', 'invalid_key', {rule: 'msg.key-leaked', says: [/Create a new key/]}),
	compat('leaked key on a 403', 403, 'Your API key was reported as leaked. Please use another API key.', 'invalid_key'),
	{
		name: 'leaked key at OpenAI',
		provider: 'openai',
		status: 401,
		body: oai('Your API key sk-test…abcd was found in a public GitHub repository and has been disabled because it was leaked.', 'invalid_request_error', null),
		kind: 'invalid_key',
		rule: 'msg.key-leaked',
		says: [/https:\/\/platform\.openai\.com\/api-keys/],
	},
	compat('subscription cancelled', 403, 'Your subscription has been cancelled.', 'billing', {rule: 'msg.subscription-ended', says: [/resubscribe/]}),
	compat('subscription expired', 402, 'Your subscription expired on 2026-10-31.', 'billing'),
	compat('subscription limit reached', 429, 'You have reached your subscription limit for this month.', 'quota_exhausted'),
	compat('free tier credits used up', 403, 'You have used all your free tier credits.', 'quota_exhausted'),
	compat('account become inactive', 403, 'Your account has become inactive. Please renew it to continue.', 'billing'),
	compat('suspicious activity', 403, 'Your account has been locked due to suspicious activity.', 'suspended'),
	compat('session token expired', 403, 'Your session token has expired. Please sign in again.', 'invalid_key'),
	compat('feature removed', 403, 'This feature is no longer available for your account.', 'model_access'),
	compat('system upgrade', 503, 'The API is undergoing a system upgrade. Please try again later.', 'outage'),
	compat('monthly token limit', 429, 'Monthly token limit reached for your plan.', 'quota_exhausted'),
];
