// Per-key trend data for sparklines and forecasts: a fixed-size ring of compact samples, one per poll.
import { STATUSES } from '../types.js';
import { forecast } from './forecast.js';
import { RingBuffer } from './ring-buffer.js';
/** One day of samples at the default 60 s interval. */
export const DEFAULT_HISTORY_CAPACITY = 1440;
function finite(value) {
    return typeof value === 'number' && Number.isFinite(value);
}
/** The compact form of a key's state at one moment. Unknown numbers are left out, never zeroed. */
export function toSample(at, status, windows, credit) {
    const remaining = {};
    const fraction = {};
    for (const w of windows) {
        if (!finite(w.remaining))
            continue;
        remaining[w.id] = w.remaining;
        if (finite(w.limit) && w.limit > 0)
            fraction[w.id] = Math.min(1, Math.max(0, w.remaining / w.limit));
    }
    const sample = { at, status, remaining, fraction };
    if (finite(credit?.remaining))
        sample.credit = credit.remaining;
    return sample;
}
export class KeyHistory {
    #ring;
    constructor(capacity = DEFAULT_HISTORY_CAPACITY) {
        this.#ring = new RingBuffer(capacity);
    }
    /** Rebuild from persisted samples (the newest `capacity` are kept; malformed ones are skipped). */
    static from(samples, capacity = DEFAULT_HISTORY_CAPACITY) {
        const history = new KeyHistory(capacity);
        for (const s of samples)
            if (isSample(s))
                history.add(s);
        return history;
    }
    get size() {
        return this.#ring.size;
    }
    get capacity() {
        return this.#ring.capacity;
    }
    add(sample) {
        this.#ring.push(sample);
    }
    record(at, status, windows, credit) {
        this.add(toSample(at, status, windows, credit));
    }
    samples() {
        return this.#ring.toArray();
    }
    /** Remaining / limit per sample for one window (undefined where unknown), oldest first: a sparkline's input. */
    fractions(windowId) {
        return this.samples().map(s => s.fraction[windowId]);
    }
    statuses() {
        return this.samples().map(s => s.status);
    }
    remainingSeries(windowId) {
        const out = [];
        for (const s of this.#ring) {
            const remaining = s.remaining[windowId];
            if (remaining !== undefined)
                out.push({ at: s.at, remaining });
        }
        return out;
    }
    creditSeries() {
        const out = [];
        for (const s of this.#ring)
            if (s.credit !== undefined)
                out.push({ at: s.at, remaining: s.credit });
        return out;
    }
    forecastWindow(windowId, resetAt) {
        return forecast(this.remainingSeries(windowId), { resetAt });
    }
    forecastCredit() {
        return forecast(this.creditSeries());
    }
    toJSON() {
        return this.samples();
    }
}
function isNumberRecord(value) {
    return typeof value === 'object' && value !== null && Object.values(value).every(v => finite(v));
}
function isSample(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const s = value;
    return finite(s.at) && STATUSES.includes(s.status) && isNumberRecord(s.remaining) && isNumberRecord(s.fraction) && (s.credit === undefined || finite(s.credit));
}
