// Google Gemini (AI Studio, Generative Language API): providers.md §3. No rate-limit headers at all.
import { hex, secondsUntil, stableId } from '../formats.js';
import { estimateTokens, record, textOf } from '../http.js';
import { geminiEcho } from '../masks.js';
import { spendThen } from '../openai-like.js';
const service = 'generativelanguage.googleapis.com';
const defaultModel = 'gemini-2.0-flash-lite';
const contentType = 'application/json; charset=UTF-8';
const statusByCode = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    402: 'FAILED_PRECONDITION',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
};
/** google.rpc.Status: `{"error":{"code","message","status","details"}}`. */
function googleError(code, message, status, details) {
    const http = code === 402 ? 400 : code;
    const error = { code: http, message, status: status ?? statusByCode[code] ?? 'UNKNOWN' };
    if (details)
        error.details = details;
    return { status: http, json: { error }, contentType };
}
function errorInfo(reason, metadata) {
    return { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata: { service, ...metadata } };
}
const help = {
    '@type': 'type.googleapis.com/google.rpc.Help',
    links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }],
};
function modelOf(ctx) {
    return ctx.match?.[1] ?? defaultModel;
}
function methodName(ctx) {
    if (ctx.path.endsWith(':generateContent'))
        return 'google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent';
    if (ctx.path.endsWith(':countTokens'))
        return 'google.ai.generativelanguage.v1beta.GenerativeService.CountTokens';
    return 'google.ai.generativelanguage.v1beta.ModelService.ListModels';
}
function project(ctx) {
    return `projects/${String(parseInt(stableId(ctx.key, 8), 36)).padStart(12, '5').slice(0, 12)}`;
}
function keyInvalid(message) {
    return googleError(400, message, 'INVALID_ARGUMENT', [
        errorInfo('API_KEY_INVALID', {}),
        { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
    ]);
}
function scenario(b, ctx) {
    switch (b) {
        case 'quota':
            return googleError(429, 'Resource has been exhausted (e.g. check quota).');
        case 'billing':
            return googleError(400, 'User location is not supported for the API use without a billing account linked.', 'FAILED_PRECONDITION');
        case 'invalid':
            return keyInvalid('API key not valid. Please pass a valid API key.');
        case 'echo_key':
            return keyInvalid(`API key not valid: ${ctx.key}. Please pass a valid API key.`);
        case 'suspended':
            return googleError(403, `Permission denied: Consumer 'api_key:${geminiEcho(ctx.key)}' has been suspended.`, 'PERMISSION_DENIED', [
                errorInfo('CONSUMER_SUSPENDED', { consumer: project(ctx) }),
            ]);
        case 'permission':
            return googleError(403, `Requests to this API ${service} method ${methodName(ctx)} are blocked.`, 'PERMISSION_DENIED', [
                errorInfo('API_KEY_SERVICE_BLOCKED', { methodName: methodName(ctx), consumer: project(ctx), apiName: service }),
            ]);
        case 'model_access':
            return googleError(404, `models/${modelOf(ctx)} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`);
        case 'region':
            return googleError(400, 'User location is not supported for the API use.', 'FAILED_PRECONDITION');
        case 'content_policy':
            return {
                status: 200,
                contentType,
                json: {
                    promptFeedback: {
                        blockReason: 'SAFETY',
                        safetyRatings: [
                            { category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH' },
                            { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' },
                        ],
                    },
                    usageMetadata: { promptTokenCount: costsOf(ctx).input, totalTokenCount: costsOf(ctx).input },
                    modelVersion: modelOf(ctx),
                    responseId: hex(11),
                },
            };
        case 'overloaded':
            return googleError(503, 'The model is overloaded. Please try again later.');
        case 'outage':
            return googleError(500, 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting');
        default:
            return undefined;
    }
}
const quotas = {
    requests: { metric: `${service}/generate_content_free_tier_requests`, id: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier', perMinute: true },
    'input-tokens': {
        metric: `${service}/generate_content_free_tier_input_token_count`,
        id: 'GenerateContentInputTokensPerModelPerMinute-FreeTier',
        perMinute: true,
    },
    'requests-day': { metric: `${service}/generate_content_free_tier_requests`, id: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier', perMinute: false },
};
function exhausted(windowId, ctx) {
    const w = ctx.state.window(windowId, ctx.now);
    const q = quotas[windowId];
    const details = [
        {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [{ quotaMetric: q.metric, quotaId: q.id, quotaDimensions: { location: 'global', model: modelOf(ctx) }, quotaValue: String(w.limit) }],
        },
        help,
    ];
    if (q.perMinute)
        details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${secondsUntil(w.resetAt, ctx.now)}s` });
    return googleError(429, 'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.', 'RESOURCE_EXHAUSTED', details);
}
function costsOf(ctx) {
    const contents = record(ctx.body).contents;
    const list = Array.isArray(contents) ? contents : [];
    return { requests: 1, input: estimateTokens(textOf(list), list.length), output: 1 };
}
const models = ['gemini-2.0-flash-lite', 'gemini-2.0-flash', 'gemini-2.5-flash'].map(id => ({
    name: `models/${id}`,
    version: '001',
    displayName: id,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 8192,
    supportedGenerationMethods: ['generateContent', 'countTokens'],
    temperature: 1,
    topP: 0.95,
    topK: 40,
    maxTemperature: 2,
}));
export const gemini = {
    name: 'gemini',
    prefix: '/gemini/v1beta',
    windows: [
        { id: 'requests', unit: 'requests', limit: 15, period: { rollingMs: 60_000 } },
        { id: 'input-tokens', unit: 'input', limit: 250_000, period: { rollingMs: 60_000 } },
        { id: 'requests-day', unit: 'requests', limit: 1000, period: 'pacific-day' },
    ],
    limitedWindow: 'input-tokens',
    dailyWindow: 'requests-day',
    requestIdHeader: 'x-request-id',
    newRequestId: () => hex(8),
    credential(headers, url) {
        const header = headers['x-goog-api-key'];
        if (typeof header === 'string' && header.trim())
            return header.trim();
        return url.searchParams.get('key')?.trim() || undefined;
    },
    missingCredential: () => googleError(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.", 'PERMISSION_DENIED'),
    scenario,
    error: (status, message) => googleError(status, message),
    exhausted,
    rateHeaders: () => ({}),
    notFound: () => ({ status: 404, raw: '<!DOCTYPE html>\n<html lang=en><title>Error 404 (Not Found)!!1</title><p><b>404.</b> That’s an error.', contentType: 'text/html; charset=UTF-8' }),
    routes: [
        { method: 'GET', path: /^\/models$/, probe: 'validity', handle: () => ({ status: 200, json: { models }, contentType }) },
        {
            method: 'GET',
            path: /^\/models\/([^/:]+)$/,
            probe: 'validity',
            handle: ctx => {
                const found = models.find(m => m.name === `models/${modelOf(ctx)}`);
                return found ? { status: 200, json: found, contentType } : googleError(404, `models/${modelOf(ctx)} is not found for API version v1beta`);
            },
        },
        {
            method: 'POST',
            path: /^\/models\/([^/:]+):countTokens$/,
            probe: 'validity',
            handle: ctx => ({ status: 200, json: { totalTokens: costsOf(ctx).input }, contentType }),
        },
        {
            method: 'POST',
            path: /^\/models\/([^/:]+):generateContent$/,
            probe: 'headroom',
            handle(ctx) {
                if (!Array.isArray(record(ctx.body).contents)) {
                    return googleError(400, '* GenerateContentRequest.contents: contents is not specified\n');
                }
                const costs = costsOf(ctx);
                return spendThen(ctx, costs, () => ({
                    status: 200,
                    contentType,
                    json: {
                        candidates: [{ content: { parts: [{ text: 'H' }], role: 'model' }, finishReason: 'MAX_TOKENS', index: 0 }],
                        usageMetadata: {
                            promptTokenCount: costs.input,
                            candidatesTokenCount: costs.output,
                            totalTokenCount: costs.input + costs.output,
                            promptTokensDetails: [{ modality: 'TEXT', tokenCount: costs.input }],
                        },
                        modelVersion: modelOf(ctx),
                        responseId: hex(11),
                    },
                }));
            },
        },
    ],
};
