import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Answer} from './types.js';

const maxRequestBody = 1024 * 1024;

/** The request body as JSON, or undefined when it is empty, too large or not JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > maxRequestBody) return undefined;
		chunks.push(chunk);
	}
	if (size === 0) return undefined;
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}

export function answerBody(answer: Answer): string {
	if (answer.raw !== undefined) return answer.raw;
	if (answer.json === undefined) return '';
	return JSON.stringify(answer.json);
}

export function answerHeaders(answer: Answer, body: string): Record<string, string> {
	return {
		'content-type': answer.contentType ?? 'application/json',
		'content-length': String(Buffer.byteLength(body)),
		...answer.headers,
	};
}

export function send(res: ServerResponse, answer: Answer): void {
	if (res.destroyed || res.headersSent) return;
	if (answer.events) return sendEvents(res, answer, answer.events);
	const body = answerBody(answer);
	res.writeHead(answer.status, answerHeaders(answer, body));
	res.end(body);
}

export function json(status: number, value: unknown, headers?: Record<string, string>): Answer {
	return {status, json: value, headers};
}

/** Objects only; arrays and primitives give an empty record. */
export function record(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function str(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** The text of a chat-style request, for a rough token estimate (4 characters a token). */
export function estimateTokens(text: string, messages: number): number {
	return Math.max(1, Math.ceil(text.length / 4) + 4 * messages + 3);
}

export function textOf(value: unknown): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(textOf).join(' ');
	const r = record(value);
	return textOf(r.content ?? r.text ?? r.parts ?? '');
}

/** Server-sent events as the APIs send them: no content-length, one write per event, a blank line after each. */
function sendEvents(res: ServerResponse, answer: Answer, events: NonNullable<Answer['events']>): void {
	res.writeHead(answer.status, {'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...answer.headers});
	let next = 0;
	const writeNext = (): void => {
		if (res.destroyed) return;
		const item = events[next++];
		if (!item) return void res.end();
		res.write(`${item.event ? `event: ${item.event}\n` : ''}data: ${item.data}\n\n`);
		// A turn of the event loop between events, so a reader sees them arrive one by one, as from a model.
		setImmediate(writeNext);
	};
	writeNext();
}

/** Whether an OpenAI- or Anthropic-style request body asks for a stream. */
export function wantsStream(body: unknown): boolean {
	return record(body).stream === true;
}
