// xAI: providers.md §8. Bare JSON strings for bad keys and limits; flat `{code, error}` for 403s.
import {stableUuid, uuid} from '../formats.js';
import {json} from '../http.js';
import {xaiEcho, xaiRedacted} from '../masks.js';
import {bearer, chatCompletionsRoute, modelList, modelOf} from '../openai-like.js';
import type {Answer, Behaviour, FakeContext, ProviderModule} from '../types.js';

const noPermission = 'The caller does not have permission to execute the specified operation';

export function teamId(key: string): string {
	return stableUuid(`xai-team:${key}`);
}

function bare(status: number, message: string): Answer {
	return json(status, message);
}

function flat(status: number, error: string, code = noPermission): Answer {
	return json(status, {code, error});
}

function scenario(b: Behaviour, ctx: FakeContext): Answer | 'normal' | undefined {
	const team = teamId(ctx.key);
	// The key-info endpoint reports blocked and disabled keys in its flags rather than refusing (§8).
	if ((b === 'suspended' || b === 'permission') && ctx.route?.probe === 'balance') return 'normal';
	switch (b) {
		case 'invalid':
			return bare(400, `Incorrect API key provided: ${xaiEcho(ctx.key)}. You can obtain an API key from https://console.x.ai.`);
		case 'echo_key':
			return bare(400, `Incorrect API key provided: ${ctx.key}. You can obtain an API key from https://console.x.ai.`);
		case 'quota':
			return bare(
				429,
				`Your team ${team} has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit.`,
			);
		case 'billing':
			return flat(403, `Your newly created teams doesn't have any credits yet. You can purchase credits on https://console.x.ai/team/${team}.`);
		case 'suspended':
			return flat(403, `Your team ${team} is blocked from using the API. Contact support@x.ai if you believe this is an error.`);
		case 'permission':
			return flat(403, `The API key ${xaiRedacted(ctx.key)} is disabled.`);
		case 'model_access':
			return flat(404, `The model ${modelOf(ctx, 'grok-3-mini')} does not exist or your team ${team} does not have access to it.`, 'Some requested entity was not found');
		default:
			return undefined;
	}
}

function exhausted(windowId: string, ctx: FakeContext, costs: {input: number; output: number}): Answer {
	const w = ctx.state.window(windowId, ctx.now)!;
	const team = teamId(ctx.key);
	const model = modelOf(ctx, 'grok-3-mini');
	const actual = windowId === 'tokens' ? w.used + costs.input + costs.output : w.used + 1;
	const what = windowId === 'tokens' ? 'Tokens per Minute' : 'Requests per Minute';
	const noun = windowId === 'tokens' ? 'tokens' : 'requests';
	return bare(
		429,
		`Too many ${noun} for team ${team} and model ${model}. Your team's rate limit is — ${what} (actual/limit): ${actual}/${w.limit}. You can view your team rate limits at https://console.x.ai.`,
	);
}

function keyInfo(ctx: FakeContext): Answer {
	const created = new Date(ctx.now - 30 * 86_400_000).toISOString();
	return json(200, {
		redacted_api_key: xaiRedacted(ctx.key),
		user_id: stableUuid(`xai-user:${ctx.key}`),
		name: 'keywatch fake key',
		create_time: created,
		modify_time: created,
		modified_by: stableUuid(`xai-user:${ctx.key}`),
		team_id: teamId(ctx.key),
		acls: ctx.scenario === 'permission' ? [] : ['api-key:model:*', 'api-key:endpoint:*'],
		api_key_id: stableUuid(`xai-key:${ctx.key}`),
		team_blocked: ctx.scenario === 'suspended',
		api_key_blocked: false,
		api_key_disabled: ctx.scenario === 'permission',
	});
}

export const xai: ProviderModule = {
	name: 'xai',
	prefix: '/xai/v1',
	windows: [
		{id: 'requests', unit: 'requests', limit: 480, period: {rollingMs: 60_000}},
		{id: 'tokens', unit: 'tokens', limit: 16_000, period: {rollingMs: 60_000}},
	],
	limitedWindow: 'tokens',
	requestIdHeader: 'x-request-id',
	newRequestId: () => uuid(),
	credential: headers => bearer(headers),
	missingCredential: () => bare(400, 'Incorrect API key provided: . You can obtain an API key from https://console.x.ai.'),
	scenario,
	error: (status, message) => bare(status, message),
	exhausted,
	rateHeaders: () => ({}),
	notFound: () => flat(404, 'Not found', 'Some requested entity was not found'),
	routes: [
		{method: 'GET', path: /^\/api-key$/, probe: 'balance', handle: keyInfo},
		{method: 'GET', path: /^\/models$/, probe: 'validity', handle: () => json(200, modelList(['grok-3-mini', 'grok-4-0709'], 'xai'))},
		chatCompletionsRoute({idPrefix: '', invalid: () => bare(422, 'Failed to deserialize the JSON body into the target type: missing field `messages`')}),
	],
};
