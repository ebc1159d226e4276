// Token counts from an answer's `usage` field, for the JSON log. Numbers only: never text from the body.
import {isRecord, parseJson} from '../util/safe-json.js';

export type Usage = {input?: number; output?: number; total?: number};

function count(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** OpenAI-style `usage`, Anthropic `usage` (input/output), Gemini `usageMetadata`. */
export function usageOf(value: unknown): Usage | undefined {
	if (!isRecord(value)) return undefined;
	// Anthropic streams nest the first usage inside `message` (message_start).
	const holder = isRecord(value.usage) ? value.usage : isRecord(value.message) && isRecord(value.message.usage) ? value.message.usage : undefined;
	if (holder) {
		const usage: Usage = {
			input: count(holder.prompt_tokens) ?? count(holder.input_tokens),
			output: count(holder.completion_tokens) ?? count(holder.output_tokens),
			total: count(holder.total_tokens),
		};
		return clean(usage);
	}
	if (isRecord(value.usageMetadata)) {
		const meta = value.usageMetadata;
		return clean({
			input: count(meta.promptTokenCount),
			output: count(meta.candidatesTokenCount),
			total: count(meta.totalTokenCount),
		});
	}
	return undefined;
}

function clean(usage: Usage): Usage | undefined {
	const out: Usage = {};
	if (usage.input !== undefined) out.input = usage.input;
	if (usage.output !== undefined) out.output = usage.output;
	if (usage.total !== undefined) out.total = usage.total;
	return Object.keys(out).length > 0 ? out : undefined;
}

/** Later chunks refine earlier ones (Anthropic: input in message_start, output in message_delta). */
export function mergeUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
	if (!a) return b;
	if (!b) return a;
	return clean({input: b.input ?? a.input, output: b.output ?? a.output, total: b.total ?? a.total});
}

const MAX_LINE = 16 * 1024;

/**
 * Watches a server-sent event stream for usage chunks as bytes pass by. Only `data:` lines that mention
 * "usage" are parsed, so a long stream costs one substring search per chunk.
 */
export class SseUsageWatcher {
	#carry = '';
	#usage: Usage | undefined;
	readonly #decoder = new TextDecoder();

	push(chunk: Uint8Array): void {
		const text = this.#carry + this.#decoder.decode(chunk, {stream: true});
		const lastNewline = text.lastIndexOf('\n');
		if (lastNewline === -1) {
			this.#carry = text.length > MAX_LINE ? '' : text;
			return;
		}
		const complete = text.slice(0, lastNewline);
		const rest = text.slice(lastNewline + 1);
		this.#carry = rest.length > MAX_LINE ? '' : rest;
		if (!complete.includes('usage')) return;
		for (const line of complete.split('\n')) {
			if (!line.startsWith('data:') || !line.includes('usage') || line.length > MAX_LINE) continue;
			const parsed = parseJson(line.slice(5).trim());
			if (parsed.ok) this.#usage = mergeUsage(this.#usage, usageOf(parsed.value));
		}
	}

	get usage(): Usage | undefined {
		return this.#usage;
	}
}

/** Usage from a whole JSON answer. */
export function jsonUsage(text: string): Usage | undefined {
	const parsed = parseJson(text);
	return parsed.ok ? usageOf(parsed.value) : undefined;
}
