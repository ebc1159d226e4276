// Anthropic cost report, admin keys only (`sk-ant-admin…`): providers.md §2.3.
import { json } from '../http.js';
import { clampLimit, dailySpendUsd, dayBuckets } from '../spend.js';
import { anthropicError } from './anthropic-error.js';
export function anthropicSpendRoutes() {
    return [
        {
            method: 'GET',
            path: /^\/v1\/organizations\/cost_report$/,
            probe: 'spend',
            handle(ctx) {
                if (!ctx.key.startsWith('sk-ant-admin'))
                    return anthropicError(ctx, 401, 'authentication_error', 'invalid x-api-key');
                const q = ctx.url.searchParams;
                const start = Date.parse(q.get('starting_at') ?? '');
                if (Number.isNaN(start))
                    return anthropicError(ctx, 400, 'invalid_request_error', 'starting_at: Field required');
                const endRaw = q.get('ending_at');
                const end = endRaw ? Date.parse(endRaw) : undefined;
                const { buckets, nextPage } = dayBuckets(start, end !== undefined && !Number.isNaN(end) ? end : undefined, ctx.now, clampLimit(q.get('limit'), 7, 31), q.get('page') ?? undefined);
                const daily = dailySpendUsd(ctx.scenario);
                return json(200, {
                    data: buckets.map(b => ({
                        starting_at: new Date(b.start).toISOString().replace(/\.000Z$/, 'Z'),
                        ending_at: new Date(b.end).toISOString().replace(/\.000Z$/, 'Z'),
                        results: [
                            {
                                // Cents, as a decimal string: "123.45" USD is $1.23.
                                currency: 'USD',
                                amount: (Math.round(daily * b.fraction * 10_000) / 100).toFixed(2),
                                workspace_id: null,
                                description: null,
                                cost_type: null,
                                context_window: null,
                                model: null,
                                service_tier: null,
                                token_type: null,
                            },
                        ],
                    })),
                    has_more: nextPage !== null,
                    next_page: nextPage,
                });
            },
        },
    ];
}
