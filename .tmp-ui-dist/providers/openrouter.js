import { z } from 'zod';
import { getHeader, parseAmount, parseCount, parseEpochReset } from '../parse/index.js';
import { errorObject, isRecord, parseJson } from './body.js';
import { baseUrlOf, bearer, getJson, isSuccess, joinUrl, probe } from './shared.js';
import { makeWindow } from './windows.js';
const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';
function periodOf(message, resetAt, now) {
    if (/per-day|per day/i.test(message))
        return 'day';
    if (/per-min|per min/i.test(message))
        return 'minute';
    if (resetAt === undefined)
        return 'unknown';
    return resetAt - now > 3_600_000 ? 'day' : 'minute';
}
/**
 * `X-RateLimit-{Limit,Remaining,Reset}` (Reset in epoch seconds or ms), from the response headers or,
 * on a 429, from `error.metadata.headers` in the body (source 'body').
 */
export function openRouterWindows(exchange, now) {
    const error = errorObject(parseJson(exchange.body));
    const message = typeof error?.message === 'string' ? error.message : '';
    const metadata = isRecord(error?.metadata) ? error.metadata : undefined;
    const bodyHeaders = isRecord(metadata?.headers) ? metadata.headers : undefined;
    const sets = [{ headers: exchange.headers, source: 'headers' }];
    // Upstream throttling ("Provider returned error", with provider_name) is the shared pool's limit, not this key's.
    if (bodyHeaders && metadata?.provider_name === undefined) {
        const asStrings = Object.fromEntries(Object.entries(bodyHeaders).map(([k, v]) => [k, typeof v === 'number' ? String(v) : typeof v === 'string' ? v : undefined]));
        sets.push({ headers: asStrings, source: 'body' });
    }
    for (const { headers, source } of sets) {
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
        if (window)
            return [window];
    }
    return [];
}
// `.optional()` outside the transform: zod 4 would otherwise reject a missing key.
const number = z.unknown().transform(parseAmount).optional();
const keyBody = z.object({
    data: z.object({
        limit: number,
        limit_remaining: z
            .unknown()
            .transform(value => (typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined))
            .optional(),
        limit_reset: z.string().nullish(),
        usage: number,
        usage_daily: number,
        usage_weekly: number,
        usage_monthly: number,
    }),
});
/** `GET /key`: the key's own credit limit (null = unlimited) and its usage by period, in USD. */
export function decodeOpenRouterKey(text) {
    const parsed = keyBody.safeParse(parseJson(text));
    if (!parsed.success)
        return undefined;
    const data = parsed.data.data;
    const reset = data.limit_reset?.toLowerCase();
    const used = reset === 'daily' ? data.usage_daily : reset === 'weekly' ? data.usage_weekly : reset === 'monthly' ? data.usage_monthly : data.usage;
    const credit = { currency: 'USD', source: 'endpoint', label: data.limit === undefined ? 'key usage (no limit)' : reset ? `key limit (${reset})` : 'key limit' };
    if (data.limit !== undefined)
        credit.limit = data.limit;
    const remaining = data.limit_remaining ?? (data.limit !== undefined && used !== undefined ? Math.max(0, data.limit - used) : undefined);
    if (remaining !== undefined)
        credit.remaining = remaining;
    if (used !== undefined)
        credit.used = used;
    return credit;
}
const creditsBody = z.object({ data: z.object({ total_credits: number, total_usage: number }) });
/** `GET /credits` (management key): the account's purchased credit and usage. */
export function decodeOpenRouterCredits(text) {
    const parsed = creditsBody.safeParse(parseJson(text));
    if (!parsed.success)
        return undefined;
    const { total_credits: total, total_usage: usage } = parsed.data.data;
    if (total === undefined)
        return undefined;
    const credit = { limit: total, currency: 'USD', source: 'endpoint', label: 'account credits' };
    if (usage !== undefined) {
        credit.used = usage;
        credit.remaining = Math.max(0, total - usage);
    }
    return credit;
}
// No headroom probe: OpenRouter's cheapest request with limits is a `:free` model call, which spends one of
// the account's 50 (or 1000) free requests a day; polled every 5 minutes it would exhaust them.
export const openrouter = {
    id: 'openrouter',
    label: 'OpenRouter',
    defaultBaseUrl: DEFAULT_BASE_URL,
    envVars: ['OPENROUTER_API_KEY'],
    probes: [probe('validity', 'free: key info (limit, remaining, usage today/week/month)'), probe('balance', 'free; needs a management key: account credits')],
    blindSpots: ['free-model request caps until a request is refused (no free probe returns them)', 'account credits, unless a management key is configured'],
    request(kind, ctx) {
        const base = baseUrlOf(ctx, DEFAULT_BASE_URL);
        if (!base)
            return undefined;
        if (kind === 'validity')
            return getJson(joinUrl(base, '/key'), bearer(ctx.secret));
        if (kind === 'balance' && ctx.adminSecret)
            return getJson(joinUrl(base, '/credits'), bearer(ctx.adminSecret));
        return undefined;
    },
    decode(kind, exchange, now) {
        const windows = openRouterWindows(exchange, now);
        let credit;
        if (isSuccess(exchange.status)) {
            if (kind === 'validity' || kind === 'any')
                credit = decodeOpenRouterKey(exchange.body);
            if (!credit && (kind === 'balance' || kind === 'any'))
                credit = decodeOpenRouterCredits(exchange.body);
        }
        return credit ? { windows, credit } : { windows };
    },
};
