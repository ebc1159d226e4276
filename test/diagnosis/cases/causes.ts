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
