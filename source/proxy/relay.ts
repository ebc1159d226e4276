// Sending an upstream answer on to the client: byte for byte, as it arrives.
import type {ServerResponse} from 'node:http';
import {performance} from 'node:perf_hooks';
import type {Readable} from 'node:stream';
import {Capture, decodeBody, ERROR_BODY_CAP, USAGE_BODY_CAP} from './body.js';
import {report, type Answer, type LogFields, type ProxyContext} from './context.js';
import {clientResponseHeaders} from './headers.js';
import {scrub} from '../secrets/scrub.js';
import {who, writeLog} from './log-line.js';
import {jsonUsage, SseUsageWatcher, type Usage} from './usage.js';

function header(headers: Answer['headers'], name: string): string {
	const value = headers[name];
	return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/**
 * Providers echo the key they were sent inside error messages ("Incorrect API key provided: sk-…"). The key is
 * keywatch's, not the client's: error bodies are scrubbed before they leave, and their length set again.
 */
function scrubbedError(headers: Answer['headers'], bytes: Buffer): {headers: ReturnType<typeof clientResponseHeaders>; bytes: Buffer} {
	const out = clientResponseHeaders(headers);
	if (header(headers, 'content-encoding') !== '') return {headers: out, bytes};
	const text = bytes.toString('utf8');
	const clean = scrub(text);
	if (clean === text) return {headers: out, bytes};
	const cleaned = Buffer.from(clean, 'utf8');
	out['content-length'] = String(cleaned.length);
	delete out['transfer-encoding'];
	return {headers: out, bytes: cleaned};
}

/** An error answer read whole (for failover) goes to the client in one piece. */
export function replyBuffered(ctx: ProxyContext, res: ServerResponse, answer: Answer, bytes: Buffer, fields: LogFields): void {
	if (res.destroyed) return;
	const reply = scrubbedError(answer.headers, bytes);
	res.writeHead(answer.status, reply.headers);
	res.end(reply.bytes);
	writeLog(ctx, {...who(answer), durationMs: performance.now() - answer.sentAt, ...fields});
}

/** Read an error answer whole (error bodies are small; past the cap the rest is dropped) and reply scrubbed. */
function relayError(ctx: ProxyContext, res: ServerResponse, answer: Answer, head: Buffer[], fields: LogFields): Promise<void> {
	const capture = new Capture(ERROR_BODY_CAP);
	for (const chunk of head) capture.push(chunk);
	return new Promise(resolve => {
		const done = (completed: boolean) => {
			answer.body.off('data', onData);
			ctx.traffic.end(answer.key.name, completed);
			answer.exchange.body = decodeBody(capture.bytes(), answer.headers['content-encoding'], ERROR_BODY_CAP);
			report(ctx, answer);
			if (completed) replyBuffered(ctx, res, answer, capture.bytes(), fields);
			else {
				res.destroy();
				writeLog(ctx, {...who(answer), durationMs: performance.now() - answer.sentAt, ...fields, error: 'aborted'});
			}
			resolve();
		};
		const onData = (chunk: Buffer) => capture.push(chunk);
		answer.body.on('data', onData);
		answer.body.once('end', () => done(true));
		answer.body.once('error', () => done(false));
		res.once('close', () => {
			if (!res.writableFinished && !res.headersSent) {
				answer.body.destroy();
			}
		});
		answer.body.resume();
	});
}

/** The client left while keywatch read the error answer. */
export function abandon(ctx: ProxyContext, res: ServerResponse, answer: Answer): void {
	ctx.traffic.end(answer.key.name, false);
	answer.body.destroy();
	res.destroy();
	writeLog(ctx, {...who(answer), durationMs: performance.now() - answer.sentAt, error: 'aborted'});
}

/** Read until `cap` bytes have arrived (then pause) or the body ends. */
export function readUpTo(body: Readable, cap: number): Promise<{chunks: Buffer[]; ended: boolean}> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const cleanup = (): void => {
			body.off('data', onData);
			body.off('end', onEnd);
			body.off('error', onError);
			body.off('close', onClose);
		};
		const onData = (chunk: Buffer): void => {
			chunks.push(chunk);
			size += chunk.length;
			if (size > cap) {
				body.pause();
				cleanup();
				resolve({chunks, ended: false});
			}
		};
		const onEnd = (): void => {
			cleanup();
			resolve({chunks, ended: true});
		};
		const onError = (error: Error): void => {
			cleanup();
			reject(error);
		};
		const onClose = (): void => {
			cleanup();
			reject(new Error('upstream body closed early'));
		};
		body.on('data', onData);
		body.on('end', onEnd);
		body.on('error', onError);
		body.on('close', onClose);
	});
}

