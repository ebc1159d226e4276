import {z} from 'zod';
import {parseAmount} from '../parse/index.js';
import type {Balance, Credit, KeyFlag} from '../types.js';
import {parseJson} from './body.js';
import {createOpenAiStyleAdapter} from './openai-style.js';
import {bearer, getJson, isSuccess, joinUrl, probe} from './shared.js';

const balanceBody = z.object({
	is_available: z.boolean().optional(),
	balance_infos: z.array(
		z.object({
			currency: z.string().min(1).max(8),
			total_balance: z.unknown(),
			granted_balance: z.unknown().optional(),
			topped_up_balance: z.unknown().optional(),
		}),
	),
});

type BalanceBody = z.infer<typeof balanceBody>;

/** The `GET /user/balance` body, decoded once; undefined when it is not one. */
export function parseDeepSeekBalance(text: string): BalanceBody | undefined {
	const parsed = balanceBody.safeParse(parseJson(text));
	return parsed.success ? parsed.data : undefined;
}

/** Every currency with a readable amount, at most 20. */
function balancesOf(body: BalanceBody): Balance[] {
	const balances: Balance[] = [];
	for (const info of body.balance_infos.slice(0, 20)) {
		const remaining = parseAmount(info.total_balance);
		if (remaining === undefined) continue;
		const balance: Balance = {currency: info.currency.toUpperCase(), remaining};
		const granted = parseAmount(info.granted_balance);
		const toppedUp = parseAmount(info.topped_up_balance);
		if (granted !== undefined) balance.granted = granted;
		if (toppedUp !== undefined) balance.toppedUp = toppedUp;
		balances.push(balance);
	}
	return balances;
}

/**
 * The decoded balance as credit: amounts are strings, one entry per currency. Every readable entry is kept;
 * the primary (the row's figure) is USD when there is one, else the first.
 */
export function deepSeekBalanceCredit(body: BalanceBody | undefined): Credit | undefined {
	if (!body) return undefined;
	const balances = balancesOf(body);
	const primary = balances.find(b => b.currency === 'USD') ?? balances[0];
	if (!primary) return undefined;
	const label = body.is_available === false ? 'balance (not usable for calls)' : 'balance';
	const credit: Credit = {remaining: primary.remaining, currency: primary.currency, source: 'endpoint', label, scope: 'account'};
	if (balances.length > 1) credit.balances = balances;
	return credit;
}

/** `GET /user/balance` as credit (see `deepSeekBalanceCredit`). */
export function decodeDeepSeekBalance(text: string): Credit | undefined {
	return deepSeekBalanceCredit(parseDeepSeekBalance(text));
}

/**
 * From the decoded balance: `is_available: false` means the balance cannot pay for calls (providers.md §7),
 * and nothing left in any currency means the same: calls get 402 "Insufficient Balance" either way.
 */
export function deepSeekBalanceFlags(body: BalanceBody | undefined): KeyFlag[] {
	if (!body) return [];
	if (body.is_available === false) return ['balance_unusable'];
	const amounts = body.balance_infos.map(info => parseAmount(info.total_balance)).filter((n): n is number => n !== undefined);
	return amounts.length > 0 && amounts.every(n => n <= 0) ? ['balance_empty'] : [];
}

// DeepSeek sends no rate-limit headers, so there is no headroom probe: spending tokens would show nothing.
export const deepseek = createOpenAiStyleAdapter({
	id: 'deepseek',
	label: 'DeepSeek',
	defaultBaseUrl: 'https://api.deepseek.com',
	envVars: ['DEEPSEEK_API_KEY'],
	periods: {requests: 'unknown', tokens: 'unknown'},
	headerReads: ['no rate-limit headers (DeepSeek sends none)'],
	moreReads: ['GET /user/balance: is_available and, per currency, total_balance, granted_balance, topped_up_balance (decimal strings)'],
	costs: {validity: 'free: lists models'},
	extra: {
		probes: [probe('balance', 'free: account balance per currency')],
		request: (kind, ctx, base) => (kind === 'balance' ? getJson(joinUrl(base, '/user/balance'), bearer(ctx.secret)) : undefined),
		read(kind, exchange) {
			if ((kind !== 'balance' && kind !== 'any') || !isSuccess(exchange.status)) return {};
			const body = parseDeepSeekBalance(exchange.body);
			return {credit: deepSeekBalanceCredit(body), flags: kind === 'balance' ? deepSeekBalanceFlags(body) : []};
		},
	},
	blindSpots: ['rate-limit headroom (DeepSeek sends no rate-limit headers and publishes no rate limits)'],
});
