import {getHeader, parseCount, parseResetDelay} from '../parse/index.js';
import type {Credit, Exchange, LimitKind, RateWindow, WindowPeriod} from '../types.js';
import {createOpenAiStyleAdapter} from './openai-style.js';
import {periodWords} from './shared.js';
import {after, makeWindow, present} from './windows.js';

// Mistral names its headers by window: `x-ratelimit-{limit,remaining}-{req,tokens}-{minute,month}`.
// Resets are not in captures; third-party parsers read `x-ratelimit-reset-<suffix>` as relative seconds.
const suffixes: Array<{suffix: string; limitKind: LimitKind; period: WindowPeriod}> = [
	{suffix: 'req-minute', limitKind: 'requests', period: 'minute'},
	{suffix: 'tokens-minute', limitKind: 'tokens', period: 'minute'},
	{suffix: 'req-month', limitKind: 'requests', period: 'month'},
	{suffix: 'tokens-month', limitKind: 'tokens', period: 'month'},
];

export function mistralWindows(headers: Exchange['headers'], now: number): RateWindow[] {
	return present(
		suffixes.map(({suffix, limitKind, period}) =>
			makeWindow({
				id: suffix,
				limitKind,
				period,
				limit: parseCount(getHeader(headers, `x-ratelimit-limit-${suffix}`)),
				remaining: parseCount(getHeader(headers, `x-ratelimit-remaining-${suffix}`)),
				resetAt: after(now, parseResetDelay(getHeader(headers, `x-ratelimit-reset-${suffix}`))),
				source: 'headers',
			}),
		),
	);
}

/** The monthly token quota is Mistral's money: at 0 every request fails until the month turns. */
export function mistralMonthlyTokens(headers: Exchange['headers']): Credit | undefined {
	const limit = parseCount(getHeader(headers, 'x-ratelimit-limit-tokens-month'));
	const remaining = parseCount(getHeader(headers, 'x-ratelimit-remaining-tokens-month'));
	if (limit === undefined && remaining === undefined) return undefined;
	const credit: Credit = {currency: 'tokens', source: 'headers', label: 'monthly tokens'};
	if (limit !== undefined) credit.limit = limit;
	if (remaining !== undefined) credit.remaining = limit === undefined ? remaining : Math.min(remaining, limit);
	if (limit !== undefined && remaining !== undefined) credit.used = Math.max(0, limit - remaining);
	return credit;
}

export const mistral = createOpenAiStyleAdapter({
	id: 'mistral',
	label: 'Mistral',
	defaultBaseUrl: 'https://api.mistral.ai/v1',
	envVars: ['MISTRAL_API_KEY'],
	periods: {requests: 'minute', tokens: 'minute'},
	headroomModel: 'ministral-3b-latest',
	costs: {
		validity: 'free: lists models',
		headroom: '≈10 tokens on ministral-3b-latest (≈$0.0000004 a probe; counts against the monthly token quota)',
	},
	windows: mistralWindows,
	headerReads: suffixes.map(({suffix, limitKind, period}) => `x-ratelimit-{limit,remaining,reset}-${suffix}: ${limitKind} ${periodWords(period)}`),
	moreReads: ['the monthly token quota (tokens-month) as the key’s credit: at 0 every request fails until the month turns'],
	extra: {
		probes: [],
		request: () => undefined,
		credit: (_kind, exchange) => mistralMonthlyTokens(exchange.headers),
	},
	blindSpots: ['money balance or spend (no billing API)', 'a bad key and an exhausted plan give the same 401'],
});
