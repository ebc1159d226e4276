import { sanitize } from '../secrets/scrub.js';
import { replyError } from './replies.js';
function round(ms) {
    return Math.round(ms * 10) / 10;
}
/** One line per request. Key *names* only; no header, body, key or token ever goes in. */
export function writeLog(ctx, entry) {
    const log = ctx.options.log;
    if (!log)
        return;
    const line = {
        time: new Date(ctx.now()).toISOString(),
        provider: entry.provider ?? null,
        keyName: entry.keyName === undefined ? null : sanitize(entry.keyName),
        status: entry.status,
    };
    if (entry.latencyMs !== undefined)
        line.latencyMs = round(entry.latencyMs);
    if (entry.durationMs !== undefined)
        line.durationMs = round(entry.durationMs);
    if (entry.tokens)
        line.tokens = entry.tokens;
    if (entry.failoverFrom)
        line.failoverFrom = sanitize(entry.failoverFrom);
    if (entry.error)
        line.error = entry.error;
    try {
        log(JSON.stringify(line));
    }
    catch {
        // A broken log sink must not break the client's request.
    }
}
/** keywatch answers itself (no token, no route, no usable key, no upstream answer), and logs it. */
export function refuse(ctx, res, status, type, message, who = {}) {
    replyError(res, status, type, message);
    writeLog(ctx, { provider: who.provider, keyName: who.keyName, status, error: who.error ?? type });
}
/** The log fields an upstream answer fills in. */
export function who(answer) {
    return { provider: answer.key.provider, keyName: answer.key.name, status: answer.status, latencyMs: answer.exchange.latencyMs };
}
