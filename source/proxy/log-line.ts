// The JSON log: one line per request, with names, statuses and timings only.
import type {ServerResponse} from 'node:http';
import {sanitize} from '../secrets/scrub.js';
import type {ProviderId} from '../types.js';
import type {Answer, ProxyContext} from './context.js';
import {replyError, type ProxyErrorType} from './replies.js';
import type {Usage} from './usage.js';

function round(ms: number): number {
	return Math.round(ms * 10) / 10;
}

export type LogEntry = {
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
export function writeLog(ctx: ProxyContext, entry: LogEntry): void {
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
export function refuse(
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

/** The log fields an upstream answer fills in. */
export function who(answer: Answer): LogEntry {
	return {provider: answer.key.provider, keyName: answer.key.name, status: answer.status, latencyMs: answer.exchange.latencyMs};
}

