import { z } from 'zod';
import { parseAmount } from '../parse/index.js';
import { parseJson } from './body.js';
import { createOpenAiStyleAdapter } from './openai-style.js';
import { bearer, getJson, isSuccess, joinUrl, probe } from './shared.js';
const balanceBody = z.object({
    is_available: z.boolean().optional(),
    balance_infos: z.array(z.object({
        currency: z.string().min(1).max(8),
        total_balance: z.unknown(),
        granted_balance: z.unknown().optional(),
        topped_up_balance: z.unknown().optional(),
    })),
});
/** `GET /user/balance`: amounts are strings, one entry per currency; the first readable one is shown. */
export function decodeDeepSeekBalance(text) {
    const parsed = balanceBody.safeParse(parseJson(text));
    if (!parsed.success)
        return undefined;
    for (const info of parsed.data.balance_infos) {
        const remaining = parseAmount(info.total_balance);
        if (remaining === undefined)
            continue;
        const label = parsed.data.is_available === false ? 'balance (not usable for calls)' : 'balance';
        return { remaining, currency: info.currency.toUpperCase(), source: 'endpoint', label };
    }
    return undefined;
}
// DeepSeek sends no rate-limit headers, so there is no headroom probe: spending tokens would show nothing.
export const deepseek = createOpenAiStyleAdapter({
    id: 'deepseek',
    label: 'DeepSeek',
    defaultBaseUrl: 'https://api.deepseek.com',
    envVars: ['DEEPSEEK_API_KEY'],
    periods: { requests: 'unknown', tokens: 'unknown' },
    costs: { validity: 'free: lists models' },
    extra: {
        probes: [probe('balance', 'free: account balance per currency')],
        request: (kind, ctx, base) => (kind === 'balance' ? getJson(joinUrl(base, '/user/balance'), bearer(ctx.secret)) : undefined),
        credit: (kind, exchange) => ((kind === 'balance' || kind === 'any') && isSuccess(exchange.status) ? decodeDeepSeekBalance(exchange.body) : undefined),
    },
    blindSpots: ['rate-limit headroom (DeepSeek sends no rate-limit headers)'],
});
