import { performance } from 'node:perf_hooks';
import { Capture, decodeBody, ERROR_BODY_CAP, USAGE_BODY_CAP } from './body.js';
import { report } from './context.js';
import { clientResponseHeaders } from './headers.js';
import { who, writeLog } from './log-line.js';
import { jsonUsage, SseUsageWatcher } from './usage.js';
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
}
/** An error answer read whole (for failover) goes to the client in one piece. */
export function replyBuffered(ctx, res, answer, bytes, fields) {
    if (res.destroyed)
        return;
    res.writeHead(answer.status, clientResponseHeaders(answer.headers));
    res.end(bytes);
    writeLog(ctx, { ...who(answer), durationMs: performance.now() - answer.sentAt, ...fields });
}
/** The client left while keywatch read the error answer. */
export function abandon(ctx, res, answer) {
    ctx.traffic.end(answer.key.name, false);
    answer.body.destroy();
    res.destroy();
    writeLog(ctx, { ...who(answer), durationMs: performance.now() - answer.sentAt, error: 'aborted' });
}
/** Read until `cap` bytes have arrived (then pause) or the body ends. */
export function readUpTo(body, cap) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        const cleanup = () => {
            body.off('data', onData);
            body.off('end', onEnd);
            body.off('error', onError);
            body.off('close', onClose);
        };
        const onData = (chunk) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size > cap) {
                body.pause();
                cleanup();
                resolve({ chunks, ended: false });
            }
        };
        const onEnd = () => {
            cleanup();
            resolve({ chunks, ended: true });
        };
        const onError = (error) => {
            cleanup();
            reject(error);
        };
        const onClose = () => {
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
export function relay(ctx, res, answer, head, fields) {
    const { status, headers, body, key } = answer;
    if (status < 400)
        report(ctx, answer);
    const errorCapture = status >= 400 ? new Capture(ERROR_BODY_CAP) : undefined;
    const contentType = header(headers, 'content-type').toLowerCase();
    const encoded = header(headers, 'content-encoding') !== '';
    const wantsUsage = ctx.options.log !== undefined && status < 400;
    const sse = wantsUsage && !encoded && contentType.includes('text/event-stream') ? new SseUsageWatcher() : undefined;
    const declared = Number(header(headers, 'content-length') || '0');
    const usageCapture = wantsUsage && !sse && contentType.includes('json') && declared <= USAGE_BODY_CAP ? new Capture(USAGE_BODY_CAP) : undefined;
    const tap = (chunk) => {
        errorCapture?.push(chunk);
        usageCapture?.push(chunk);
        sse?.push(chunk);
    };
    return new Promise(resolve => {
        let settled = false;
        const finish = (completed) => {
            if (settled)
                return;
            settled = true;
            body.off('data', onData);
            res.off('drain', onDrain);
            ctx.traffic.end(key.name, true);
            if (errorCapture) {
                answer.exchange.body = decodeBody(errorCapture.bytes(), headers['content-encoding'], ERROR_BODY_CAP);
                report(ctx, answer);
            }
            let usage = sse?.usage;
            if (usageCapture && completed && !usageCapture.truncated) {
                usage = jsonUsage(decodeBody(usageCapture.bytes(), headers['content-encoding'], USAGE_BODY_CAP));
            }
            writeLog(ctx, { ...who(answer), durationMs: performance.now() - answer.sentAt, tokens: usage, ...fields, error: completed ? undefined : 'aborted' });
            resolve();
        };
        const onData = (chunk) => {
            tap(chunk);
            if (!res.write(chunk))
                body.pause();
        };
        const onDrain = () => {
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
