// DeepSeek: providers.md §7. No rate-limit headers; the balance endpoint is free; amounts are strings.
import {uuid} from '../formats.js';
import {json} from '../http.js';
import {deepseekEcho} from '../masks.js';
import {bearer, chatCompletionsRoute, modelList} from '../openai-like.js';
import type {Answer, Behaviour, FakeContext, ProviderModule} from '../types.js';

// DeepSeek's bodies put the kind in `type` and a fixed `invalid_request_error` in `code` (§7).
function dsError(status: number, message: string, type = 'unknown_error'): Answer {
	return json(status, {error: {message, type, param: null, code: 'invalid_request_error'}});
}

function scenario(b: Behaviour, ctx: FakeContext): Answer | undefined {
	switch (b) {
		case 'quota':
			return dsError(402, 'Insufficient Balance');
		case 'invalid':
			return dsError(401, `Authentication Fails, Your api key: ${deepseekEcho(ctx.key)}" is invalid`, 'authentication_error');
		case 'echo_key':
			return dsError(401, `Authentication Fails, Your api key: ${ctx.key} is invalid`, 'authentication_error');
		case 'suspended':
			return dsError(401, 'Authentication Fails (no such user)', 'authentication_error');
		case 'overloaded':
			return dsError(503, 'The server is busy. Please try again later.', 'server_overloaded');
		case 'outage':
			return dsError(500, 'Server Error', 'server_error');
		default:
			return undefined;
	}
}

/** Balance in USD: where the scenario starts, less what the probes spent. */
function balance(ctx: FakeContext): {total: number; granted: number} {
	const start = ctx.scenario === 'quota' ? 0 : ctx.scenario === 'low' ? 0.85 : 110;
	const granted = ctx.scenario === 'healthy' ? 10 : 0;
	return {total: Math.max(0, start - ctx.state.spentUsd), granted};
}

export const deepseek: ProviderModule = {
	name: 'deepseek',
	prefix: '/deepseek',
	windows: [{id: 'requests', unit: 'requests', limit: 60, period: {rollingMs: 60_000}}],
	limitedWindow: 'requests',
	requestIdHeader: 'x-request-id',
	newRequestId: () => uuid(),
	credential: headers => bearer(headers),
	missingCredential: () => dsError(401, 'Authentication Fails (auth header format should be Bearer sk-...)', 'authentication_error'),
	scenario,
	error: (status, message) => dsError(status, message),
	exhausted: () => dsError(429, 'Rate Limit Reached', 'rate_limit_reached'),
	rateHeaders: () => ({}),
	notFound: () => dsError(404, 'Not Found', 'invalid_request_error'),
	routes: [
		{method: 'GET', path: /^(?:\/v1)?\/models$/, probe: 'validity', handle: () => json(200, modelList(['deepseek-chat', 'deepseek-reasoner'], 'deepseek'))},
		{
			method: 'GET',
			path: /^\/user\/balance$/,
			probe: 'balance',
			handle(ctx) {
				const {total, granted} = balance(ctx);
				return json(200, {
					is_available: total > 0,
					balance_infos: [
						{
							currency: 'USD',
							total_balance: total.toFixed(2),
							granted_balance: granted.toFixed(2),
							topped_up_balance: Math.max(0, total - granted).toFixed(2),
						},
					],
				});
			},
		},
		chatCompletionsRoute({path: /^(?:\/v1)?\/chat\/completions$/, idPrefix: '', invalid: () => dsError(422, 'Invalid Parameters', 'invalid_request_error')}),
	],
};
