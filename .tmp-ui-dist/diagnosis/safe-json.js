// JSON.parse on an answer from the network, without letting the answer choose how deep we recurse
// or how much we allocate.
/** Bodies nested deeper than this are refused unparsed; no provider error is more than ~8 deep. */
export const MAX_JSON_DEPTH = 200;
/** Bodies above this are not parsed (the transport caps at 1 MiB; `explain` input is not capped). */
export const MAX_JSON_CHARS = 2 * 1024 * 1024;
/**
 * Deepest bracket nesting outside strings. Stops scanning as soon as the depth passes `limit`, so a
 * body of a million `[` costs `limit` steps, not a stack overflow later.
 */
export function nestingDepth(text, limit = MAX_JSON_DEPTH) {
    let depth = 0;
    let max = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
            continue;
        }
        if (c === 0x22) {
            inString = true;
        }
        else if (c === 0x7b || c === 0x5b) {
            depth++;
            if (depth > max) {
                max = depth;
                if (max > limit)
                    return max;
            }
        }
        else if (c === 0x7d || c === 0x5d) {
            depth--;
        }
    }
    return max;
}
export function parseJson(text) {
    if (text.length > MAX_JSON_CHARS)
        return { ok: false, reason: 'too_large' };
    if (nestingDepth(text) > MAX_JSON_DEPTH)
        return { ok: false, reason: 'too_deep' };
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false, reason: 'invalid' };
    }
}
export function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
