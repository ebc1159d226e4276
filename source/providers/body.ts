// Provider bodies are untrusted: not always JSON, not always objects, sometimes wrapped.

import {isRecord, parseJson as parseJsonSafe} from '../util/safe-json.js';

export {isRecord};

/** Bodies larger than this are not parsed for data (the transport already caps them at 1 MiB). */
const MAX_PARSE_CHARS = 1024 * 1024;
/** No provider answer nests deeper than a handful of levels; a body that does is refused unparsed. */
export const MAX_DATA_DEPTH = 64;

/** JSON.parse that returns undefined instead of throwing (and for bodies too large or too deep to trust). */
export function parseJson(text: string): unknown {
	if (!text) return undefined;
	const parsed = parseJsonSafe(text, {maxDepth: MAX_DATA_DEPTH, maxChars: MAX_PARSE_CHARS});
	return parsed.ok ? parsed.value : undefined;
}

/**
 * The `error` object of an error body, unwrapping what was seen in the wild: a JSON array around the
 * body (Gemini streaming), `error.error` nesting (OpenRouter), and an SDK re-wrap whose message is the
 * original body as a JSON string.
 */
export function errorObject(body: unknown, depth = 0): Record<string, unknown> | undefined {
	if (depth > 3) return undefined;
	if (Array.isArray(body)) return body.length > 0 ? errorObject(body[0], depth + 1) : undefined;
	if (!isRecord(body)) return undefined;
	const error = body.error;
	if (!isRecord(error)) return undefined;
	if (isRecord(error.error)) return errorObject(error, depth + 1);
	if (error.details === undefined && typeof error.message === 'string' && error.message.trimStart().startsWith('{')) {
		const inner = errorObject(parseJson(error.message), depth + 1);
		if (inner) return inner;
	}
	return error;
}
