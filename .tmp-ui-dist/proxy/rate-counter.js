// Requests per minute per key: 60 one-second buckets, so counting costs O(1) whatever the traffic.
const BUCKETS = 60;
const BUCKET_MS = 1000;
export class SlidingCounter {
    #counts = new Array(BUCKETS).fill(0);
    #stamps = new Array(BUCKETS).fill(-1);
    /** Count one event at `now` (epoch ms). */
    add(now) {
        const second = Math.floor(now / BUCKET_MS);
        const slot = second % BUCKETS;
        if (this.#stamps[slot] !== second) {
            this.#stamps[slot] = second;
            this.#counts[slot] = 0;
        }
        this.#counts[slot] = (this.#counts[slot] ?? 0) + 1;
    }
    /** Events in the 60 s ending at `now`. */
    total(now) {
        const second = Math.floor(now / BUCKET_MS);
        let sum = 0;
        for (let slot = 0; slot < BUCKETS; slot++) {
            const stamp = this.#stamps[slot] ?? -1;
            if (stamp > second - BUCKETS && stamp <= second)
                sum += this.#counts[slot] ?? 0;
        }
        return sum;
    }
}
