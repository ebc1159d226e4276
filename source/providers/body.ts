// Provider bodies are untrusted: not always JSON, not always objects, sometimes wrapped.

/** Bodies larger than this are not parsed for data (the transport already caps them at 1 MiB). */
const MAX_PARSE_CHARS = 1024 * 1024;
/** No provider answer nests deeper than a handful of levels; a body that does is refused unparsed. */
const MAX_DEPTH = 64;

/** Deepest bracket nesting outside strings; stops counting once past `limit`. */
function nestingDepth(text: string, limit: number): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++;
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) {
			inString = true;
		} else if (c === 0x7b || c === 0x5b) {
			if (++depth > max && (max = depth) > limit) return max;
		} else if (c === 0x7d || c === 0x5d) {
			depth--;
		}
	}
	return max;
}

/** JSON.parse that returns undefined instead of throwing (and for bodies too large or too deep to trust). */
export function parseJson(text: string): unknown {
	if (!text || text.length > MAX_PARSE_CHARS || nestingDepth(text, MAX_DEPTH) > MAX_DEPTH) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/**
 * Why a successful answer's body cannot be the API's answer, or undefined when it can. Every probe endpoint
 * answers a JSON object or array; anything else on a 2xx came from something in between (a proxy, a captive
 * portal, a gateway) or from a broken API, and must not read as "key works". An empty body is left alone.
 */
export function unreadableBody(text: string, truncated = false): string | undefined {
	if (truncated) return 'the body was larger than keywatch reads for a probe (1 MiB) and was cut off';
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	if (!/^[[{]/.test(trimmed)) {
		if (/^(?:null|true|false)$/.test(trimmed)) return `the body was the bare JSON value ${trimmed}, not an object`;
		if (/^-?\d[\d.eE+-]*$/.test(trimmed)) return 'the body was a bare JSON number, not an object';
		if (trimmed.startsWith('"')) return 'the body was a bare JSON string, not an object';
		return 'the body was not JSON';
	}
	if (trimmed.length > MAX_PARSE_CHARS) return 'the body was too large to read';
	if (nestingDepth(trimmed, MAX_DEPTH) > MAX_DEPTH) return `the body was JSON nested more than ${MAX_DEPTH} levels deep`;
	try {
		JSON.parse(trimmed);
		return undefined;
	} catch {
		return 'the body was cut-off or invalid JSON';
	}
}
