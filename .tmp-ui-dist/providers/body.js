// Provider bodies are untrusted: not always JSON, not always objects, sometimes wrapped.
/** Bodies larger than this are not parsed for data (the transport already caps them at 1 MiB). */
const MAX_PARSE_CHARS = 1024 * 1024;
/** JSON.parse that returns undefined instead of throwing. */
export function parseJson(text) {
    if (!text || text.length > MAX_PARSE_CHARS)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
export function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * The `error` object of an error body, unwrapping what was seen in the wild: a JSON array around the
 * body (Gemini streaming), `error.error` nesting (OpenRouter), and an SDK re-wrap whose message is the
 * original body as a JSON string.
 */
export function errorObject(body, depth = 0) {
    if (depth > 3)
        return undefined;
    if (Array.isArray(body))
        return body.length > 0 ? errorObject(body[0], depth + 1) : undefined;
    if (!isRecord(body))
        return undefined;
    const error = body.error;
    if (!isRecord(error))
        return undefined;
    if (isRecord(error.error))
        return errorObject(error, depth + 1);
    if (error.details === undefined && typeof error.message === 'string' && error.message.trimStart().startsWith('{')) {
        const inner = errorObject(parseJson(error.message), depth + 1);
        if (inner)
            return inner;
    }
    return error;
}
