// Anthropic Claude API: providers.md §2.
import {base62Id, rfc3339Seconds, secondsUntil, stableUuid, thousands} from '../formats.js';
import {estimateTokens, json, record, str, textOf, wantsStream} from '../http.js';
import {spendThen} from '../openai-like.js';
import type {Answer, Behaviour, Costs, FakeContext, ProviderModule} from '../types.js';
import {anthropicSpendRoutes} from './anthropic-admin.js';
import {anthropicError} from './anthropic-error.js';

const minute = {rollingMs: 60_000};
const defaultModel = 'claude-3-5-haiku-20241022';

const typeByStatus: Record<number, string> = {
	400: 'invalid_request_error',
	401: 'authentication_error',
	402: 'billing_error',
	403: 'permission_error',
	404: 'not_found_error',
	413: 'request_too_large',
	429: 'rate_limit_error',
	500: 'api_error',
	504: 'timeout_error',
	529: 'overloaded_error',
};

function org(ctx: FakeContext): string {
	return stableUuid(`anthropic:${ctx.key}`);
}

function modelOf(ctx: FakeContext): string {
	return str(record(ctx.body).model) ?? defaultModel;
}

function nextMonth(now: number): string {
	const d = new Date(now);
	return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

function scenario(b: Behaviour, ctx: FakeContext): Answer | undefined {
	const e = (status: number, type: string, message: string) => anthropicError(ctx, status, type, message);
	switch (b) {
		case 'quota':
			return e(400, 'invalid_request_error', 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.');
		case 'billing':
			return e(402, 'billing_error', 'There is an issue with the billing information on your account. Please update your payment method in Plans & Billing.');
		case 'invalid':
			return e(401, 'authentication_error', 'invalid x-api-key');
		case 'echo_key':
			return e(401, 'authentication_error', `invalid x-api-key: ${ctx.key}`);
		case 'suspended':
			return e(400, 'invalid_request_error', 'This organization has been disabled.');
		case 'permission':
			return e(403, 'permission_error', 'Your API key does not have permission to use the specified resource.');
		case 'model_access':
			return e(404, 'not_found_error', `model: ${modelOf(ctx)}`);
		case 'region':
			return json(403, {error: {type: 'forbidden', message: 'Request not allowed'}});
		case 'content_policy':
			return e(400, 'invalid_request_error', 'Output blocked by content filtering policy');
		case 'overloaded':
			return {...e(529, 'overloaded_error', 'Overloaded'), headers: {'x-should-retry': 'true'}};
		case 'outage':
			return e(500, 'api_error', 'Internal server error');
		case 'daily_cap':
			// The tier's spend cap: a 429 that looks like a rate limit but has no retry-after (§0, §2.4).
			return anthropicError(
				ctx,
				429,
				'rate_limit_error',
				`You have reached your monthly spend limit for your usage tier. Access will resume on ${nextMonth(ctx.now)} at 00:00 UTC. To continue sooner, move to a higher usage tier in Plans & Billing.`,
				{details: {error_code: 'enforced_spend_limit_reached'}},
			);
		default:
			return undefined;
	}
}

const windowWords: Record<string, string> = {
	requests: 'requests',
	tokens: 'tokens',
	'input-tokens': 'input tokens',
	'output-tokens': 'output tokens',
};

function exhausted(windowId: string, ctx: FakeContext): Answer {
	const w = ctx.state.window(windowId, ctx.now)!;
	const answer = anthropicError(
		ctx,
		429,
		'rate_limit_error',
		`This request would exceed the rate limit for your organization (${org(ctx)}) of ${thousands(w.limit)} ${windowWords[windowId] ?? windowId} per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.`,
	);
	return {...answer, headers: {'retry-after': String(secondsUntil(w.resetAt, ctx.now)), 'x-should-retry': 'true'}};
}

function rateHeaders(ctx: FakeContext): Record<string, string> {
	const out: Record<string, string> = {};
	for (const id of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
		const w = ctx.state.window(id, ctx.now)!;
		// Token buckets are reported rounded to the nearest thousand (§2.2).
		const remaining = id === 'tokens' || id === 'input-tokens' ? Math.round(w.remaining / 1000) * 1000 : w.remaining;
		out[`anthropic-ratelimit-${id}-limit`] = String(w.limit);
		out[`anthropic-ratelimit-${id}-remaining`] = String(remaining);
		out[`anthropic-ratelimit-${id}-reset`] = rfc3339Seconds(w.used === 0 ? ctx.now : w.resetAt);
	}
	return out;
}

/** The checks a real Messages request fails before it spends anything. */
function invalidMessages(ctx: FakeContext): Answer | undefined {
	if (typeof ctx.headers['anthropic-version'] !== 'string') {
		return anthropicError(ctx, 400, 'invalid_request_error', 'anthropic-version: header is required');
	}
	const body = record(ctx.body);
	for (const field of ['model', 'max_tokens', 'messages']) {
		if (body[field] === undefined) return anthropicError(ctx, 400, 'invalid_request_error', `${field}: Field required`);
	}
	return undefined;
}

function costsOf(ctx: FakeContext): Costs {
	const body = record(ctx.body);
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const input = estimateTokens(textOf(messages) + textOf(body.system ?? ''), messages.length);
	return {requests: 1, input, output: 1};
}

export const anthropic: ProviderModule = {
	name: 'anthropic',
	prefix: '/anthropic',
	windows: [
		{id: 'requests', unit: 'requests', limit: 50, period: minute},
		{id: 'tokens', unit: 'tokens', limit: 60_000, period: minute},
		{id: 'input-tokens', unit: 'input', limit: 50_000, period: minute},
		{id: 'output-tokens', unit: 'output', limit: 10_000, period: minute},
	],
	limitedWindow: 'input-tokens',
	requestIdHeader: 'request-id',
	newRequestId: () => `req_011C${base62Id(20)}`,
	credential: headers => (typeof headers['x-api-key'] === 'string' && headers['x-api-key'].trim()) || undefined,
	missingCredential(ctx) {
		if (typeof ctx.headers.authorization === 'string') {
			return anthropicError(ctx, 401, 'authentication_error', 'Invalid OAuth token. The provided token was not found or is malformed.');
		}
		return anthropicError(ctx, 401, 'authentication_error', 'x-api-key header is required');
	},
	scenario,
	error: (status, message, ctx) => anthropicError(ctx, status, typeByStatus[status] ?? 'api_error', message),
	exhausted,
	rateHeaders,
	notFound: ctx => anthropicError(ctx, 404, 'not_found_error', 'Not Found'),
	commonHeaders: ctx => ({'anthropic-organization-id': org(ctx)}),
	routes: [
		{
			method: 'GET',
			path: /^\/v1\/models$/,
			probe: 'validity',
			handle(ctx) {
				const models = [
					{type: 'model', id: 'claude-sonnet-4-20250514', display_name: 'Claude Sonnet 4', created_at: '2025-05-22T00:00:00Z'},
					{type: 'model', id: defaultModel, display_name: 'Claude Haiku 3.5', created_at: '2024-10-22T00:00:00Z'},
				];
				return invalidMessagesVersionOnly(ctx) ?? json(200, {data: models, has_more: false, first_id: models[0]!.id, last_id: models[1]!.id});
			},
		},
		{
			method: 'POST',
			path: /^\/v1\/messages\/count_tokens$/,
			probe: 'validity',
			handle: ctx => invalidMessagesVersionOnly(ctx) ?? json(200, {input_tokens: costsOf(ctx).input}),
		},
		{
			method: 'POST',
			path: /^\/v1\/messages$/,
			probe: 'headroom',
			handle(ctx) {
				const invalid = invalidMessages(ctx);
				if (invalid) return invalid;
				const costs = costsOf(ctx);
				return spendThen(ctx, costs, () => {
					const message = {
						id: `msg_01${base62Id(22)}`,
						type: 'message',
						role: 'assistant',
						model: modelOf(ctx),
						content: [{type: 'text', text: 'H'}],
						stop_reason: 'max_tokens',
						stop_sequence: null,
						usage: {
							input_tokens: costs.input,
							cache_creation_input_tokens: 0,
							cache_read_input_tokens: 0,
							output_tokens: costs.output,
							service_tier: 'standard',
						},
					};
					return wantsStream(ctx.body) ? {status: 200, events: messageEvents(message)} : json(200, message);
				});
			},
		},
		...anthropicSpendRoutes(),
	],
};

function invalidMessagesVersionOnly(ctx: FakeContext): Answer | undefined {
	if (typeof ctx.headers['anthropic-version'] === 'string') return undefined;
	return anthropicError(ctx, 400, 'invalid_request_error', 'anthropic-version: header is required');
}

/**
 * A message as the Messages API streams it: message_start (the message with no content and the input usage),
 * one text block (start, ping, delta, stop), message_delta (stop reason and output usage), message_stop.
 */
function messageEvents(message: {content: unknown[]; stop_reason: string; stop_sequence: null; usage: {output_tokens: number}} & Record<string, unknown>): Array<{event: string; data: string}> {
	const event = (type: string, fields: Record<string, unknown> = {}) => ({event: type, data: JSON.stringify({type, ...fields})});
	return [
		event('message_start', {message: {...message, content: [], stop_reason: null, usage: {...message.usage, output_tokens: 1}}}),
		event('content_block_start', {index: 0, content_block: {type: 'text', text: ''}}),
		event('ping'),
		event('content_block_delta', {index: 0, delta: {type: 'text_delta', text: 'H'}}),
		event('content_block_stop', {index: 0}),
		event('message_delta', {delta: {stop_reason: message.stop_reason, stop_sequence: message.stop_sequence}, usage: {output_tokens: message.usage.output_tokens}}),
		event('message_stop'),
	];
}
