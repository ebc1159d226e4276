import {z} from 'zod';
import type {Credit, KeyFacts, KeyFlag} from '../types.js';
import {parseJson} from './body.js';
import {createOpenAiStyleAdapter} from './openai-style.js';
import {bearer, getJson, isSuccess, joinUrl, probe} from './shared.js';

const DEFAULT_BASE_URL = 'https://api.x.ai/v1';

/**
 * Where the management API lives for a key's base URL: management-api.x.ai for the real API, and
 * `<prefix>-management` beside a gateway's `<prefix>/v1` (the fake provider serves `/xai-management`).
 */
export function xaiManagementBase(base: string): string {
	try {
		if (new URL(base).hostname === 'api.x.ai') return 'https://management-api.x.ai';
	} catch {
		// Not a URL: fall through to the path rule, the transport will report it.
	}
	return `${base.replace(/\/v1$/, '')}-management`;
}

const keyStatus = z.object({
	team_id: z.string().regex(/^[\w-]{1,100}$/).optional(),
	team_blocked: z.boolean().optional(),
	api_key_blocked: z.boolean().optional(),
	api_key_disabled: z.boolean().optional(),
});

/**
 * `GET /v1/api-key` (providers.md §8) answers 200 even for a blocked or disabled key and says so in
 * `team_blocked`, `api_key_blocked` and `api_key_disabled`; `team_id` addresses the management API.
 */
export function decodeXaiKeyStatus(text: string): {flags: KeyFlag[]; facts?: KeyFacts} | undefined {
	const parsed = keyStatus.safeParse(parseJson(text));
	if (!parsed.success) return undefined;
	const body = parsed.data;
	const flags: KeyFlag[] = [];
	if (body.team_blocked === true) flags.push('team_blocked');
	if (body.api_key_blocked === true) flags.push('key_blocked');
	if (body.api_key_disabled === true) flags.push('key_disabled');
	return body.team_id ? {flags, facts: {teamId: body.team_id}} : {flags};
}

const keyStatusOf = (kind: string, exchange: {status: number | null; body: string}) =>
	kind === 'validity' && isSuccess(exchange.status) ? decodeXaiKeyStatus(exchange.body) : undefined;

const prepaidBalance = z.object({total: z.object({val: z.union([z.string(), z.number()])})});

/**
 * `GET /v1/billing/teams/{team}/prepaid/balance`: `total.val` is USD cents with a ledger sign, so
 * credit left is negative (`"-799"` = $7.99 left); a positive value means nothing is left.
 */
export function decodeXaiPrepaidBalance(text: string): Credit | undefined {
	const parsed = prepaidBalance.safeParse(parseJson(text));
	if (!parsed.success) return undefined;
	const raw = String(parsed.data.total.val).trim();
	if (!/^-?\d{1,15}(?:\.\d+)?$/.test(raw)) return undefined;
	const cents = Number(raw);
	return {remaining: cents < 0 ? -cents / 100 : 0, currency: 'USD', source: 'endpoint', label: 'prepaid credit', scope: 'account'};
}

export const xai = createOpenAiStyleAdapter({
	id: 'xai',
	label: 'xAI',
	defaultBaseUrl: DEFAULT_BASE_URL,
	envVars: ['XAI_API_KEY'],
	periods: {requests: 'minute', tokens: 'minute'},
	moreReads: [
		'GET /v1/api-key: team_blocked, api_key_blocked, api_key_disabled (a 200 that refuses the key) and team_id',
		'with a management key, the team’s prepaid balance: total.val (US cents, ledger-signed)',
		'OpenAI-named headers only should xAI send them (none documented; limits are per team and model per minute)',
	],
	headroomModel: 'grok-3-mini',
	validityPath: '/api-key',
	costs: {
		validity: 'free: key status (blocked and disabled flags, ACLs)',
		headroom: '≈10 tokens on grok-3-mini (≈$0.000004 a probe); xAI documents no rate-limit headers, so this mostly proves inference works',
	},
	extra: {
		probes: [probe('balance', 'free; needs a management key: team prepaid credit')],
		request(kind, ctx, base) {
			// The team comes from the key's own /v1/api-key answer, which the validity probe reads first.
			const team = ctx.facts?.teamId;
			if (kind !== 'balance' || !ctx.adminSecret || !team) return undefined;
			return getJson(joinUrl(xaiManagementBase(base), `/v1/billing/teams/${encodeURIComponent(team)}/prepaid/balance`), bearer(ctx.adminSecret));
		},
		credit: (kind, exchange) => ((kind === 'balance' || kind === 'any') && isSuccess(exchange.status) ? decodeXaiPrepaidBalance(exchange.body) : undefined),
		flags: (kind, exchange) => keyStatusOf(kind, exchange)?.flags ?? [],
		facts: (kind, exchange) => keyStatusOf(kind, exchange)?.facts,
	},
	blindSpots: [
		'rate-limit headroom (no documented headers; limits are per team and model)',
		"credit, unless a management key is configured (read for the key's team, once the key status has named it)",
	],
});
