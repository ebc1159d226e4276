import { headerValues, pick } from './header.js';
const unitMs = {
    ns: 1e-6,
    us: 1e-3,
    'µs': 1e-3,
    'μs': 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
};
/** No rate-limit window or retry delay is longer than this; anything longer is a garbled value. */
export const MAX_DURATION_MS = 366 * 24 * 3_600_000;
// Go's time.Duration text (`6m0s`, `9m38.016s`, `1h2m3.5s`, `12ms`) and protobuf Duration (`26s`).
// Units are tried longest first so `ms` is not read as `m` + `s`.
const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
/**
 * Milliseconds from a Go-style or protobuf duration, rounded to the nearest millisecond; undefined for
 * anything malformed, negative or longer than a year. A JSON-quoted value (`"26s"`) is accepted.
 * Repeated values: the longest, so a wait is never cut short.
 */
export function parseDuration(value) {
    return pick(headerValues(value).map(parseOneDuration), 'max');
}
function parseOneDuration(raw) {
    let text = raw;
    if (text.length >= 2 && text.startsWith('"') && text.endsWith('"'))
        text = text.slice(1, -1).trim();
    if (text.startsWith('+'))
        text = text.slice(1);
    if (text === '0')
        return 0;
    if (text.length === 0)
        return undefined;
    let total = 0;
    part.lastIndex = 0;
    while (part.lastIndex < text.length) {
        const start = part.lastIndex;
        const match = part.exec(text);
        if (!match || match.index !== start)
            return undefined;
        const [, amount, unit] = match;
        total += Number(amount) * (unitMs[unit] ?? Number.NaN);
    }
    return finish(total);
}
/**
 * A relative reset: a Go duration, or bare seconds (`"2"`, `"0.5"`), as Azure and Mistral send.
 * Milliseconds; undefined when malformed.
 */
export function parseResetDelay(value) {
    return pick(headerValues(value).map(text => (/^\d{1,12}(?:\.\d{1,9})?$/.test(text) ? finish(Number(text) * 1000) : parseOneDuration(text))), 'max');
}
function finish(ms) {
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_DURATION_MS)
        return undefined;
    return Math.round(ms);
}
