// Azure OpenAI: providers.md §9. `api-key` header, `?api-version=` required, remaining-only headers.
import { secondsUntil, uuid } from '../formats.js';
import { json } from '../http.js';
import { chatCompletion, chatRequest, isAnswer, openaiError, spendThen } from '../openai-like.js';
/** `{"error":{"code":"<string>","message"}}`: Azure's code is a string. */
function azureError(status, message, code = String(status)) {
    return json(status, { error: { code, message } });
}
const badKey = 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';
function apiVersion(ctx) {
    return ctx.url.searchParams.get('api-version') ?? undefined;
}
function scenario(b, ctx) {
    switch (b) {
        case 'invalid':
            return azureError(401, badKey);
        case 'echo_key':
            return azureError(401, `Access denied due to invalid subscription key ${ctx.key}.`);
        case 'model_access':
            return azureError(404, 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.', 'DeploymentNotFound');
        case 'content_policy':
            return json(400, {
                error: {
                    message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
                    type: null,
                    param: 'prompt',
                    code: 'content_filter',
                    status: 400,
                    innererror: {
                        code: 'ResponsibleAIPolicyViolation',
                        content_filter_result: { hate: { filtered: true, severity: 'high' }, self_harm: { filtered: false, severity: 'safe' } },
                    },
                },
            });
        case 'overloaded':
            return {
                ...azureError(429, 'The system is currently experiencing high demand and cannot process your request. Your request exceeds the maximum usage size allowed during peak load. Please retry after 20 seconds. For improved latency reliability, consider switching to Provisioned Throughput.'),
                headers: { 'retry-after': '20' },
            };
        case 'outage':
            return azureError(500, 'The server had an error while processing your request. Sorry about that!', 'InternalServerError');
        default:
            return undefined;
    }
}
function exhausted(windowId, ctx) {
    const w = ctx.state.window(windowId, ctx.now);
    const seconds = secondsUntil(w.resetAt, ctx.now);
    const kind = windowId === 'tokens' ? 'token rate limit' : 'call rate limit';
    const answer = azureError(429, `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${apiVersion(ctx) ?? ''} have exceeded ${kind} of your current OpenAI S0 pricing tier. Please retry after ${seconds} seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`);
    return { ...answer, headers: { 'retry-after': String(seconds), 'retry-after-ms': String(seconds * 1000) } };
}
function needsVersion(ctx) {
    return apiVersion(ctx) ? undefined : azureError(404, 'Resource not found');
}
export const azure = {
    name: 'azure_openai',
    prefix: '/azure',
    windows: [
        { id: 'requests', unit: 'requests', limit: 180, period: { rollingMs: 60_000 } },
        { id: 'tokens', unit: 'tokens', limit: 30_000, period: { rollingMs: 60_000 } },
    ],
    limitedWindow: 'tokens',
    requestIdHeader: 'apim-request-id',
    newRequestId: () => uuid(),
    credential(headers) {
        const key = headers['api-key'];
        if (typeof key === 'string' && key.trim())
            return key.trim();
        const auth = headers.authorization;
        return typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth.trim())?.[1] : undefined;
    },
    missingCredential: () => azureError(401, 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.'),
    scenario,
    error: (status, message) => azureError(status, message),
    exhausted,
    rateHeaders(ctx) {
        return {
            'x-ratelimit-remaining-requests': String(ctx.state.window('requests', ctx.now).remaining),
            'x-ratelimit-remaining-tokens': String(ctx.state.window('tokens', ctx.now).remaining),
        };
    },
    notFound: () => azureError(404, 'Resource not found'),
    commonHeaders(ctx) {
        const client = ctx.headers['x-ms-client-request-id'];
        return { 'x-request-id': uuid(), 'x-ms-region': 'East US', ...(typeof client === 'string' ? { 'x-ms-client-request-id': client } : {}) };
    },
    routes: [
        {
            method: 'GET',
            path: /^\/openai\/models$/,
            probe: 'validity',
            handle: ctx => needsVersion(ctx) ??
                json(200, {
                    data: ['gpt-4o-mini', 'gpt-4o'].map(id => ({ id, object: 'model', status: 'succeeded', lifecycle_status: 'generally-available', created_at: 1_721_172_741 })),
                    object: 'list',
                }),
        },
        {
            method: 'POST',
            path: /^\/openai\/deployments\/([^/]+)\/chat\/completions$/,
            probe: 'headroom',
            handle(ctx) {
                const missing = needsVersion(ctx);
                if (missing)
                    return missing;
                const request = chatRequest(ctx, ctx.match?.[1]);
                if (isAnswer(request))
                    return openaiError(400, "'messages' is a required property", 'invalid_request_error', null);
                return spendThen(ctx, request.costs, () => json(200, { ...chatCompletion(ctx, request), prompt_filter_results: [] }));
            },
        },
    ],
};
