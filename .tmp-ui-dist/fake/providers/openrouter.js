// OpenRouter: providers.md §4. Key info and credits endpoints; X-RateLimit-* with an epoch-ms reset.
import { base62Id, secondsUntil, stableId } from '../formats.js';
import { json } from '../http.js';
import { openrouterLabel } from '../masks.js';
import { bearer, chatCompletion, chatRequest, isAnswer, modelList, modelOf, spendThen } from '../openai-like.js';
/** `{"error":{"message","code":<number>}}`; HTTP status equals `code` for request and credit errors. */
function orError(status, message, metadata, top = {}) {
    const error = { message, code: status };
    if (metadata)
        error.metadata = metadata;
    return json(status, { error, ...top });
}
function userId(ctx) {
    return `user_${stableId(ctx.key, 27)}`;
}
const keyLimit = 10;
const accountCredits = 100.5;
/** Spent against the key's limit, in USD: where the scenario starts plus what the probes spent. */
function keyUsage(ctx) {
    const base = ctx.scenario === 'quota' ? keyLimit : ctx.scenario === 'low' ? 9.5 : 2.5;
    return Math.round((base + ctx.state.spentUsd) * 1e6) / 1e6;
}
function scenario(b, ctx) {
    const model = modelOf(ctx, 'meta-llama/llama-3.3-70b-instruct:free');
    switch (b) {
        case 'quota':
            return orError(402, 'Insufficient credits. Add more using https://openrouter.ai/settings/credits');
        case 'billing': {
            // The key's own limit, doubly nested as clients have logged it (§4.3, fixtures).
            const inner = {
                message: 'More credits are required to run this request. 128000 token capacity required, 19484 available. To increase, visit https://openrouter.ai/settings/keys and create a key with a higher limit',
                code: 402,
            };
            return json(402, { error: { error: inner, code: 402 } });
        }
        case 'invalid':
            return orError(401, 'User not found.');
        case 'echo_key':
            return orError(401, `User not found for key ${ctx.key}.`);
        case 'model_access':
            return orError(400, `${model} is not a valid model ID`);
        case 'content_policy':
            return orError(403, `${model} requires moderation on OpenRouter. Your input was flagged for "harassment". No credits were charged.`, {
                reasons: ['harassment'],
                flagged_input: 'H...',
                provider_name: 'OpenAI',
                model_slug: model,
            });
        case 'overloaded':
            return {
                ...orError(429, 'Provider returned error', {
                    raw: `${model} is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits: https://openrouter.ai/settings/integrations`,
                    provider_name: 'Venice',
                    is_byok: false,
                    retry_after_seconds: 17,
                    retry_after_seconds_raw: 16.007,
                    headers: { 'Retry-After': '17' },
                }, { user_id: userId(ctx) }),
                headers: { 'Retry-After': '17' },
            };
        case 'outage':
            return orError(500, 'Internal Server Error');
        default:
            return undefined;
    }
}
function limitHeaders(ctx, windowId) {
    const w = ctx.state.window(windowId, ctx.now);
    return { 'X-RateLimit-Limit': String(w.limit), 'X-RateLimit-Remaining': String(w.remaining), 'X-RateLimit-Reset': String(w.resetAt) };
}
function exhausted(windowId, ctx) {
    const w = ctx.state.window(windowId, ctx.now);
    const daily = windowId === 'free-day';
    const message = daily
        ? 'Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day'
        : 'Rate limit exceeded: free-models-per-min. ';
    const answer = orError(429, message, { headers: limitHeaders(ctx, windowId), provider_name: null }, { user_id: userId(ctx) });
    return daily ? answer : { ...answer, headers: { 'Retry-After': String(secondsUntil(w.resetAt, ctx.now)) } };
}
function keyInfo(ctx) {
    const usage = keyUsage(ctx);
    return json(200, {
        data: {
            label: openrouterLabel(ctx.key),
            limit: keyLimit,
            limit_remaining: Math.max(0, Math.round((keyLimit - usage) * 1e6) / 1e6),
            limit_reset: 'monthly',
            include_byok_in_limit: false,
            usage,
            usage_daily: Math.round(usage * 0.1 * 1e6) / 1e6,
            usage_weekly: Math.round(usage * 0.4 * 1e6) / 1e6,
            usage_monthly: usage,
            byok_usage: 0,
            byok_usage_daily: 0,
            byok_usage_weekly: 0,
            byok_usage_monthly: 0,
            is_free_tier: false,
            is_management_key: false,
            is_provisioning_key: false,
            creator_user_id: userId(ctx),
            expires_at: null,
            rate_limit: { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' },
        },
    });
}
export const openrouter = {
    name: 'openrouter',
    prefix: '/openrouter/api/v1',
    windows: [
        { id: 'minute', unit: 'requests', limit: 20, period: { rollingMs: 60_000 } },
        { id: 'free-day', unit: 'requests', limit: 50, period: 'utc-day' },
    ],
    limitedWindow: 'minute',
    dailyWindow: 'free-day',
    requestIdHeader: 'x-request-id',
    newRequestId: () => `gen-${Math.floor(Date.now() / 1000)}-${base62Id(20)}`,
    credential: headers => bearer(headers),
    missingCredential: () => orError(401, 'No auth credentials found'),
    scenario,
    error: (status, message) => orError(status, message),
    exhausted,
    rateHeaders: ctx => limitHeaders(ctx, 'minute'),
    notFound: () => orError(404, 'Not Found'),
    routes: [
        { method: 'GET', path: /^\/(?:auth\/)?key$/, probe: 'balance', handle: keyInfo },
        {
            method: 'GET',
            path: /^\/credits$/,
            probe: 'balance',
            // The real endpoint wants a management key; the fake answers any key so one demo key shows both.
            handle: ctx => {
                const used = ctx.scenario === 'quota' ? accountCredits : ctx.scenario === 'low' ? 95.5 : 25.75;
                return json(200, { data: { total_credits: accountCredits, total_usage: Math.round((used + ctx.state.spentUsd) * 1e6) / 1e6 } });
            },
        },
        {
            method: 'GET',
            path: /^\/models$/,
            probe: 'public',
            handle: () => json(200, { data: modelList(['meta-llama/llama-3.3-70b-instruct:free', 'openai/gpt-4o-mini'], 'openrouter').data }),
        },
        {
            method: 'POST',
            path: /^\/chat\/completions$/,
            probe: 'headroom',
            handle(ctx) {
                const request = chatRequest(ctx);
                if (isAnswer(request))
                    return orError(400, 'Input required: specify "prompt" or "messages"');
                const cost = request.model.endsWith(':free') ? 0 : (request.costs.input + request.costs.output) * 0.000_001;
                return spendThen(ctx, request.costs, () => {
                    const body = chatCompletion(ctx, request, 'gen-');
                    return json(200, { ...body, provider: 'Venice', usage: { ...body.usage, cost } });
                });
            },
        },
    ],
};
