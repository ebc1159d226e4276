// A counting semaphore: the global bound on requests in flight across all keys.
export class Semaphore {
    limit;
    #active = 0;
    #waiting = [];
    constructor(limit) {
        this.limit = Math.max(1, Math.floor(limit) || 1);
    }
    get active() {
        return this.#active;
    }
    get waiting() {
        return this.#waiting.length;
    }
    /** Resolves with a release function once a slot is free; call it exactly once. */
    async acquire() {
        if (this.#active < this.limit) {
            this.#active++;
        }
        else {
            // The releasing holder hands its slot straight to us, so #active never exceeds the limit.
            await new Promise(resolve => {
                this.#waiting.push(resolve);
            });
        }
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            const next = this.#waiting.shift();
            if (next)
                next();
            else
                this.#active--;
        };
    }
}
