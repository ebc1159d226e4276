import { randomBytes, randomUUID } from 'node:crypto';
/** Go's `time.Duration.String()` at millisecond precision: `12ms`, `1s`, `6m0s`, `9m38.016s`, `2h0m0s`. */
export function goDuration(ms) {
    const total = Math.max(0, Math.round(ms));
    if (total === 0)
        return '0s';
    if (total < 1000)
        return `${total}ms`;
    const hours = Math.floor(total / 3_600_000);
    const minutes = Math.floor((total % 3_600_000) / 60_000);
    const secMs = total % 60_000;
    const whole = Math.floor(secMs / 1000);
    const frac = secMs % 1000;
    const seconds = frac === 0 ? `${whole}` : `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
    let out = '';
    if (hours > 0)
        out += `${hours}h`;
    if (hours > 0 || minutes > 0)
        out += `${minutes}m`;
    return `${out}${seconds}s`;
}
/** RFC 3339 at whole seconds, rounded up (Anthropic: "when the bucket is fully refilled"). */
export function rfc3339Seconds(ms) {
    return new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** Integer seconds until `resetAt`, at least 1 (the `retry-after` header format). */
export function secondsUntil(resetAt, now) {
    return Math.max(1, Math.ceil((resetAt - now) / 1000));
}
/** `50,000`, the way Anthropic writes limits in messages. */
export function thousands(n) {
    return n.toLocaleString('en-US');
}
export function hex(bytes) {
    return randomBytes(bytes).toString('hex');
}
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export function base62Id(length) {
    const bytes = randomBytes(length);
    let out = '';
    for (const b of bytes)
        out += base62[b % 62];
    return out;
}
export function uuid() {
    return randomUUID();
}
/** A stable pseudo-id derived from a string, so a key keeps its org/team id across requests. */
export function stableId(seed, length = 24) {
    let h = 2166136261;
    let out = '';
    while (out.length < length) {
        for (let i = 0; i < seed.length; i++)
            h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
        h = Math.imul(h ^ out.length, 16777619) >>> 0;
        out += h.toString(36);
    }
    return out.slice(0, length);
}
/** A stable UUID-shaped id derived from a string. */
export function stableUuid(seed) {
    const h = stableId(seed, 40)
        .split('')
        .map(c => (parseInt(c, 36) % 16).toString(16))
        .join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
