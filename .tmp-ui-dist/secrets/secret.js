import { inspect } from 'node:util';
import { registerSecret } from './scrub.js';
// Only the family marker is shown: `sk-ant-api03-…` would already say more than the reader needs.
const knownPrefixes = ['sk-', 'gsk_', 'xai-', 'AIza'];
/** `sk-…abcd` at most: a known family prefix and the last four characters; short keys are fully masked. */
export function mask(value) {
    const trimmed = value.trim();
    if (trimmed.length < 12)
        return '…';
    const prefix = knownPrefixes.find(p => trimmed.startsWith(p)) ?? '';
    return `${prefix}…${trimmed.slice(-4)}`;
}
/**
 * A key held in memory. Every way of turning it into text yields the mask; `reveal()` is called only
 * where a request header is built.
 */
export class Secret {
    #value;
    constructor(value) {
        this.#value = value.trim();
        registerSecret(this.#value);
    }
    reveal() {
        return this.#value;
    }
    get masked() {
        return mask(this.#value);
    }
    toString() {
        return this.masked;
    }
    toJSON() {
        return this.masked;
    }
    valueOf() {
        return this.masked;
    }
    [inspect.custom]() {
        return `Secret(${this.masked})`;
    }
}
