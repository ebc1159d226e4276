import {z} from 'zod';
import {getHeader, parseAmount, parseCount, parseEpochReset} from '../parse/index.js';
import type {Credit, Exchange, KeyFlag, RateWindow, WindowPeriod} from '../types.js';
import {errorObject, isRecord, parseJson} from './body.js';
import {type DescribedAdapter, baseUrlOf, bearer, getJson, isSuccess, joinUrl, probe} from './shared.js';
import type {Decoded} from './types.js';
import {makeWindow} from './windows.js';

const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';

function periodOf(message: string, resetAt: number | undefined, now: number): WindowPeriod {
	if (/per-day|per day/i.test(message)) return 'day';
	if (/per-min|per min/i.test(message)) return 'minute';
	if (resetAt === undefined) return 'unknown';
	return resetAt - now > 3_600_000 ? 'day' : 'minute';
}

/**
 * `X-RateLimit-{Limit,Remaining,Reset}` (Reset in epoch seconds or ms), from the response headers or,
 * on a 429, from `error.metadata.headers` in the body (source 'body').
 */
export function openRouterWindows(exchange: Exchange, now: number): RateWindow[] {
	const error = errorObject(parseJson(exchange.body));
	const message = typeof error?.message === 'string' ? error.message : '';
	const metadata = isRecord(error?.metadata) ? error.metadata : undefined;
	const bodyHeaders = isRecord(metadata?.headers) ? metadata.headers : undefined;
	const sets: Array<{headers: Exchange['headers']; source: 'headers' | 'body'}> = [{headers: exchange.headers, source: 'headers'}];
	// Upstream throttling ("Provider returned error", with provider_name) is the shared pool's limit, not this key's.
	if (bodyHeaders && metadata?.provider_name === undefined) {
		const asStrings = Object.fromEntries(Object.entries(bodyHeaders).map(([k, v]) => [k, typeof v === 'number' ? String(v) : typeof v === 'string' ? v : undefined]));
		sets.push({headers: asStrings, source: 'body'});
	}
	for (const {headers, source} of sets) {
		const resetAt = parseEpochReset(getHeader(headers, 'x-ratelimit-reset'), now);
		const window = makeWindow({
			id: 'requests',
			limitKind: 'requests',
			period: periodOf(message, resetAt, now),
			limit: parseCount(getHeader(headers, 'x-ratelimit-limit')),
			remaining: parseCount(getHeader(headers, 'x-ratelimit-remaining')),
			resetAt,
			source,
		});
		if (window) return [window];
	}
	return [];
}

// `.optional()` outside the transform: zod 4 would otherwise reject a missing key.
const number = z.unknown().transform(parseAmount).optional();
// Signed: an overdrawn key reports a negative remaining, which says "nothing left" as clearly as 0.
const signed = z
	.unknown()
	.transform(value => (typeof value === 'number' && Number.isFinite(value) ? value : undefined))
	.optional();
const keyBody = z.object({
	data: z.object({
		limit: number,
		limit_remaining: signed,
		limit_reset: z.string().nullish(),
		usage: number,
		usage_daily: number,
		usage_weekly: number,
		usage_monthly: number,
	}),
});

type KeyData = z.infer<typeof keyBody>['data'];

function keyData(text: string): KeyData | undefined {
	const parsed = keyBody.safeParse(parseJson(text));
	return parsed.success ? parsed.data.data : undefined;
}

/** What is left under the key's own limit: `limit_remaining`, or limit − usage in the older shape. */
function leftUnderLimit(data: KeyData, used: number | undefined): number | undefined {
	return data.limit_remaining ?? (data.limit !== undefined && used !== undefined ? data.limit - used : undefined);
}

function periodUsage(data: KeyData): number | undefined {
	const reset = data.limit_reset?.toLowerCase();
	return reset === 'daily' ? data.usage_daily : reset === 'weekly' ? data.usage_weekly : reset === 'monthly' ? data.usage_monthly : data.usage;
}

/**
 * `GET /key`: the key's own credit limit (null = unlimited) and its usage, in USD. `used` is the usage
 * of the limit's period; `usage` keeps today, this week and this month as OpenRouter reports them.
 */
