import {performance} from 'node:perf_hooks';
import {pipeline, type Transform} from 'node:stream';
import zlib from 'node:zlib';
import {Agent, request, type Dispatcher} from 'undici';
import type {HttpRequest} from '../providers/types.js';
import {sanitize} from '../secrets/scrub.js';
import type {Exchange, ProviderId} from '../types.js';
import {classifyNetworkError, describeFailure} from './classify.js';
import type {Transport} from './types.js';

export type TransportOptions = {
	/** Overall deadline per request, in ms (default 10 s). Also bounds connect, headers and body timers. */
	timeoutMs?: number;
	/** Bytes of body kept (default 1 MiB); the rest is never read. */
	maxBodyBytes?: number;
	/** Connections per origin (default 8, the monitor's global bound, so a probe never queues in the pool). */
	connections?: number;
	userAgent?: string;
};

/** An Exchange, plus whether the body was cut at maxBodyBytes. */
export type TransportExchange = Exchange & {truncated?: boolean};

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_CONNECTIONS = 8;
const DEFAULT_USER_AGENT = 'keywatch/0.1 (+https://github.com/keywatch/keywatch)';

type Body = Dispatcher.ResponseData['body'];

/** An answer keywatch could not decode: a content-encoding it cannot read, or compressed data that is corrupt. */
class EncodingError extends Error {
	readonly code = 'BAD_CONTENT_ENCODING';
}

/**
 * keywatch never asks for compression, yet a proxy or a hostile server may compress anyway. gzip, deflate and br
 * are decoded as they stream, so the cap below counts decoded bytes: a small gzip bomb that inflates to gigabytes
 * stops at the cap like any large body. `undefined` means no decoding; an encoding we cannot read is an error.
 */
function decoderFor(header: string | string[] | undefined): Transform | undefined {
	const codings = ([] as string[])
		.concat(header ?? [])
		.flatMap(value => value.split(','))
		.map(value => value.trim().toLowerCase())
		.filter(value => value !== '' && value !== 'identity');
	if (codings.length === 0) return undefined;
	if (codings.length > 1) throw new EncodingError(`the answer is encoded more than once (${codings.join(', ').slice(0, 60)}), which keywatch does not decode`);
	const [coding] = codings as [string];
	// Flushing partial output lets a body cut short still yield what arrived, like an uncompressed one.
	if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip({finishFlush: zlib.constants.Z_SYNC_FLUSH});
	if (coding === 'deflate') return zlib.createInflate({finishFlush: zlib.constants.Z_SYNC_FLUSH});
	if (coding === 'br') return zlib.createBrotliDecompress({finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH});
	throw new EncodingError(`the answer is encoded with ${JSON.stringify(coding.slice(0, 40))}, which keywatch cannot decode`);
}

/**
 * Read at most `max` bytes (after decoding); past that, keep what was read and destroy the stream so the rest
 * never arrives.
 */
async function readCapped(body: Body, max: number, encoding?: string | string[]): Promise<{text: string; truncated: boolean}> {
	const chunks: Buffer[] = [];
	let size = 0;
	let truncated = false;
	let decoder: Transform | undefined;
	try {
		decoder = decoderFor(encoding);
	} catch (error) {
		// Destroying an unread undici body emits an abort error; nobody else listens to it now.
		body.on('error', () => {});
		body.destroy();
		throw error;
	}
	let decodeFailure: Error | undefined;
	if (decoder) {
		decoder.once('error', error => (decodeFailure ??= error));
		// Errors reach the loop below through the decoder; the callback only keeps pipeline from throwing them.
		pipeline(body, decoder, () => {});
	}
	const source = decoder ?? body;
	try {
		for await (const data of source) {
			const chunk = data as Buffer;
			const room = max - size;
			if (chunk.length > room) {
				if (room > 0) chunks.push(chunk.subarray(0, room));
				size = max;
				truncated = true;
				break;
			}
			chunks.push(chunk);
			size += chunk.length;
		}
	} catch (error) {
		// A body that failed on the wire (timeout, reset) is reported as that; only the decoder's own failure is
		// an encoding problem.
		if (decodeFailure && error === decodeFailure && !body.errored) {
			throw new EncodingError(`the answer's ${String(encoding)} data is corrupt (${decodeFailure.message.slice(0, 80)})`);
		}
		throw error;
	} finally {
		if (truncated || !body.readableEnded) body.destroy();
		decoder?.destroy();
	}
	return {text: Buffer.concat(chunks, size).toString('utf8'), truncated};
}

