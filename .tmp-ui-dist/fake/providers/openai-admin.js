// OpenAI organisation costs and usage, admin keys only (`sk-admin-…`): providers.md §1.3.
import { json } from '../http.js';
import { openaiError } from '../openai-like.js';
import { clampLimit, dailySpendUsd, dayBuckets } from '../spend.js';
function notAdmin() {
    return openaiError(401, "You have insufficient permissions for this operation. Missing scopes: api.usage.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.", 'invalid_request_error', null);
}
function page(ctx, result) {
    if (!ctx.key.startsWith('sk-admin-'))
        return notAdmin();
    const q = ctx.url.searchParams;
    const start = Number(q.get('start_time'));
    if (!q.has('start_time') || !Number.isFinite(start)) {
        return openaiError(400, "Missing required parameter: 'start_time'.", 'invalid_request_error', 'missing_required_parameter');
    }
    const end = q.has('end_time') ? Number(q.get('end_time')) * 1000 : undefined;
    const { buckets, nextPage } = dayBuckets(start * 1000, end, ctx.now, clampLimit(q.get('limit'), 7, 180), q.get('page') ?? undefined);
    return json(200, {
        object: 'page',
        data: buckets.map(b => ({
            object: 'bucket',
            start_time: b.start / 1000,
            end_time: b.end / 1000,
            results: [result(b.fraction)],
        })),
        has_more: nextPage !== null,
        next_page: nextPage,
    });
}
export function openaiSpendRoutes() {
    return [
        {
            method: 'GET',
            path: /^\/organization\/costs$/,
            probe: 'spend',
            handle: ctx => page(ctx, fraction => ({
                object: 'organization.costs.result',
                amount: { value: Math.round(dailySpendUsd(ctx.scenario) * fraction * 100) / 100, currency: 'usd' },
                line_item: null,
                project_id: null,
            })),
        },
        {
            method: 'GET',
            path: /^\/organization\/usage\/completions$/,
            probe: 'spend',
            handle: ctx => page(ctx, fraction => {
                const requests = Math.round(1200 * fraction);
                return {
                    object: 'organization.usage.completions.result',
                    input_tokens: requests * 900,
                    output_tokens: requests * 150,
                    input_cached_tokens: requests * 100,
                    input_audio_tokens: 0,
                    output_audio_tokens: 0,
                    num_model_requests: requests,
                    project_id: null,
                    user_id: null,
                    api_key_id: null,
                    model: null,
                    batch: null,
                };
            }),
        },
    ];
}
