// Mistral: providers.md §6. Per-minute and per-month windows; limits and remaining only, no reset headers.
import { hex } from '../formats.js';
import { json } from '../http.js';
import { bearer, chatCompletion, chatRequest, isAnswer, modelList, spendThen } from '../openai-like.js';
function mistralError(status, message, type, code) {
    return json(status, { object: 'error', message, type, param: null, code });
}
// FastAPI's answer, identical for a bad key and for a plan whose quota is used up (§6.2).
const unauthorized = () => json(401, { detail: 'Unauthorized' });
function scenario(b, ctx) {
    switch (b) {
        case 'invalid':
        case 'quota':
            return unauthorized();
        case 'echo_key':
            return json(401, { detail: `Unauthorized: ${ctx.key}` });
        case 'model_access':
            return mistralError(400, 'Invalid model: ' + String(ctx.body?.model ?? 'mistral-small-latest'), 'invalid_model', '1500');
        case 'overloaded':
            return mistralError(503, 'Service unavailable', 'service_unavailable', '3505');
        case 'outage':
            return mistralError(500, 'Internal server error', 'internal_server_error', '3000');
        default:
            return undefined;
    }
}
function rateHeaders(ctx, costs) {
    const req = ctx.state.window('req-minute', ctx.now);
    const tok = ctx.state.window('tokens-minute', ctx.now);
    const month = ctx.state.window('tokens-month', ctx.now);
    const out = {
        'x-ratelimit-limit-req-minute': String(req.limit),
        'x-ratelimit-remaining-req-minute': String(req.remaining),
        'x-ratelimit-limit-tokens-minute': String(tok.limit),
        'x-ratelimit-remaining-tokens-minute': String(tok.remaining),
        'x-ratelimit-limit-tokens-month': String(month.limit),
        'x-ratelimit-remaining-tokens-month': String(month.remaining),
    };
    if (costs)
        out['x-ratelimit-tokens-query-cost'] = String(costs.input + costs.output);
    return out;
}
export const mistral = {
    name: 'mistral',
    prefix: '/mistral/v1',
    windows: [
        { id: 'req-minute', unit: 'requests', limit: 720, period: { rollingMs: 60_000 } },
        { id: 'tokens-minute', unit: 'tokens', limit: 5_000_000, period: { rollingMs: 60_000 } },
        { id: 'tokens-month', unit: 'tokens', limit: 1_000_000_000, period: 'utc-month' },
    ],
    limitedWindow: 'req-minute',
    // Mistral has no daily cap; its long window is the month (a used-up month answers 429 on every call).
    dailyWindow: 'tokens-month',
    requestIdHeader: 'x-request-id',
    newRequestId: () => hex(16),
    credential: headers => bearer(headers),
    missingCredential: unauthorized,
    scenario,
    error: (status, message) => mistralError(status, message, status >= 500 ? 'internal_server_error' : 'invalid_request_error', null),
    exhausted: () => mistralError(429, 'Rate limit exceeded', 'rate_limited', '1300'),
    rateHeaders,
    notFound: () => json(404, { detail: 'Not Found' }),
    routes: [
        {
            method: 'GET',
            path: /^\/models$/,
            probe: 'validity',
            handle: () => json(200, modelList(['mistral-small-latest', 'mistral-large-latest', 'codestral-latest'], 'mistralai')),
        },
        {
            method: 'POST',
            path: /^\/chat\/completions$/,
            probe: 'headroom',
            handle(ctx) {
                const request = chatRequest(ctx);
                if (isAnswer(request))
                    return mistralError(422, 'Invalid request', 'invalid_request_error', null);
                return spendThen(ctx, request.costs, () => json(200, chatCompletion(ctx, request, '')));
            },
        },
    ],
};
