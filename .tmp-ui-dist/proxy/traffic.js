import { SlidingCounter } from './rate-counter.js';
export class TrafficBook {
    now;
    #entries = new Map();
    constructor(now) {
        this.now = now;
    }
    /** One upstream request started with this key. */
    start(keyName, provider) {
        let entry = this.#entries.get(keyName);
        if (!entry) {
            entry = { provider, counter: new SlidingCounter(), inFlight: 0, total: 0 };
            this.#entries.set(keyName, entry);
        }
        entry.counter.add(this.now());
        entry.inFlight++;
        entry.total++;
    }
    /** That request's answer ended (or failed). */
    end(keyName, answered) {
        const entry = this.#entries.get(keyName);
        if (!entry)
            return;
        entry.inFlight = Math.max(0, entry.inFlight - 1);
        if (answered)
            entry.lastAt = this.now();
    }
    snapshot() {
        const now = this.now();
        const out = {};
        for (const [name, entry] of this.#entries) {
            out[name] = {
                provider: entry.provider,
                requestsPerMinute: entry.counter.total(now),
                inFlight: entry.inFlight,
                total: entry.total,
                ...(entry.lastAt === undefined ? {} : { lastAt: entry.lastAt }),
            };
        }
        return out;
    }
}
