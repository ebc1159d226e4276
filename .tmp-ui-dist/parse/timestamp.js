import { headerValues, pick, splitHeaderValues } from './header.js';
const DAY_MS = 86_400_000;
/** An absolute reset further than this from now (either way) is not a reset: reject it. */
export const MAX_TIMESTAMP_DISTANCE_MS = 366 * DAY_MS;
/** Epoch resets (OpenRouter) beyond this are a seconds/milliseconds mix-up, not a real window. */
export const MAX_EPOCH_RESET_AHEAD_MS = 40 * DAY_MS;
/** A reset this far in the past is stale beyond clock skew. */
export const MAX_EPOCH_RESET_BEHIND_MS = DAY_MS;
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
/** True when the calendar date exists (no 2025-02-30, no month 13). */
export function isRealDate(year, month, day) {
    if (month < 1 || month > 12 || day < 1)
        return false;
    return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
/**
 * Epoch milliseconds from an RFC 3339 timestamp (Anthropic's `2025-08-21T12:40:59Z`). Undefined for
 * malformed text, impossible dates or times, and anything more than a year away from `now`.
 * Repeated values: the latest.
 */
export function parseTimestamp(value, now) {
    return pick(headerValues(value).map(text => parseOneTimestamp(text, now)), 'max');
}
function parseOneTimestamp(text, now) {
    const match = rfc3339.exec(text);
    if (!match)
        return undefined;
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
    if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 60)
        return undefined;
    const fraction = match[7] ? Math.round(Number(match[7]) * 1000) : 0;
    let offsetMs = 0;
    const zone = match[8];
    if (zone !== 'Z' && zone !== 'z') {
        const offsetHours = Number(zone.slice(1, 3));
        const offsetMinutes = Number(zone.slice(4, 6));
        if (offsetHours > 23 || offsetMinutes > 59)
            return undefined;
        offsetMs = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
    }
    // A leap second (:60) is read as the last instant of that minute.
    const at = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) + (second === 60 ? 999 : fraction) - offsetMs;
    if (!Number.isFinite(at) || Math.abs(at - now) > MAX_TIMESTAMP_DISTANCE_MS)
        return undefined;
    return at;
}
/**
 * Epoch milliseconds from a Unix-epoch reset (OpenRouter `X-RateLimit-Reset`), in seconds or
 * milliseconds: values of 1e11 and above are milliseconds (1e11 s would be the year 5138), values
 * from 1e9 are seconds, smaller values are not epochs and are rejected. A result more than 40 days
 * ahead (a unit mix-up) or more than a day behind is undefined. Repeated values: the latest.
 */
export function parseEpochReset(value, now) {
    return pick(splitHeaderValues(value).map(text => parseOneEpoch(text, now)), 'max');
}
function parseOneEpoch(text, now) {
    if (!/^\d{1,20}(?:\.\d{1,9})?$/.test(text))
        return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 1e9)
        return undefined;
    const at = Math.round(n >= 1e11 ? n : n * 1000);
    if (at - now > MAX_EPOCH_RESET_AHEAD_MS || now - at > MAX_EPOCH_RESET_BEHIND_MS)
        return undefined;
    return at;
}
