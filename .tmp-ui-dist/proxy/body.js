// Reading what passes through: bytes go to the client untouched; keywatch looks at a bounded copy,
// decompressed when the provider compressed it.
import { brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';
/** Error bodies kept for diagnosis. */
export const ERROR_BODY_CAP = 64 * 1024;
/** Success bodies read for `usage` (JSON log only), and request bodies kept for a failover retry. */
export const USAGE_BODY_CAP = 1024 * 1024;
export const RETRY_BODY_CAP = 1024 * 1024;
/** Collects the first `cap` bytes of a stream without holding the rest. */
export class Capture {
    cap;
    #chunks = [];
    #size = 0;
    truncated = false;
    constructor(cap) {
        this.cap = cap;
    }
    push(chunk) {
        if (this.#size >= this.cap) {
            this.truncated = true;
            return;
        }
        const room = this.cap - this.#size;
        const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
        if (chunk.length > room)
            this.truncated = true;
        this.#chunks.push(piece);
        this.#size += piece.length;
    }
    get size() {
        return this.#size;
    }
    bytes() {
        return Buffer.concat(this.#chunks, this.#size);
    }
}
/**
 * Body text for diagnosis and usage. Compressed bodies are inflated tolerating truncation (we may hold
 * only the first 64 KiB), with the output capped; anything undecodable yields ''.
 */
export function decodeBody(bytes, contentEncoding, maxOut) {
    const encoding = (Array.isArray(contentEncoding) ? contentEncoding.join(',') : (contentEncoding ?? '')).trim().toLowerCase();
    try {
        let plain;
        if (encoding === '' || encoding === 'identity')
            plain = bytes;
        else if (encoding === 'gzip' || encoding === 'x-gzip')
            plain = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: maxOut });
        else if (encoding === 'deflate')
            plain = inflateSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: maxOut });
        else if (encoding === 'br')
            plain = brotliDecompressSync(bytes, { finishFlush: constants.BROTLI_OPERATION_FLUSH, maxOutputLength: maxOut });
        else
            return '';
        return plain.subarray(0, maxOut).toString('utf8');
    }
    catch {
        return '';
    }
}