export function decodeOpenRouterKey(text: string): Credit | undefined {
	const data = keyData(text);
	if (!data) return undefined;
	const reset = data.limit_reset?.toLowerCase();
	const used = periodUsage(data);
	const credit: Credit = {
		currency: 'USD',
		source: 'endpoint',
		label: data.limit === undefined ? 'key usage (no limit)' : reset ? `key limit (${reset})` : 'key limit',
		scope: 'key',
	};
	if (data.limit !== undefined) credit.limit = data.limit;
	const remaining = leftUnderLimit(data, used);
	if (remaining !== undefined) credit.remaining = Math.max(0, remaining);
	if (used !== undefined) credit.used = used;
	const usage: NonNullable<Credit['usage']> = {};
	if (data.usage_daily !== undefined) usage.day = data.usage_daily;
	if (data.usage_weekly !== undefined) usage.week = data.usage_weekly;
	if (data.usage_monthly !== undefined) usage.month = data.usage_monthly;
	if (Object.keys(usage).length > 0) credit.usage = usage;
	return credit;
}

/**
 * A key at or past its own limit: every paid call gets 402 until the limit is raised or resets. Read from
 * the decoded key info (`decodeOpenRouterKey`): only a key with a limit can reach it.
 */
export function openRouterKeyFlags(credit: Credit | undefined): KeyFlag[] {
	return credit?.limit !== undefined && credit.remaining !== undefined && credit.remaining <= 0 ? ['key_limit_reached'] : [];
}

const creditsBody = z.object({data: z.object({total_credits: number, total_usage: number})});

/** `GET /credits` (management key): the account's purchased credit and usage. */
export function decodeOpenRouterCredits(text: string): Credit | undefined {
	const parsed = creditsBody.safeParse(parseJson(text));
	if (!parsed.success) return undefined;
	const {total_credits: total, total_usage: usage} = parsed.data.data;
	if (total === undefined) return undefined;
	const credit: Credit = {limit: total, currency: 'USD', source: 'endpoint', label: 'account credits', scope: 'account'};
	if (usage !== undefined) {
		credit.used = usage;
		credit.remaining = Math.max(0, total - usage);
	}
	return credit;
}

/**
 * The account's credit used up: a balance at or below zero gets 402 even on free models (providers.md §4.2).
 * Read from the decoded credits (`decodeOpenRouterCredits`).
 */
export function openRouterCreditFlags(credit: Credit | undefined): KeyFlag[] {
	return credit?.used !== undefined && credit.limit !== undefined && credit.limit - credit.used <= 0 ? ['balance_empty'] : [];
}

// No headroom probe: OpenRouter's cheapest request with limits is a `:free` model call, which spends one of
// the account's 50 (or 1000) free requests a day; polled every 5 minutes it would exhaust them.
export const openrouter: DescribedAdapter = {
	id: 'openrouter',
	label: 'OpenRouter',
	defaultBaseUrl: DEFAULT_BASE_URL,
	envVars: ['OPENROUTER_API_KEY'],
	probes: [probe('validity', 'free: key info (limit, remaining, usage today/week/month)'), probe('balance', 'free; needs a management key: account credits')],
	reads: [
		'X-RateLimit-{Limit,Remaining,Reset}: requests, per minute or per day (told by the message or the reset); also inside a 429 body’s error.metadata.headers',
		'GET /key: limit, limit_remaining, limit_reset, usage, usage_daily, usage_weekly, usage_monthly (USD)',
		'with a management key, GET /credits: total_credits, total_usage (the account’s pool)',
	],
	blindSpots: ['free-model request caps until a request is refused (no free probe returns them)', 'account credits, unless a management key is configured'],
	request(kind, ctx) {
		const base = baseUrlOf(ctx, DEFAULT_BASE_URL);
		if (!base) return undefined;
		if (kind === 'validity') return getJson(joinUrl(base, '/key'), bearer(ctx.secret));
		if (kind === 'balance' && ctx.adminSecret) return getJson(joinUrl(base, '/credits'), bearer(ctx.adminSecret));
		return undefined;
	},
	decode(kind, exchange, now) {
		const windows = openRouterWindows(exchange, now);
		if (!isSuccess(exchange.status)) return {windows};
		let credit: Credit | undefined;
		let flags: KeyFlag[] = [];
		if (kind === 'validity' || kind === 'any') {
			credit = decodeOpenRouterKey(exchange.body);
			if (kind === 'validity') flags = openRouterKeyFlags(credit);
		}
		if (!credit && (kind === 'balance' || kind === 'any')) {
			credit = decodeOpenRouterCredits(exchange.body);
			if (kind === 'balance') flags = openRouterCreditFlags(credit);
		}
		const decoded: Decoded = {windows};
		if (credit) decoded.credit = credit;
		if (flags.length > 0) decoded.flags = flags;
		return decoded;
	},
};
