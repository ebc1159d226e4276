// What the response headers say about a denial: the request id, the wait, and which bucket is at zero.
import { parseCount, parseEpochReset, parseResetDelay, parseRetryAfter, parseTimestamp } from '../parse/index.js';
import { sanitize } from '../secrets/scrub.js';
const MAX_HEADERS = 200;
const MAX_VALUE = 8192;
/** Lower-case names, repeated values joined; non-string junk dropped; bounded in count and size. */
export function normaliseHeaders(headers) {
    const out = {};
    if (typeof headers !== 'object' || headers === null)
        return out;
    let count = 0;
    for (const [name, value] of Object.entries(headers)) {
        if (count++ >= MAX_HEADERS)
            break;
        const values = Array.isArray(value) ? value.filter((v) => typeof v === 'string') : typeof value === 'string' ? [value] : [];
        if (values.length === 0)
            continue;
        out[name.toLowerCase()] = values.join(', ').slice(0, MAX_VALUE);
    }
    return out;
}
const requestIdHeaders = ['x-request-id', 'request-id', 'apim-request-id', 'x-ms-request-id', 'cf-ray'];
export function requestIdFrom(headers) {
    for (const name of requestIdHeaders) {
        const value = headers[name];
        if (value)
            return sanitize(value).slice(0, 200);
    }
    return undefined;
}
/** Seconds the provider asked us to wait, from `retry-after-ms` or `retry-after`. */
export function retryAfterFromHeaders(headers, now) {
    const ms = headers['retry-after-ms'];
    if (ms && /^\d{1,12}(?:\.\d+)?$/.test(ms.trim())) {
        const value = Number(ms.trim()) / 1000;
        if (value <= 86_400)
            return value;
    }
    const value = headers['retry-after'];
    if (value === undefined)
        return undefined;
    const at = parseRetryAfter(value, now);
    return at === undefined ? undefined : Math.max(0, (at - now) / 1000);
}
// Same header names, different windows: Groq's request bucket is per day (providers.md §5.1).
const defaultPeriods = {
    openai: { requests: 'minute', tokens: 'minute' },
    azure_openai: { requests: 'minute', tokens: 'minute' },
    anthropic: { requests: 'minute', tokens: 'minute', input_tokens: 'minute', output_tokens: 'minute' },
    groq: { requests: 'day', tokens: 'minute' },
};
function limitKindOf(name) {
    if (/input-tokens/.test(name))
        return 'input_tokens';
    if (/output-tokens/.test(name))
        return 'output_tokens';
    if (/tokens/.test(name))
        return 'tokens';
    if (/req|requests|queries/.test(name))
        return 'requests';
    return 'unknown';
}
function periodOf(name, provider, kind) {
    if (/month/.test(name))
        return 'month';
    if (/(?:^|-)day|daily/.test(name))
        return 'day';
    if (/hour/.test(name))
        return 'hour';
    if (/minute/.test(name))
        return 'minute';
    if (/second/.test(name))
        return 'second';
    return defaultPeriods[provider]?.[kind] ?? 'unknown';
}
const remainingHeader = /^(?:x-ratelimit-remaining(?:-.+)?|anthropic-ratelimit-.+-remaining|ratelimit-remaining)$/;
/**
 * Buckets at zero, read straight from headers: a fallback for callers that have no decoded windows
 * (`explain`), and for OpenRouter, which puts upstream headers inside the error body.
 */
export function exhaustedFromHeaders(provider, headers, now) {
    const out = [];
    for (const [name, value] of Object.entries(headers)) {
        if (!remainingHeader.test(name) || parseCount(value) !== 0)
            continue;
        const limitKind = limitKindOf(name);
        const resetName = name.replace('remaining', 'reset');
        out.push({
            id: name,
            limitKind,
            period: periodOf(name, provider, limitKind),
            resetAt: resetAtFrom(headers[resetName], now),
            header: name,
        });
    }
    return out;
}
function resetAtFrom(value, now) {
    if (value === undefined)
        return undefined;
    const delay = parseResetDelay(value);
    if (delay !== undefined)
        return now + delay;
    return parseTimestamp(value, now) ?? parseEpochReset(value, now);
}
/** Decoded windows at zero. Azure's -1 sentinel is not zero; a window that never had a limit is not either. */
export function exhaustedFromWindows(windows) {
    return windows
        .filter(w => w.remaining !== undefined && Number.isFinite(w.remaining) && (w.remaining === 0 || (w.remaining < 0 && (w.limit ?? 0) > 0)))
        .map(w => ({ id: w.id, limitKind: w.limitKind, period: w.period, resetAt: w.resetAt }));
}
const decidingHeader = /^(?:retry-after(?:-ms)?|x-should-retry|location|x-ratelimit-.+|anthropic-ratelimit-.+|ratelimit-.+|x-groq-region|x-ms-region)$/;
/** The headers that bear on the verdict, values redacted and shortened. */
export function evidenceHeaders(headers, extra = []) {
    const out = {};
    let count = 0;
    for (const [name, value] of Object.entries(headers)) {
        if (!decidingHeader.test(name) && !extra.includes(name))
            continue;
        if (count++ >= 24)
            break;
        out[name] = sanitize(value).slice(0, 200);
    }
    return out;
}
