import type {IncomingHttpHeaders} from 'node:http';
import {goDuration, hex} from './formats.js';
import type {WindowView} from './state.js';
import {estimateTokens, json, record, str, textOf, wantsStream} from './http.js';
import type {Answer, Costs, FakeContext, Route} from './types.js';

/** `Authorization: Bearer <key>`; anything else counts as no key. */
export function bearer(headers: IncomingHttpHeaders): string | undefined {
	const value = headers.authorization;
	if (typeof value !== 'string') return undefined;
	const match = /^Bearer\s+(.*)$/i.exec(value.trim());
	return match?.[1]?.trim() || undefined;
}

/** `{"error": {"message", "type", "param", "code"}}`, the shape every OpenAI-compatible API copies. */
export function openaiError(
	status: number,
	message: string,
	type: string | null,
	code: string | null,
	extra: Record<string, string> = {},
): Answer {
	return json(status, {error: {message, type, param: null, code}}, extra);
}

export type ChatRequest = {model: string; costs: Costs; maxTokens: number};

/** Model, prompt size and max tokens of an OpenAI-style chat request, or the 400 a real API gives. */
export function chatRequest(ctx: FakeContext, defaultModel?: string): ChatRequest | Answer {
	const body = record(ctx.body);
	const model = str(body.model) ?? defaultModel;
	if (!model) return openaiError(400, 'you must provide a model parameter', 'invalid_request_error', null);
	const messages = Array.isArray(body.messages) ? body.messages : undefined;
	if (!messages) return openaiError(400, "Missing required parameter: 'messages'.", 'invalid_request_error', 'missing_required_parameter');
	const max = Number(body.max_completion_tokens ?? body.max_tokens ?? 16);
	const maxTokens = Number.isFinite(max) && max > 0 ? Math.floor(max) : 16;
	const input = estimateTokens(textOf(messages), messages.length);
	return {model, maxTokens, costs: {requests: 1, input, output: Math.min(1, maxTokens)}};
}

export function isAnswer(value: ChatRequest | Answer): value is Answer {
	return 'status' in value;
}

/** A one-token chat completion with its `usage`. */
export function chatCompletion(ctx: FakeContext, request: ChatRequest, idPrefix = 'chatcmpl-'): Record<string, unknown> {
	const {input, output} = request.costs;
	return {
		id: `${idPrefix}${hex(12)}`,
		object: 'chat.completion',
		created: Math.floor(ctx.now / 1000),
		model: request.model,
		choices: [
			{
				index: 0,
				message: {role: 'assistant', content: 'H', refusal: null},
				logprobs: null,
				finish_reason: 'length',
			},
		],
		usage: {prompt_tokens: input, completion_tokens: output, total_tokens: input + output},
		system_fingerprint: `fp_${hex(5)}`,
	};
}

export function modelList(ids: readonly string[], ownedBy: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		object: 'list',
		data: ids.map(id => ({id, object: 'model', created: 1_721_172_741, owned_by: ownedBy, ...extra})),
	};
}

/** Spend from the key's windows; on success the answer gets the provider's rate-limit headers. */
export function spendThen(ctx: FakeContext, costs: Costs, ok: () => Answer): Answer {
	const result = ctx.state.consume(costs, ctx.now);
	const answer = result.ok ? ok() : ctx.module.exhausted(result.window.id, ctx, costs);
	if (result.ok) ctx.state.spentUsd += (costs.input + costs.output) * 0.000_001;
	return {...answer, headers: {...ctx.module.rateHeaders(ctx, result.ok ? costs : undefined), ...answer.headers}};
}

export function modelOf(ctx: FakeContext, fallback: string): string {
	return str(record(ctx.body).model) ?? fallback;
}

/** OpenAI's `x-ratelimit-*` family (Groq sends the same names): counts as integers, resets as Go durations. */
export function openaiRateHeaders(requests: WindowView, tokens: WindowView, now: number): Record<string, string> {
	return {
		'x-ratelimit-limit-requests': String(requests.limit),
		'x-ratelimit-limit-tokens': String(tokens.limit),
		'x-ratelimit-remaining-requests': String(requests.remaining),
		'x-ratelimit-remaining-tokens': String(tokens.remaining),
		'x-ratelimit-reset-requests': goDuration(requests.used === 0 ? 0 : requests.resetAt - now),
		'x-ratelimit-reset-tokens': goDuration(tokens.used === 0 ? 0 : tokens.resetAt - now),
	};
}

/**
 * `POST /chat/completions` as every OpenAI-shaped provider serves it: a one-token completion that spends from
 * the key's windows. `extra` adds the provider's own fields; `idPrefix` its completion id style.
 */
export function chatCompletionsRoute(options: {path?: RegExp; idPrefix?: string; extra?: () => Record<string, unknown>; invalid?: (request: Answer) => Answer} = {}): Route {
	return {
		method: 'POST',
		path: options.path ?? /^\/chat\/completions$/,
		probe: 'headroom',
		handle(ctx) {
			const request = chatRequest(ctx);
			if (isAnswer(request)) return options.invalid ? options.invalid(request) : request;
			return spendThen(ctx, request.costs, () => {
				const completion = {...chatCompletion(ctx, request, options.idPrefix), ...options.extra?.()};
				return wantsStream(ctx.body) ? {status: 200, events: chatCompletionChunks(completion, ctx.body)} : json(200, completion);
			});
		},
	};
}

/**
 * The completion as OpenAI streams it: `chat.completion.chunk` objects (the role, then the content, then the
 * finish reason), a last chunk with `usage` and no choices when `stream_options.include_usage` is set, then
 * `data: [DONE]`.
 */
export function chatCompletionChunks(completion: Record<string, unknown>, body: unknown): Array<{data: string}> {
	const {id, created, model, system_fingerprint: fingerprint, usage} = completion;
	const base = {id, object: 'chat.completion.chunk', created, model, system_fingerprint: fingerprint};
	const choice = (delta: Record<string, unknown>, finish: string | null) => JSON.stringify({...base, choices: [{index: 0, delta, logprobs: null, finish_reason: finish}]});
	const chunks = [{data: choice({role: 'assistant', content: '', refusal: null}, null)}, {data: choice({content: 'H'}, null)}, {data: choice({}, 'length')}];
	if (record(record(body).stream_options).include_usage === true) chunks.push({data: JSON.stringify({...base, choices: [], usage})});
	chunks.push({data: '[DONE]'});
	return chunks;
}