/**
 * Relay an answer: status and headers at once, then each chunk as it arrives (server-sent events are not
 * held back), with backpressure both ways. Resolves when the client has it all or has gone.
 */
export function relay(ctx: ProxyContext, res: ServerResponse, answer: Answer, head: Buffer[], fields: LogFields): Promise<void> {
	const {status, headers, body, key} = answer;
	if (status >= 400 && !header(headers, 'content-type').toLowerCase().includes('text/event-stream')) return relayError(ctx, res, answer, head, fields);
	if (status < 400) report(ctx, answer);
	const errorCapture = status >= 400 ? new Capture(ERROR_BODY_CAP) : undefined;
	const contentType = header(headers, 'content-type').toLowerCase();
	const encoded = header(headers, 'content-encoding') !== '';
	const wantsUsage = ctx.options.log !== undefined && status < 400;
	const sse = wantsUsage && !encoded && contentType.includes('text/event-stream') ? new SseUsageWatcher() : undefined;
	const declared = Number(header(headers, 'content-length') || '0');
	const usageCapture = wantsUsage && !sse && contentType.includes('json') && declared <= USAGE_BODY_CAP ? new Capture(USAGE_BODY_CAP) : undefined;

	const tap = (chunk: Buffer): void => {
		errorCapture?.push(chunk);
		usageCapture?.push(chunk);
		sse?.push(chunk);
	};

	return new Promise(resolve => {
		let settled = false;
		const finish = (completed: boolean): void => {
			if (settled) return;
			settled = true;
			body.off('data', onData);
			res.off('drain', onDrain);
			ctx.traffic.end(key.name, true);
			if (errorCapture) {
				answer.exchange.body = decodeBody(errorCapture.bytes(), headers['content-encoding'], ERROR_BODY_CAP);
				report(ctx, answer);
			}
			let usage: Usage | undefined = sse?.usage;
			if (usageCapture && completed && !usageCapture.truncated) {
				usage = jsonUsage(decodeBody(usageCapture.bytes(), headers['content-encoding'], USAGE_BODY_CAP));
			}
			writeLog(ctx, {...who(answer), durationMs: performance.now() - answer.sentAt, tokens: usage, ...fields, error: completed ? undefined : 'aborted'});
			resolve();
		};
		const onData = (chunk: Buffer): void => {
			tap(chunk);
			if (!res.write(chunk)) body.pause();
		};
		const onDrain = (): void => {
			body.resume();
		};

		if (res.destroyed) {
			body.destroy();
			finish(false);
			return;
		}
		res.writeHead(status, clientResponseHeaders(headers));
		res.flushHeaders();
		for (const chunk of head) {
			tap(chunk);
			res.write(chunk);
		}
		body.on('data', onData);
		res.on('drain', onDrain);
		body.once('end', () => {
			res.end();
		});
		body.once('error', () => {
			// The provider's stream broke: the client must see a broken response, not a clean end.
			res.destroy();
			finish(false);
		});
		res.once('finish', () => finish(true));
		res.once('close', () => {
			if (!res.writableFinished) {
				body.destroy();
				finish(false);
			}
		});
		body.resume();
	});
}

