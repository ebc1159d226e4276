// OpenAI (and any OpenAI-compatible endpoint): providers.md §1.
import {goDuration, hex, stableId} from '../formats.js';
import {json} from '../http.js';
import {openaiEcho} from '../masks.js';
import {bearer, chatCompletionsRoute, modelList, modelOf, openaiError, openaiRateHeaders} from '../openai-like.js';
import type {Answer, Behaviour, FakeContext, ProviderModule} from '../types.js';
import {openaiSpendRoutes} from './openai-admin.js';

const keysPage = 'You can find your API key at https://platform.openai.com/account/api-keys.';
const minute = {rollingMs: 60_000};

function org(ctx: FakeContext): string {
	return `org-${stableId(ctx.key, 24)}`;
}

function scenario(b: Behaviour, ctx: FakeContext): Answer | undefined {
	const model = modelOf(ctx, 'gpt-4o-mini');
	switch (b) {
		case 'quota':
			return openaiError(
				429,
				'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
				'insufficient_quota',
				'insufficient_quota',
			);
		case 'billing':
			return openaiError(429, 'Your account is not active, please check your billing details on our website.', 'billing_not_active', 'billing_not_active');
		case 'invalid':
			return openaiError(401, `Incorrect API key provided: ${openaiEcho(ctx.key)}. ${keysPage}`, 'invalid_request_error', 'invalid_api_key');
		case 'echo_key':
			return openaiError(401, `Incorrect API key provided: ${ctx.key}. ${keysPage}`, 'invalid_request_error', 'invalid_api_key');
		case 'suspended':
			return openaiError(
				401,
				'The OpenAI account associated with this API key has been deactivated. If you are the developer for this OpenAI app, please check your email for more information. If you are seeing this error while using another app or site, please reach out to them for more help.',
				'invalid_request_error',
				'account_deactivated',
			);
		case 'permission':
			return openaiError(401, 'OpenAI-Organization header should match organization for API key', 'invalid_request_error', 'mismatched_organization');
		case 'model_access':
			return openaiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found');
		case 'region':
			// providers.md notes this one puts `code` first.
			return json(403, {error: {code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported', param: null, type: 'request_forbidden'}});
		case 'verification':
			return openaiError(
				400,
				`Your organization must be verified to use the model \`${model}\`. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization. If you just verified, it can take up to 15 minutes for access to propagate.`,
				'invalid_request_error',
				null,
			);
		case 'content_policy':
			return openaiError(
				400,
				'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
				'invalid_request_error',
				'content_policy_violation',
			);
		case 'overloaded':
			return openaiError(503, 'Slow Down', 'server_error', null);
		case 'outage':
			return openaiError(
				500,
				'The server had an error while processing your request. Sorry about that!',
				'server_error',
				null,
			);
		default:
			return undefined;
	}
}

export function openaiModule(name: string, prefix: string): ProviderModule {
	const module: ProviderModule = {
		name,
		prefix,
		windows: [
			{id: 'requests', unit: 'requests', limit: 500, period: minute},
			{id: 'tokens', unit: 'tokens', limit: 30_000, period: minute},
			{id: 'requests-day', unit: 'requests', limit: 10_000, period: 'utc-day'},
		],
		limitedWindow: 'tokens',
		dailyWindow: 'requests-day',
		requestIdHeader: 'x-request-id',
		newRequestId: () => `req_${hex(16)}`,
		credential: headers => bearer(headers),
		missingCredential: () =>
			openaiError(
				401,
				"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.",
				'invalid_request_error',
				null,
			),
		scenario,
		error: (status, message) => openaiError(status, message, status >= 500 ? 'server_error' : 'invalid_request_error', null),
		exhausted(windowId, ctx, costs) {
			const w = ctx.state.window(windowId, ctx.now)!;
			const model = modelOf(ctx, 'gpt-4o-mini');
			const wait = goDuration(w.resetAt - ctx.now);
			const what =
				windowId === 'tokens'
					? `tokens per min (TPM): Limit ${w.limit}, Used ${w.used}, Requested ${costs.input + costs.output}`
					: windowId === 'requests-day'
						? `requests per day (RPD): Limit ${w.limit}, Used ${w.used}, Requested 1`
						: `requests per min (RPM): Limit ${w.limit}, Used ${w.used}, Requested 1`;
			return openaiError(
				429,
				`Rate limit reached for ${model} in organization ${org(ctx)} on ${what}. Please try again in ${wait}. Visit https://platform.openai.com/account/rate-limits to learn more.`,
				windowId === 'tokens' ? 'tokens' : 'requests',
				'rate_limit_exceeded',
			);
		},
		rateHeaders(ctx) {
			return openaiRateHeaders(ctx.state.window('requests', ctx.now)!, ctx.state.window('tokens', ctx.now)!, ctx.now);
		},
		notFound: ctx => openaiError(404, `Invalid URL (${ctx.method} ${prefix.replace(/^\/[^/]+/, '')}${ctx.path})`, 'invalid_request_error', null),
		commonHeaders: ctx => ({'openai-version': '2020-10-01', 'openai-organization': org(ctx).replace(/^org-/, 'user-'), 'openai-processing-ms': '87'}),
		routes: [
			{
				method: 'GET',
				path: /^\/models$/,
				probe: 'validity',
				handle: () => json(200, modelList(['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-nano', 'text-embedding-3-small'], 'system')),
			},
			chatCompletionsRoute(),
			...openaiSpendRoutes(),
		],
	};
	return module;
}

export const openai = openaiModule('openai', '/openai/v1');
export const openaiCompatible = openaiModule('openai_compatible', '/compat/v1');
