// Fixed-capacity FIFO: the newest `capacity` items, oldest dropped first. Memory stays flat over days of uptime.
export class RingBuffer {
    capacity;
    #items;
    #start = 0;
    #size = 0;
    constructor(capacity) {
        if (!Number.isInteger(capacity) || capacity < 1)
            throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
        this.capacity = capacity;
        this.#items = new Array(capacity);
    }
    get size() {
        return this.#size;
    }
    push(item) {
        if (this.#size < this.capacity) {
            this.#items[(this.#start + this.#size) % this.capacity] = item;
            this.#size++;
            return;
        }
        this.#items[this.#start] = item;
        this.#start = (this.#start + 1) % this.capacity;
    }
    /** Oldest first. */
    at(index) {
        if (!Number.isInteger(index) || index < 0 || index >= this.#size)
            return undefined;
        return this.#items[(this.#start + index) % this.capacity];
    }
    last() {
        return this.at(this.#size - 1);
    }
    /** A new array, oldest first. */
    toArray() {
        const out = [];
        for (let i = 0; i < this.#size; i++)
            out.push(this.#items[(this.#start + i) % this.capacity]);
        return out;
    }
    clear() {
        this.#items = new Array(this.capacity);
        this.#start = 0;
        this.#size = 0;
    }
    *[Symbol.iterator]() {
        for (let i = 0; i < this.#size; i++)
            yield this.#items[(this.#start + i) % this.capacity];
    }
}
