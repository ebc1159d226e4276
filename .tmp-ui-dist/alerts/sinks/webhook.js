import { httpCall } from '../../remote/http-client.js';
import { scrub } from '../../secrets/scrub.js';
import { maskUrl, registerUrlSecret, scrubUrl } from './mask-url.js';
// Slack treats &, < and > as control characters in text; everything else passes as written.
function slackEscape(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** The exact body posted: Slack-compatible `{text}` or the generic `{source, alert}`. */
export function webhookBody(alert, format) {
    const body = format === 'slack' ? { text: slackEscape(alert.text) } : { source: 'keywatch', alert };
    return scrub(JSON.stringify(body));
}
function retryAfterMs(headers) {
    const raw = headers['retry-after'];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || !/^\d+$/.test(value.trim()))
        return undefined;
    return Math.min(Number(value.trim()) * 1000, 30_000);
}
const defaultSleep = (ms) => new Promise(resolve => {
    setTimeout(resolve, ms).unref();
});
/** POSTs alerts to a webhook, one at a time, at most one per second; reports, never throws. */
export function createWebhookSink(options) {
    const format = options.format ?? 'slack';
    const timeoutMs = options.timeoutMs ?? 5000;
    const minIntervalMs = options.minIntervalMs ?? 1000;
    const retries = options.retries ?? 1;
    const maxQueue = options.maxQueue ?? 20;
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? defaultSleep;
    const shown = maskUrl(options.url);
    registerUrlSecret(options.url);
    const name = `webhook ${format} ${shown}`;
    let lastPostAt = Number.NEGATIVE_INFINITY;
    let waiting = 0;
    let tail = Promise.resolve();
    const result = (ok, detail) => ({ sink: name, ok, detail: scrubUrl(detail, options.url) });
    async function post(body) {
        const wait = lastPostAt + minIntervalMs - now();
        if (wait > 0)
            await sleep(wait);
        lastPostAt = now();
        const outcome = await httpCall({
            method: 'POST',
            url: options.url,
            body,
            headers: { 'content-type': 'application/json', 'user-agent': 'keywatch' },
            timeoutMs,
            maxBytes: 2048,
            truncate: true,
            dispatcher: options.dispatcher,
            closeConnection: true,
        });
        if (!outcome.ok)
            return { result: result(false, `${outcome.error} posting to ${shown}`), retryInMs: minIntervalMs };
        const answer = outcome.body.trim().replace(/\s+/g, ' ').slice(0, 200);
        const detail = `HTTP ${outcome.status} from ${shown}${answer ? `: ${answer}` : ''}`;
        if (outcome.status >= 200 && outcome.status < 300)
            return { result: result(true, detail) };
        const retryable = outcome.status === 429 || outcome.status >= 500;
        return { result: result(false, detail), retryInMs: retryable ? Math.max(minIntervalMs, retryAfterMs(outcome.headers) ?? 0) : undefined };
    }
    async function deliver(alert) {
        const body = webhookBody(alert, format);
        let attempt = await post(body);
        for (let left = retries; left > 0 && attempt.retryInMs !== undefined; left--) {
            await sleep(attempt.retryInMs);
            attempt = await post(body);
        }
        return attempt.result;
    }
    return {
        name,
        send(alert) {
            if (waiting >= maxQueue)
                return Promise.resolve(result(false, `dropped: ${waiting} alerts already waiting for ${shown}`));
            waiting += 1;
            const run = tail.then(() => deliver(alert));
            tail = run.catch(() => undefined).finally(() => {
                waiting -= 1;
            });
            return run.catch(error => result(false, `failed: ${error.message}`));
        },
    };
}
