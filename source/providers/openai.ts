import {z} from 'zod';
import {parseAmount} from '../parse/index.js';
import type {Credit} from '../types.js';
import {parseJson} from './body.js';
import {createOpenAiStyleAdapter} from './openai-style.js';
import {bearer, getJson, isSuccess, joinUrl, monthStartUtc, probe} from './shared.js';

const costsBody = z.object({
	data: z.array(
		z.object({
			results: z.array(z.object({amount: z.object({value: z.unknown(), currency: z.string().optional()}).nullish()})),
		}),
	),
});

/** Month-to-date spend from `GET /v1/organization/costs` (daily buckets, admin key). */
export function decodeOpenAiCosts(text: string): Credit | undefined {
	const parsed = costsBody.safeParse(parseJson(text));
	if (!parsed.success) return undefined;
	let used = 0;
	let currency: string | undefined;
	for (const bucket of parsed.data.data) {
		for (const result of bucket.results) {
			const value = parseAmount(result.amount?.value);
			if (value === undefined) continue;
			used += value;
			currency ??= result.amount?.currency;
		}
	}
	return {used: Math.round(used * 1e6) / 1e6, currency: (currency ?? 'usd').toUpperCase(), source: 'endpoint', label: 'spent this month'};
}

export const openai = createOpenAiStyleAdapter({
	id: 'openai',
	label: 'OpenAI',
	defaultBaseUrl: 'https://api.openai.com/v1',
	envVars: ['OPENAI_API_KEY'],
	periods: {requests: 'minute', tokens: 'minute'},
	moreReads: ['with an admin key, GET /organization/costs: spend this month (amount.value per daily bucket)'],
	headroomModel: 'gpt-4o-mini',
	costs: {
		validity: 'free: lists the models the key can use',
		headroom: '≈8 input + 1 output tokens on gpt-4o-mini (≈$0.000002 a probe, ≈$0.0005 a day at one per 5 min)',
	},
	blindSpots: [
		'remaining prepaid credit (no per-key balance endpoint)',
		'spend, unless an admin key (sk-admin-…) is configured',
		'whether /v1/models carries rate-limit headers (headroom comes from the 1-token request)',
	],
	extra: {
		probes: [probe('spend', 'free; needs an admin key (sk-admin-…): organization costs this month')],
		request(kind, ctx, base) {
			if (kind !== 'spend' || !ctx.adminSecret) return undefined;
			const start = Math.floor(monthStartUtc(Date.now()) / 1000);
			return getJson(joinUrl(base, `/organization/costs?start_time=${start}&bucket_width=1d&limit=31`), bearer(ctx.adminSecret));
		},
		credit(kind, exchange) {
			if ((kind !== 'spend' && kind !== 'any') || !isSuccess(exchange.status)) return undefined;
			return decodeOpenAiCosts(exchange.body);
		},
	},
});