function lowerCaseHeaders(headers: Dispatcher.ResponseData['headers']): Exchange['headers'] {
	const out: Exchange['headers'] = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		const key = name.toLowerCase();
		const previous = out[key];
		out[key] = previous === undefined ? value : ([] as string[]).concat(previous, value);
	}
	return out;
}

function redirectTarget(location: string | string[] | undefined, from: string): string {
	const raw = Array.isArray(location) ? location[0] : location;
	if (!raw) return 'no Location';
	try {
		const url = new URL(raw, from);
		// Only origin and path: a query string may carry tokens.
		return sanitize(`${url.origin}${url.pathname}`).slice(0, 200);
	} catch {
		return 'an unreadable Location';
	}
}

/**
 * The one HTTP client: a single undici Agent shared by every request, an overall deadline per request
 * (an AbortController and a timer, not AbortSignal.any, whose long-lived inputs leak on Node 20), a
 * body cap enforced while streaming, no redirects, and failures returned as data, never thrown.
 */
export function createTransport(options: TransportOptions = {}): Transport {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
	const agent = new Agent({
		// As many as the monitor lets run at once: with fewer, keys whose provider hangs hold every connection to
		// that origin and the other keys on it wait in undici's queue, eating their own deadline, until they time out.
		connections: options.connections ?? DEFAULT_CONNECTIONS,
		pipelining: 1,
		connect: {timeout: Math.min(timeoutMs, DEFAULT_TIMEOUT_MS)},
		headersTimeout: timeoutMs,
		bodyTimeout: timeoutMs,
		keepAliveTimeout: 10_000,
		// A backstop only: the streaming cap below stops first and keeps the status and the start of the body.
		maxResponseSize: maxBodyBytes + 256 * 1024,
	});
	const inFlight = new Set<AbortController>();
	let closed = false;

	async function send(httpRequest: HttpRequest, provider: ProviderId, sendOptions?: {timeoutMs?: number}): Promise<Exchange> {
		const started = performance.now();
		const deadline = sendOptions?.timeoutMs ?? timeoutMs;
		const finish = (fields: Omit<Exchange, 'provider' | 'at' | 'latencyMs'> & {truncated?: boolean}): TransportExchange => ({
			provider,
			...fields,
			at: Date.now(),
			latencyMs: Math.max(0, Math.round(performance.now() - started)),
		});
		if (closed) return finish({status: null, headers: {}, body: '', network: {kind: 'other', message: 'transport closed'}});

		const controller = new AbortController();
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			controller.abort();
		}, deadline);
		inFlight.add(controller);
		let status: number | null = null;
		let headers: Exchange['headers'] = {};
		let partial = '';
		try {
			const response = await request(httpRequest.url, {
				dispatcher: agent,
				method: httpRequest.method,
				headers: {'user-agent': userAgent, ...httpRequest.headers},
				body: httpRequest.body,
				signal: controller.signal,
				headersTimeout: deadline,
				bodyTimeout: deadline,
			});
			status = response.statusCode;
			headers = lowerCaseHeaders(response.headers);
			const {text, truncated} = await readCapped(response.body, maxBodyBytes, headers['content-encoding']);
			partial = text;
			if (status >= 300 && status < 400 && status !== 304) {
				const target = redirectTarget(headers.location, httpRequest.url);
				return finish({status, headers, body: text, network: {kind: 'redirect', message: `${describeFailure('redirect')}: ${status} to ${target}`}});
			}
			return finish(truncated ? {status, headers, body: text, truncated} : {status, headers, body: text});
		} catch (error) {
			const network = timedOut
				? {kind: 'timeout' as const, code: 'DEADLINE', message: `${describeFailure('timeout')}: no complete answer within ${deadline} ms`}
				: closed
					? {kind: 'other' as const, message: 'cancelled: transport closed'}
					: classifyNetworkError(error);
			return finish({status, headers, body: partial, network});
		} finally {
			clearTimeout(timer);
			inFlight.delete(controller);
		}
	}

	async function close(): Promise<void> {
		if (closed) return;
		closed = true;
		for (const controller of inFlight) controller.abort();
		await agent.close();
	}

	return {send, close};
}
