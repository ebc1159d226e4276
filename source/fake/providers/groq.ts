// Groq: providers.md §5. OpenAI header names, but `*-requests` count per DAY and `*-tokens` per minute.
import {base62Id, goDuration, secondsUntil, stableId} from '../formats.js';
import {json} from '../http.js';
import {bearer, chatCompletionsRoute, modelList, modelOf, openaiRateHeaders} from '../openai-like.js';
import type {Answer, Behaviour, FakeContext, ProviderModule} from '../types.js';

/** Groq's OpenAI shape leaves out `param`. */
function groqError(status: number, message: string, type: string | null, code: string | null, headers?: Record<string, string>): Answer {
	const error: Record<string, unknown> = {message, type};
	if (code !== null) error.code = code;
	return json(status, {error}, headers);
}

const billing = 'https://console.groq.com/settings/billing';

function scenario(b: Behaviour, ctx: FakeContext): Answer | undefined {
	switch (b) {
		case 'invalid':
			return groqError(401, 'Invalid API Key', 'invalid_request_error', 'invalid_api_key');
		case 'echo_key':
			return groqError(401, `Invalid API Key: ${ctx.key}`, 'invalid_request_error', 'invalid_api_key');
		case 'suspended':
			return groqError(
				400,
				'Organization has been restricted. Please reach out to support if you believe this was in error.',
				'invalid_request_error',
				'organization_restricted',
			);
		case 'model_access':
			return groqError(
				404,
				`The model \`${modelOf(ctx, 'llama-3.1-8b-instant')}\` does not exist or you do not have access to it.`,
				'invalid_request_error',
				'model_not_found',
			);
		case 'overloaded':
			return groqError(503, 'Service Unavailable', 'internal_server_error', 'service_unavailable');
		case 'outage':
			return groqError(500, 'Internal Server Error', 'internal_server_error', null);
		default:
			return undefined;
	}
}

function exhausted(windowId: string, ctx: FakeContext, costs: {input: number; output: number}): Answer {
	const w = ctx.state.window(windowId, ctx.now)!;
	const model = modelOf(ctx, 'llama-3.1-8b-instant');
	const org = `org_${stableId(ctx.key, 26)}`;
	const requested = windowId === 'requests-day' ? 1 : costs.input + costs.output;
	const what = {
		'requests-day': ['requests per day (RPD)', 'requests'],
		'tokens-day': ['tokens per day (TPD)', 'tokens'],
		tokens: ['tokens per minute (TPM)', 'tokens'],
	}[windowId] ?? ['tokens per minute (TPM)', 'tokens'];
	const message = `Rate limit reached for model \`${model}\` in organization \`${org}\` service tier \`on_demand\` on ${what[0]}: Limit ${w.limit}, Used ${w.used}, Requested ${requested}. Please try again in ${goDuration(w.resetAt - ctx.now)}. Need more ${what[1]}? Upgrade to Dev Tier today at ${billing}`;
	return groqError(429, message, what[1]!, 'rate_limit_exceeded', {'retry-after': String(secondsUntil(w.resetAt, ctx.now))});
}

export const groq: ProviderModule = {
	name: 'groq',
	prefix: '/groq/openai/v1',
	windows: [
		{id: 'requests-day', unit: 'requests', limit: 14_400, period: {rollingMs: 86_400_000}},
		{id: 'tokens', unit: 'tokens', limit: 18_000, period: {rollingMs: 60_000}},
		{id: 'tokens-day', unit: 'tokens', limit: 500_000, period: {rollingMs: 86_400_000}},
	],
	limitedWindow: 'tokens',
	dailyWindow: 'tokens-day',
	requestIdHeader: 'x-request-id',
	newRequestId: () => `req_01${base62Id(24).toLowerCase()}`,
	credential: headers => bearer(headers),
	missingCredential: () => groqError(401, 'Invalid API Key', 'invalid_request_error', 'invalid_api_key'),
	scenario,
	error: (status, message) => groqError(status, message, status >= 500 ? 'internal_server_error' : 'invalid_request_error', null),
	exhausted,
	rateHeaders(ctx) {
		// Same names as OpenAI's, but Groq's request bucket is per day.
		return openaiRateHeaders(ctx.state.window('requests-day', ctx.now)!, ctx.state.window('tokens', ctx.now)!, ctx.now);
	},
	notFound: () => groqError(404, 'Unknown request URL. Please check the URL for typos, or see the docs at https://console.groq.com/docs/', 'invalid_request_error', 'unknown_url'),
	commonHeaders: () => ({'x-groq-region': 'us-east-1'}),
	routes: [
		{
			method: 'GET',
			path: /^\/models$/,
			probe: 'validity',
			handle: () => json(200, modelList(['llama-3.1-8b-instant', 'llama-3.3-70b-versatile'], 'Meta', {active: true, context_window: 131_072, public_apps: null})),
		},
		chatCompletionsRoute({extra: () => ({x_groq: {id: `req_01${base62Id(24).toLowerCase()}`}})}),
	],
};
