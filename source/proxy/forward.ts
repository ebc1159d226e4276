// One client request: check the token, pick the active key, send upstream, relay the answer byte for byte,
// record what came back, and fail over once when the answer says the key is useless for a while.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {performance} from 'node:perf_hooks';
import type {Readable} from 'node:stream';
import type {Dispatcher} from 'undici';
import {diagnose} from '../diagnosis/index.js';
import {getAdapter} from '../providers/registry.js';
import {sanitize} from '../secrets/scrub.js';
import type {Exchange, KeyConfig, ProviderId, Verdict} from '../types.js';
import {Capture, decodeBody, ERROR_BODY_CAP, RETRY_BODY_CAP, USAGE_BODY_CAP} from './body.js';
import {nextBackup, RETRYABLE_STATUSES, shouldFailover, usableAsBackup} from './failover.js';
import {clientResponseHeaders, keyAuth, upstreamQuery, upstreamRequestHeaders} from './headers.js';
import {networkExchange} from './network.js';
import {replyError, type ProxyErrorType} from './replies.js';
import {readRequestBody, settleUpload, type RequestBody} from './request-body.js';
import {matchRoute, PROXY_ROUTES, upstreamUrl, type Route} from './routes.js';
import {offeredTokens, tokenMatches} from './token.js';
import type {TrafficBook} from './traffic.js';
import type {ProxyOptions} from './types.js';
import {jsonUsage, SseUsageWatcher, type Usage} from './usage.js';

/** What a request needs from the running proxy. */
export type ProxyContext = {
	options: ProxyOptions;
	token: string;
	tokenPath: string;
	dispatcher: Dispatcher;
	traffic: TrafficBook;
	now(): number;
	keys(): readonly KeyConfig[];
	activeKey(provider: ProviderId): KeyConfig | undefined;
	/** Compare-and-set: moves `provider` to `to` only while `from` is still active. */
	switchActive(provider: ProviderId, from: string, to: string): boolean;
};

type Answer = {
	key: KeyConfig;
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Readable;
	exchange: Exchange;
	/** performance.now() when the request was sent. */
	sentAt: number;
	/** Abort this upstream request only (the client's request may go on, e.g. to a failover retry). */
	cancel(): void;
};

type LogFields = {failoverFrom?: string};

function queryOf(rawUrl: string): string {
	const at = rawUrl.indexOf('?');
	return at === -1 ? '' : rawUrl.slice(at);
}

