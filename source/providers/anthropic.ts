import {z} from 'zod';
import {getHeader, parseAmount, parseCount, parseTimestamp} from '../parse/index.js';
import type {Credit, Exchange, RateWindow} from '../types.js';
import {parseJson} from './body.js';
import {type DescribedAdapter, baseUrlOf, getJson, isSuccess, joinUrl, modelOf, monthStartUtc, postJson, probe, TINY_PROMPT} from './shared.js';
import {makeWindow, present} from './windows.js';

export const ANTHROPIC_VERSION = '2023-06-01';
const DEFAULT_BASE_URL = 'https://api.anthropic.com';

const buckets = [
	{id: 'requests', name: 'requests', limitKind: 'requests'},
	{id: 'tokens', name: 'tokens', limitKind: 'tokens'},
	{id: 'input_tokens', name: 'input-tokens', limitKind: 'input_tokens'},
	{id: 'output_tokens', name: 'output-tokens', limitKind: 'output_tokens'},
] as const;

/** `anthropic-ratelimit-<bucket>-{limit,remaining,reset}`: per-minute buckets with RFC 3339 resets. */
export function anthropicWindows(headers: Exchange['headers'], now: number): RateWindow[] {
	return present(
		buckets.map(bucket =>
			makeWindow({
				id: bucket.id,
				limitKind: bucket.limitKind,
				period: 'minute',
				limit: parseCount(getHeader(headers, `anthropic-ratelimit-${bucket.name}-limit`)),
				remaining: parseCount(getHeader(headers, `anthropic-ratelimit-${bucket.name}-remaining`)),
				resetAt: parseTimestamp(getHeader(headers, `anthropic-ratelimit-${bucket.name}-reset`), now),
				source: 'headers',
			}),
		),
	);
}

const costReport = z.object({
	data: z.array(z.object({results: z.array(z.object({amount: z.unknown(), currency: z.string().optional()}))})),
});

/** Month-to-date spend from the cost report; amounts are decimal strings in cents. */
export function decodeAnthropicCostReport(text: string): Credit | undefined {
	const parsed = costReport.safeParse(parseJson(text));
	if (!parsed.success) return undefined;
	let cents = 0;
	let currency: string | undefined;
	for (const bucket of parsed.data.data) {
		for (const result of bucket.results) {
			const amount = parseAmount(result.amount);
			if (amount === undefined) continue;
			cents += amount;
			currency ??= result.currency;
		}
	}
	return {used: Math.round(cents) / 100, currency: (currency ?? 'USD').toUpperCase(), source: 'endpoint', label: 'spent this month'};
}

function headers(secret: string): Record<string, string> {
	return {'x-api-key': secret, 'anthropic-version': ANTHROPIC_VERSION};
}

export const anthropic: DescribedAdapter = {
	id: 'anthropic',
	label: 'Anthropic',
	defaultBaseUrl: DEFAULT_BASE_URL,
	envVars: ['ANTHROPIC_API_KEY'],
	probes: [
		probe('validity', 'free: lists models'),
		probe('headroom', '≈8 input + 1 output tokens on claude-haiku-4-5 (≈$0.000013 a probe, ≈$0.004 a day at one per 5 min)'),
		probe('spend', 'free; needs an admin key (sk-ant-admin…): cost report this month'),
	],
	reads: [
		`anthropic-ratelimit-{${buckets.map(b => b.name).join(',')}}-{limit,remaining,reset}: one bucket each, per minute, reset as an RFC 3339 time (tokens remaining rounded to thousands)`,
		'retry-after (seconds) on a 429',
		'with an admin key, GET /v1/organizations/cost_report: USD spend this month (amounts in cents)',
	],
	blindSpots: [
		'prepaid credit balance (no API exposes it)',
		'spend, unless an admin key is configured; the cost report leaves out Priority Tier',
		'whether /v1/models carries rate-limit headers (headroom comes from the 1-token request)',
	],
	request(kind, ctx) {
		const base = baseUrlOf(ctx, DEFAULT_BASE_URL);
		if (!base) return undefined;
		switch (kind) {
			case 'validity': {
				return getJson(joinUrl(base, '/v1/models'), headers(ctx.secret));
			}
			case 'headroom': {
				const model = modelOf(ctx, 'claude-haiku-4-5');
				return postJson(joinUrl(base, '/v1/messages'), headers(ctx.secret), {model, max_tokens: 1, messages: [{role: 'user', content: TINY_PROMPT}]});
			}
			case 'spend': {
				if (!ctx.adminSecret) return undefined;
				const start = new Date(monthStartUtc(Date.now())).toISOString().replace('.000Z', 'Z');
				return getJson(joinUrl(base, `/v1/organizations/cost_report?starting_at=${start}&bucket_width=1d&limit=31`), headers(ctx.adminSecret));
			}
			default: {
				return undefined;
			}
		}
	},
	decode(kind, exchange, now) {
		const windows = anthropicWindows(exchange.headers, now);
		const credit = (kind === 'spend' || kind === 'any') && isSuccess(exchange.status) ? decodeAnthropicCostReport(exchange.body) : undefined;
		return credit ? {windows, credit} : {windows};
	},
};
