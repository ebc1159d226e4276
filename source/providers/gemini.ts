import {z} from 'zod';
import {parseCount, parseDuration} from '../parse/index.js';
import type {Exchange, LimitKind, RateWindow, WindowPeriod} from '../types.js';
import {nextMidnight} from '../util/next-midnight.js';
import {errorObject, isRecord, parseJson} from './body.js';
import {type DescribedAdapter, baseUrlOf, getJson, joinUrl, modelOf, postJson, probe, TINY_PROMPT} from './shared.js';
import {makeWindow, present} from './windows.js';

const DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta';

const violationSchema = z.object({
	quotaMetric: z.string().max(300).optional(),
	quotaId: z.string().max(300).optional(),
	quotaDimensions: z.record(z.string(), z.unknown()).optional(),
	quotaValue: z.union([z.string(), z.number()]).optional(),
});

function limitKindOf(text: string): LimitKind {
	if (/input_?tokens?/i.test(text)) return 'input_tokens';
	if (/output_?tokens?/i.test(text)) return 'output_tokens';
	if (/token/i.test(text)) return 'tokens';
	if (/request/i.test(text)) return 'requests';
	return 'unknown';
}

function periodOf(text: string): WindowPeriod {
	if (/PerDay/i.test(text)) return 'day';
	if (/PerHour/i.test(text)) return 'hour';
	if (/PerMinute/i.test(text)) return 'minute';
	if (/PerSecond/i.test(text)) return 'second';
	return 'unknown';
}

/**
 * Windows from a 429's `google.rpc.QuotaFailure` violations that state their `quotaValue`: the limit
 * is known and it is used up. Minute windows reset after `RetryInfo.retryDelay`, daily ones at
 * midnight Pacific. Gemini sends no rate-limit headers, so this is all there is.
 */
export function geminiQuotaWindows(exchange: Exchange, now: number): RateWindow[] {
	const error = errorObject(parseJson(exchange.body));
	const details = Array.isArray(error?.details) ? error.details : [];
	let retryDelay: number | undefined;
	const violations: Array<z.infer<typeof violationSchema>> = [];
	for (const detail of details.slice(0, 50)) {
		if (!isRecord(detail) || typeof detail['@type'] !== 'string') continue;
		if (detail['@type'].endsWith('google.rpc.RetryInfo') && typeof detail.retryDelay === 'string') retryDelay = parseDuration(detail.retryDelay);
		if (detail['@type'].endsWith('google.rpc.QuotaFailure') && Array.isArray(detail.violations)) {
			for (const violation of detail.violations.slice(0, 50)) {
				const parsed = violationSchema.safeParse(violation);
				if (parsed.success) violations.push(parsed.data);
			}
		}
	}
	return present(
		violations.map(violation => {
			const name = violation.quotaId ?? violation.quotaMetric;
			const limit = parseCount(typeof violation.quotaValue === 'number' ? String(violation.quotaValue) : violation.quotaValue);
			if (!name || limit === undefined) return undefined;
			const model = violation.quotaDimensions?.model;
			const period = periodOf(name);
			const resetAt = period === 'day' ? nextMidnight(now) : retryDelay === undefined ? undefined : now + retryDelay;
			return makeWindow({
				id: typeof model === 'string' && model.length <= 100 ? `${name}:${model}` : name,
				limitKind: limitKindOf(`${violation.quotaId ?? ''} ${violation.quotaMetric ?? ''}`),
				period,
				limit,
				remaining: 0,
				resetAt,
				source: 'body',
			});
		}),
	);
}

function headers(secret: string): Record<string, string> {
	// The header, never `?key=`: query strings end up in proxy and server logs.
	return {'x-goog-api-key': secret};
}

export const gemini: DescribedAdapter = {
	id: 'gemini',
	label: 'Gemini',
	defaultBaseUrl: DEFAULT_BASE_URL,
	envVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
	probes: [
		probe('validity', 'free: lists models'),
		probe('headroom', '1 request of the model’s daily free quota on gemini-2.5-flash-lite (≈$0.000001 on paid tiers); limits are seen only when a request is refused'),
	],
	reads: [
		'no rate-limit headers (Gemini sends none)',
		'a 429 body’s google.rpc.QuotaFailure: quotaId (PerMinute, PerDay; Requests, InputTokens) and quotaValue as the limit, at 0 left',
		'google.rpc.RetryInfo.retryDelay for when a per-minute quota resets; PerDay quotas reset at midnight Pacific',
	],
	blindSpots: [
		'rate-limit headroom: Gemini sends no rate-limit headers; limits appear only in a 429 (QuotaFailure)',
		'spend and balance (AI Studio UI only)',
		'limits are per project, not per key',
	],
	request(kind, ctx) {
		const base = baseUrlOf(ctx, DEFAULT_BASE_URL);
		if (!base) return undefined;
		if (kind === 'validity') return getJson(joinUrl(base, '/models'), headers(ctx.secret));
		if (kind === 'headroom') {
			const model = (modelOf(ctx, 'gemini-2.5-flash-lite') as string).replace(/^models\//, '');
			return postJson(joinUrl(base, `/models/${encodeURIComponent(model)}:generateContent`), headers(ctx.secret), {
				contents: [{role: 'user', parts: [{text: TINY_PROMPT}]}],
				generationConfig: {maxOutputTokens: 1},
			});
		}
		return undefined;
	},
	decode(_kind, exchange, now) {
		return {windows: geminiQuotaWindows(exchange, now)};
	},
};