function header(headers: Answer['headers'], name: string): string {
	const value = headers[name];
	return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

export async function handleRequest(ctx: ProxyContext, req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
	const rawUrl = req.url ?? '/';
	const route = matchRoute(rawUrl);
	if (!tokenMatches(ctx.token, offeredTokens(req.headers, route?.query ?? queryOf(rawUrl)))) {
		refuse(
			ctx,
			res,
			401,
			'keywatch_proxy_auth',
			`missing or wrong local token; send the token stored in ${ctx.tokenPath} as your SDK's API key ` +
				'(Authorization: Bearer <token>, x-api-key, x-goog-api-key or api-key). Run `keywatch proxy` to see it again.',
			{provider: route?.provider},
		);
		return;
	}
	if (!route) {
		const prefixes = Object.values(PROXY_ROUTES).map(r => `/${r.prefix}`).join(', ');
		refuse(ctx, res, 404, 'keywatch_proxy_route', `no provider for this path; paths start with one of ${prefixes}`);
		return;
	}
	const key = ctx.activeKey(route.provider);
	if (!key) {
		refuse(ctx, res, 503, 'keywatch_proxy_no_key', `no ${route.provider} key is configured; add one with \`keywatch add ${route.provider}\``, {provider: route.provider});
		return;
	}
	let body: RequestBody;
	try {
		body = await readRequestBody(req, RETRY_BODY_CAP);
	} catch {
		res.destroy();
		return;
	}
	await forward(ctx, req, res, route, key, body, signal);
}

async function forward(
	ctx: ProxyContext,
	req: IncomingMessage,
	res: ServerResponse,
	route: Route,
	key: KeyConfig,
	body: RequestBody,
	signal: AbortSignal,
): Promise<void> {
	const first = await send(ctx, req, res, route, key, body, signal);
	if (!first) return;
	const settle = (answer: Answer): void => settleUpload(req, body, () => answer.cancel());
	if (!RETRYABLE_STATUSES.has(first.status)) {
		await relay(ctx, res, first, [], {});
		settle(first);
		return;
	}
	let head: {chunks: Buffer[]; ended: boolean};
	try {
		head = await readUpTo(first.body, ERROR_BODY_CAP);
	} catch {
		return abandon(ctx, res, first);
	}
	if (!head.ended) {
		await relay(ctx, res, first, head.chunks, {});
		settle(first);
		return;
	}
	const bytes = Buffer.concat(head.chunks);
	first.exchange.body = decodeBody(bytes, first.headers['content-encoding'], ERROR_BODY_CAP);
	report(ctx, first);
	ctx.traffic.end(first.key.name, true);
	const target = failoverTarget(ctx, route.provider, first);
	if (!target) {
		replyBuffered(ctx, res, first, bytes, {});
		settle(first);
		return;
	}
	if (body.kind === 'stream') {
		// The body is gone (streamed upstream, too big to keep): later requests use the backup, this one cannot.
		replyBuffered(ctx, res, first, bytes, {});
		settle(first);
		return;
	}
	const retry = await send(ctx, req, res, route, target, body, signal);
	if (!retry) return;
	await relay(ctx, res, retry, [], {failoverFrom: first.key.name});
}

/** Decide on failover from a whole error answer; switch the active key and tell the user when it happens. */
function failoverTarget(ctx: ProxyContext, provider: ProviderId, answer: Answer): KeyConfig | undefined {
	let verdict: Verdict;
	try {
		const windows = getAdapter(provider).decode('any', answer.exchange, answer.exchange.at).windows;
		verdict = diagnose(answer.exchange, {windows, now: answer.exchange.at});
	} catch {
		return undefined;
	}
	const decision = shouldFailover(provider, answer.status, verdict, ctx.now());
	if (!decision.failover) return undefined;
	const from = answer.key.name;
	const usable = (key: KeyConfig): boolean => usableAsBackup(ctx.options.verdictOf?.(key.name)) && ctx.options.resolveSecret(key.name) !== undefined;
	// Concurrent requests that failed on the same key: follow the switch another one already made.
	const current = ctx.activeKey(provider);
	if (current && current.name !== from && usable(current)) return current;
	const target = nextBackup(ctx.keys(), provider, from, new Set([from]), usable);
	if (!target) return undefined;
	if (ctx.switchActive(provider, from, target.name)) {
		ctx.options.onFailover?.({provider, from, to: target.name, reason: sanitize(`${verdict.kind}: ${verdict.title}`), at: ctx.now()});
	}
	return target;
}

/** Send one request upstream with `key`. Undefined when no answer will be relayed (already replied or client gone). */
async function send(
	ctx: ProxyContext,
	req: IncomingMessage,
	res: ServerResponse,
	route: Route,
	key: KeyConfig,
	body: RequestBody,
	signal: AbortSignal,
): Promise<Answer | undefined> {
	const secret = ctx.options.resolveSecret(key.name);
	const auth = secret === undefined ? undefined : keyAuth(key, secret);
	if (!auth) {
		const why = secret === undefined ? 'its secret could not be resolved' : 'its provider adapter builds no request for it';
		refuse(ctx, res, 503, 'keywatch_proxy_no_key', `the active ${route.provider} key "${key.name}" cannot be used: ${why}; see \`keywatch\` for the fix`, {provider: route.provider, keyName: key.name});
		return undefined;
	}
	const base = key.baseUrl ?? getAdapter(key.provider).defaultBaseUrl;
	let target: URL;
	try {
		target = new URL(upstreamUrl({...route, query: upstreamQuery(route.query, auth)}, base));
	} catch {
		refuse(ctx, res, 502, 'keywatch_proxy_upstream', `the base URL of key "${key.name}" does not parse`, {provider: route.provider, keyName: key.name});
		return undefined;
	}
	const headers = upstreamRequestHeaders(req.headers, auth);
	if (body.kind === 'buffer') delete headers['content-length'];
	ctx.traffic.start(key.name, key.provider);
	const attempt = new AbortController();
	signal.addEventListener('abort', () => attempt.abort(), {once: true});
	const sentAt = performance.now();
	try {
		const answer = await ctx.dispatcher.request({
			origin: target.origin,
			path: `${target.pathname}${target.search}`,
			method: (req.method ?? 'GET') as Dispatcher.HttpMethod,
			headers,
			body: body.kind === 'none' ? null : body.kind === 'buffer' ? body.bytes : body.stream,
			signal: attempt.signal,
		});
		const latencyMs = performance.now() - sentAt;
		const exchange: Exchange = {provider: key.provider, status: answer.statusCode, headers: {...answer.headers}, body: '', at: ctx.now(), latencyMs};
		return {key, status: answer.statusCode, headers: answer.headers, body: answer.body, exchange, sentAt, cancel: () => attempt.abort()};
	} catch (error) {
		ctx.traffic.end(key.name, false);
		if (signal.aborted) {
			res.destroy();
			return undefined;
		}
		const latencyMs = performance.now() - sentAt;
		const exchange = networkExchange(key.provider, error, ctx.now(), latencyMs);
		ctx.options.onExchange?.(key.name, key.provider, exchange);
		const timeout = exchange.network?.kind === 'timeout';
		replyError(res, timeout ? 504 : 502, 'keywatch_proxy_upstream', `no answer from ${route.provider} (${exchange.network?.message})`);
		writeLog(ctx, {provider: key.provider, keyName: key.name, status: null, latencyMs, durationMs: latencyMs, error: exchange.network?.kind});
		return undefined;
	}
}

function report(ctx: ProxyContext, answer: Answer): void {
	try {
		ctx.options.onExchange?.(answer.key.name, answer.key.provider, answer.exchange);
	} catch {
		// A failing listener must not break the client's request.
	}
}

function replyBuffered(ctx: ProxyContext, res: ServerResponse, answer: Answer, bytes: Buffer, fields: LogFields): void {
	if (res.destroyed) return;
	res.writeHead(answer.status, clientResponseHeaders(answer.headers));
	res.end(bytes);
	writeLog(ctx, {...who(answer), durationMs: performance.now() - answer.sentAt, ...fields});
}

function who(answer: Answer): LogEntry {
	return {provider: answer.key.provider, keyName: answer.key.name, status: answer.status, latencyMs: answer.exchange.latencyMs};
}

function abandon(ctx: ProxyContext, res: ServerResponse, answer: Answer): void {
	ctx.traffic.end(answer.key.name, false);
	answer.body.destroy();
	res.destroy();
	writeLog(ctx, {...who(answer), durationMs: performance.now() - answer.sentAt, error: 'aborted'});
}

/** Read until `cap` bytes have arrived (then pause) or the body ends. */
function readUpTo(body: Readable, cap: number): Promise<{chunks: Buffer[]; ended: boolean}> {
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
function relay(ctx: ProxyContext, res: ServerResponse, answer: Answer, head: Buffer[], fields: LogFields): Promise<void> {
	const {status, headers, body, key} = answer;
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

function round(ms: number): number {
	return Math.round(ms * 10) / 10;
}

type LogEntry = {
	provider?: ProviderId;
	keyName?: string;
	status: number | null;
	latencyMs?: number;
	durationMs?: number;
	tokens?: Usage;
	failoverFrom?: string;
	/** keywatch's own refusal type, a network failure kind, or "aborted". */
	error?: string;
};

/** One line per request. Key *names* only; no header, body, key or token ever goes in. */
function writeLog(ctx: ProxyContext, entry: LogEntry): void {
	const log = ctx.options.log;
	if (!log) return;
	const line: Record<string, unknown> = {
		time: new Date(ctx.now()).toISOString(),
		provider: entry.provider ?? null,
		keyName: entry.keyName === undefined ? null : sanitize(entry.keyName),
		status: entry.status,
	};
	if (entry.latencyMs !== undefined) line.latencyMs = round(entry.latencyMs);
	if (entry.durationMs !== undefined) line.durationMs = round(entry.durationMs);
	if (entry.tokens) line.tokens = entry.tokens;
	if (entry.failoverFrom) line.failoverFrom = sanitize(entry.failoverFrom);
	if (entry.error) line.error = entry.error;
	try {
		log(JSON.stringify(line));
	} catch {
		// A broken log sink must not break the client's request.
	}
}

/** keywatch answers itself (no token, no route, no usable key, no upstream answer), and logs it. */
function refuse(
	ctx: ProxyContext,
	res: ServerResponse,
	status: number,
	type: ProxyErrorType,
	message: string,
	who: {provider?: ProviderId; keyName?: string; error?: string} = {},
): void {
	replyError(res, status, type, message);
	writeLog(ctx, {provider: who.provider, keyName: who.keyName, status, error: who.error ?? type});
}
