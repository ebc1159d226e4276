// One client request: check the token, pick the active key (moving to a backup first when the monitor already
// sees it as useless), send upstream, relay the answer byte for byte, record what came back, and fail over
// once when the answer says the key is useless for a while.
import type {IncomingMessage, ServerResponse} from 'node:http';
import {performance} from 'node:perf_hooks';
import type {Dispatcher} from 'undici';
import {diagnose} from '../diagnosis/index.js';
import {getAdapter} from '../providers/registry.js';
import {sanitize} from '../secrets/scrub.js';
import type {Exchange, KeyConfig, ProviderId, Verdict} from '../types.js';
import {ERROR_BODY_CAP, RETRY_BODY_CAP, decodeBody} from './body.js';
import {report, type Answer, type ProxyContext} from './context.js';
import {nextBackup, RETRYABLE_STATUSES, shouldFailover, shouldFailoverBeforeSending, usableAsBackup} from './failover.js';
import {keyAuth, upstreamQuery, upstreamRequestHeaders} from './headers.js';
import {refuse, writeLog} from './log-line.js';
import {networkExchange} from './network.js';
import {replyError} from './replies.js';
import {abandon, readUpTo, relay, replyBuffered} from './relay.js';
import {readRequestBody, settleUpload, type RequestBody} from './request-body.js';
import {matchRoute, PROXY_ROUTES, upstreamUrl, type Route} from './routes.js';
import {offeredTokens, tokenMatches} from './token.js';

export type {ProxyContext} from './context.js';

function queryOf(rawUrl: string): string {
	const at = rawUrl.indexOf('?');
	return at === -1 ? '' : rawUrl.slice(at);
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
	const active = ctx.activeKey(route.provider);
	if (!active) {
		refuse(ctx, res, 503, 'keywatch_proxy_no_key', `no ${route.provider} key is configured; add one with \`keywatch add ${route.provider}\``, {provider: route.provider});
		return;
	}
	const key = beforeSending(ctx, route.provider, active);
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
	if (!RETRYABLE_STATUSES.has(first.status)) {
		await relay(ctx, res, first, [], {});
		settleUpload(req, body);
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
		settleUpload(req, body);
		return;
	}
	const bytes = Buffer.concat(head.chunks);
	first.exchange.body = decodeBody(bytes, first.headers['content-encoding'], ERROR_BODY_CAP);
	report(ctx, first);
	ctx.traffic.end(first.key.name, true);
	const target = failoverTarget(ctx, route.provider, first);
	if (!target) {
		replyBuffered(ctx, res, first, bytes, {});
		settleUpload(req, body);
		return;
	}
	if (body.kind === 'stream') {
		// The body is gone (streamed upstream, too big to keep): later requests use the backup, this one cannot.
		replyBuffered(ctx, res, first, bytes, {});
		settleUpload(req, body);
		return;
	}
	const retry = await send(ctx, req, res, route, target, body, signal);
	if (!retry) return;
	await relay(ctx, res, retry, [], {failoverFrom: first.key.name});
}

/**
 * The key to send with: the active one, unless the monitor already sees it as denied (or limited until far
 * away): then a healthy backup, switched to and announced as a failover, before a request is spent on it.
 */
function beforeSending(ctx: ProxyContext, provider: ProviderId, active: KeyConfig): KeyConfig {
	const verdict = ctx.options.verdictOf?.(active.name);
	if (!verdict || !shouldFailoverBeforeSending(provider, verdict, ctx.now()).failover) return active;
	return switchToBackup(ctx, provider, active.name, verdict) ?? active;
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
	return switchToBackup(ctx, provider, answer.key.name, verdict);
}

/** The next usable backup after `from`, made active (once, however many requests race here) and announced. */
function switchToBackup(ctx: ProxyContext, provider: ProviderId, from: string, verdict: Verdict): KeyConfig | undefined {
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
	const sentAt = performance.now();
	try {
		const answer = await ctx.dispatcher.request({
			origin: target.origin,
			path: `${target.pathname}${target.search}`,
			method: (req.method ?? 'GET') as Dispatcher.HttpMethod,
			headers,
			body: body.kind === 'none' ? null : body.kind === 'buffer' ? body.bytes : body.stream,
			signal,
			// A provider may answer a large upload before reading it all and leave the socket unusable;
			// such uploads are rare, so their connection is not reused.
			reset: body.kind === 'stream',
		});
		const latencyMs = performance.now() - sentAt;
		const exchange: Exchange = {provider: key.provider, status: answer.statusCode, headers: {...answer.headers}, body: '', at: ctx.now(), latencyMs};
		return {key, status: answer.statusCode, headers: answer.headers, body: answer.body, exchange, sentAt};
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

