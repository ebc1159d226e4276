// Mistral: providers.md §6. Per-minute and per-month windows; limits and remaining only, no reset headers.
import {hex} from '../formats.js';
import {json} from '../http.js';
import {bearer, chatCompletionsRoute, modelList} from '../openai-like.js';
import type {Answer, Behaviour, Costs, FakeContext, ProviderModule} from '../types.js';

function mistralError(status: number, message: string, type: string, code: string | null): Answer {
	return json(status, {object: 'error', message, type, param: null, code});
}

// FastAPI's answer, identical for a bad key and for a plan whose quota is used up (§6.2).
const unauthorized = (): Answer => json(401, {detail: 'Unauthorized'});

function scenario(b: Behaviour, ctx: FakeContext): Answer | undefined {
	switch (b) {
		case 'invalid':
		case 'quota':
			return unauthorized();
		case 'echo_key':
			return json(401, {detail: `Unauthorized: ${ctx.key}`});
		case 'model_access':
			return mistralError(400, 'Invalid model: ' + String((ctx.body as {model?: unknown})?.model ?? 'mistral-small-latest'), 'invalid_model', '1500');
		case 'overloaded':
			return mistralError(503, 'Service unavailable', 'service_unavailable', '3505');
		case 'outage':
			return mistralError(500, 'Internal server error', 'internal_server_error', '3000');
		default:
			return undefined;
	}
}

function rateHeaders(ctx: FakeContext, costs?: Costs): Record<string, string> {
	const req = ctx.state.window('req-minute', ctx.now)!;
	const tok = ctx.state.window('tokens-minute', ctx.now)!;
	const month = ctx.state.window('tokens-month', ctx.now)!;
	const out: Record<string, string> = {
		'x-ratelimit-limit-req-minute': String(req.limit),
		'x-ratelimit-remaining-req-minute': String(req.remaining),
		'x-ratelimit-limit-tokens-minute': String(tok.limit),
		'x-ratelimit-remaining-tokens-minute': String(tok.remaining),
		'x-ratelimit-limit-tokens-month': String(month.limit),
		'x-ratelimit-remaining-tokens-month': String(month.remaining),
	};
	if (costs) out['x-ratelimit-tokens-query-cost'] = String(costs.input + costs.output);
	return out;
}

export const mistral: ProviderModule = {
	name: 'mistral',
	prefix: '/mistral/v1',
	windows: [
		{id: 'req-minute', unit: 'requests', limit: 720, period: {rollingMs: 60_000}},
		{id: 'tokens-minute', unit: 'tokens', limit: 5_000_000, period: {rollingMs: 60_000}},
		{id: 'tokens-month', unit: 'tokens', limit: 1_000_000_000, period: 'utc-month'},
	],
	limitedWindow: 'req-minute',
	// Mistral has no daily cap; its long window is the month (a used-up month answers 429 on every call).
	dailyWindow: 'tokens-month',
	requestIdHeader: 'x-request-id',
	newRequestId: () => hex(16),
	credential: headers => bearer(headers),
	missingCredential: unauthorized,
	scenario,
	error: (status, message) => mistralError(status, message, status >= 500 ? 'internal_server_error' : 'invalid_request_error', null),
	exhausted: () => mistralError(429, 'Rate limit exceeded', 'rate_limited', '1300'),
	rateHeaders,
	notFound: () => json(404, {detail: 'Not Found'}),
	routes: [
		{
			method: 'GET',
			path: /^\/models$/,
			probe: 'validity',
			handle: () => json(200, modelList(['mistral-small-latest', 'mistral-large-latest', 'codestral-latest'], 'mistralai')),
		},
		chatCompletionsRoute({idPrefix: '', invalid: () => mistralError(422, 'Invalid request', 'invalid_request_error', null)}),
	],
};
