// Together: providers.md §10. `type: "credit_limit"` for both rate limits and exhausted credit;
// `x-ratelimit-*` (requests) and `x-tokenlimit-*` (tokens) per second with a reset in seconds.
import {hex, secondsUntil} from '../formats.js';
import {json} from '../http.js';
import {bearer, chatCompletionsRoute} from '../openai-like.js';
import type {Answer, Behaviour, FakeContext, ProviderModule} from '../types.js';

const billing = 'https://api.together.xyz/settings/billing';

function togetherError(status: number, message: string, type: string, code: string | null = null): Answer {
	return json(status, {id: hex(8), error: {message, type, param: null, code}});
}

function scenario(b: Behaviour, ctx: FakeContext): Answer | undefined {
	switch (b) {
		case 'quota':
			return togetherError(402, `Credit limit exceeded. Please navigate to ${billing} to add credit or upgrade your plan.`, 'credit_limit');
		case 'invalid':
			return togetherError(401, 'Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.', 'invalid_request_error', 'invalid_api_key');
		case 'echo_key':
			return togetherError(401, `Invalid API key provided: ${ctx.key}.`, 'invalid_request_error', 'invalid_api_key');
		case 'model_access':
			return togetherError(404, `Unable to access model ${String((ctx.body as {model?: unknown})?.model ?? '')}. Please visit https://api.together.ai/models to view the list of supported models.`, 'invalid_request_error', 'model_not_available');
		case 'overloaded':
			return togetherError(503, 'The server is overloaded or not ready yet.', 'server_error');
		case 'outage':
			return togetherError(500, 'Internal server error', 'server_error');
		default:
			return undefined;
	}
}

function exhausted(windowId: string, ctx: FakeContext): Answer {
	const w = ctx.state.window(windowId, ctx.now)!;
	const answer =
		windowId === 'tokens'
			? togetherError(429, `You have been rate limited. Your token rate limit is ${w.limit * 60} tokens per minute. Please navigate to ${billing} to upgrade to a paid plan.`, 'credit_limit')
			: togetherError(429, `You have been rate limited. Your rate limit is ${w.limit * 60} queries per minute. Please navigate to ${billing} to upgrade to a paid plan.`, 'credit_limit');
	return {...answer, headers: {'retry-after': String(secondsUntil(w.resetAt, ctx.now))}};
}

export const together: ProviderModule = {
	name: 'together',
	prefix: '/together/v1',
	windows: [
		{id: 'requests', unit: 'requests', limit: 10, period: {rollingMs: 1000}},
		{id: 'tokens', unit: 'tokens', limit: 3000, period: {rollingMs: 1000}},
	],
	limitedWindow: 'requests',
	requestIdHeader: 'x-request-id',
	newRequestId: () => `oJ${hex(8)}-${hex(4)}`,
	credential: headers => bearer(headers),
	missingCredential: () =>
		togetherError(401, 'Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.', 'invalid_request_error', 'invalid_api_key'),
	scenario,
	error: (status, message) => togetherError(status, message, status >= 500 ? 'server_error' : 'invalid_request_error'),
	exhausted,
	rateHeaders(ctx) {
		const r = ctx.state.window('requests', ctx.now)!;
		const t = ctx.state.window('tokens', ctx.now)!;
		return {
			'x-ratelimit-limit': String(r.limit),
			'x-ratelimit-remaining': String(r.remaining),
			'x-ratelimit-reset': String(r.used === 0 ? 0 : secondsUntil(r.resetAt, ctx.now)),
			'x-tokenlimit-limit': String(t.limit),
			'x-tokenlimit-remaining': String(t.remaining),
		};
	},
	notFound: () => togetherError(404, 'Not Found', 'invalid_request_error'),
	commonHeaders: () => ({'x-together-traceid': hex(16)}),
	routes: [
		{
			method: 'GET',
			path: /^\/models$/,
			probe: 'validity',
			// Together lists models as a bare array, not `{data: [...]}`.
			handle: () =>
				json(
					200,
					['meta-llama/Llama-3.2-3B-Instruct-Turbo', 'meta-llama/Llama-3.3-70B-Instruct-Turbo'].map(id => ({
						id,
						object: 'model',
						created: 1_721_172_741,
						type: 'chat',
						display_name: id.split('/')[1],
						organization: 'Meta',
						context_length: 131_072,
						pricing: {input: 0.06, output: 0.06, hourly: 0, base: 0, finetune: 0},
					})),
				),
		},
		chatCompletionsRoute({idPrefix: ''}),
	],
};
