import { hex } from './formats.js';
import { estimateTokens, json, record, str, textOf } from './http.js';
/** `Authorization: Bearer <key>`; anything else counts as no key. */
export function bearer(headers) {
    const value = headers.authorization;
    if (typeof value !== 'string')
        return undefined;
    const match = /^Bearer\s+(.*)$/i.exec(value.trim());
    return match?.[1]?.trim() || undefined;
}
/** `{"error": {"message", "type", "param", "code"}}`, the shape every OpenAI-compatible API copies. */
export function openaiError(status, message, type, code, extra = {}) {
    return json(status, { error: { message, type, param: null, code } }, extra);
}
/** Model, prompt size and max tokens of an OpenAI-style chat request, or the 400 a real API gives. */
export function chatRequest(ctx, defaultModel) {
    const body = record(ctx.body);
    const model = str(body.model) ?? defaultModel;
    if (!model)
        return openaiError(400, 'you must provide a model parameter', 'invalid_request_error', null);
    const messages = Array.isArray(body.messages) ? body.messages : undefined;
    if (!messages)
        return openaiError(400, "Missing required parameter: 'messages'.", 'invalid_request_error', 'missing_required_parameter');
    const max = Number(body.max_completion_tokens ?? body.max_tokens ?? 16);
    const maxTokens = Number.isFinite(max) && max > 0 ? Math.floor(max) : 16;
    const input = estimateTokens(textOf(messages), messages.length);
    return { model, maxTokens, costs: { requests: 1, input, output: Math.min(1, maxTokens) } };
}
export function isAnswer(value) {
    return 'status' in value;
}
/** A one-token chat completion with its `usage`. */
export function chatCompletion(ctx, request, idPrefix = 'chatcmpl-') {
    const { input, output } = request.costs;
    return {
        id: `${idPrefix}${hex(12)}`,
        object: 'chat.completion',
        created: Math.floor(ctx.now / 1000),
        model: request.model,
        choices: [
            {
                index: 0,
                message: { role: 'assistant', content: 'H', refusal: null },
                logprobs: null,
                finish_reason: 'length',
            },
        ],
        usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
        system_fingerprint: `fp_${hex(5)}`,
    };
}
export function modelList(ids, ownedBy, extra = {}) {
    return {
        object: 'list',
        data: ids.map(id => ({ id, object: 'model', created: 1_721_172_741, owned_by: ownedBy, ...extra })),
    };
}
/** Spend from the key's windows; on success the answer gets the provider's rate-limit headers. */
export function spendThen(ctx, costs, ok) {
    const result = ctx.state.consume(costs, ctx.now);
    const answer = result.ok ? ok() : ctx.module.exhausted(result.window.id, ctx, costs);
    if (result.ok)
        ctx.state.spentUsd += (costs.input + costs.output) * 0.000_001;
    return { ...answer, headers: { ...ctx.module.rateHeaders(ctx, result.ok ? costs : undefined), ...answer.headers } };
}
export function modelOf(ctx, fallback) {
    return str(record(ctx.body).model) ?? fallback;
}
