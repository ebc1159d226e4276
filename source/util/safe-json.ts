// JSON.parse on an answer from the network, without letting the answer choose how deep we recurse
// or how much we allocate. Shared by the adapters (data from bodies) and diagnosis (errors in bodies).

/** Bodies nested deeper than this are refused unparsed; no provider error is more than ~8 deep. */
export const MAX_JSON_DEPTH = 200;

/** Bodies above this are not parsed (the transport caps at 1 MiB; `explain` input is not capped). */
export const MAX_JSON_CHARS = 2 * 1024 * 1024;

export type JsonResult =
	| {ok: true; value: unknown}
	| {ok: false; reason: 'too_deep' | 'too_large' | 'invalid'};

/**
 * Deepest bracket nesting outside strings. Stops scanning as soon as the depth passes `limit`, so a
 * body of a million `[` costs `limit` steps, not a stack overflow later.
 */
export function nestingDepth(text: string, limit = MAX_JSON_DEPTH): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++;
			else if (c === 0x22) inString = false;
			continue;
		}
		if (c === 0x22) {
			inString = true;
		} else if (c === 0x7b || c === 0x5b) {
			depth++;
			if (depth > max) {
				max = depth;
				if (max > limit) return max;
			}
		} else if (c === 0x7d || c === 0x5d) {
			depth--;
		}
	}
	return max;
}

export type JsonLimits = {maxDepth?: number; maxChars?: number};

export function parseJson(text: string, limits: JsonLimits = {}): JsonResult {
	const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
	if (text.length > (limits.maxChars ?? MAX_JSON_CHARS)) return {ok: false, reason: 'too_large'};
	if (nestingDepth(text, maxDepth) > maxDepth) return {ok: false, reason: 'too_deep'};
	try {
		return {ok: true, value: JSON.parse(text) as unknown};
	} catch {
		return {ok: false, reason: 'invalid'};
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why a successful answer's body cannot be the API's answer, or undefined when it can. Every probe endpoint
 * answers a JSON object or array; anything else on a 2xx came from something in between (a proxy, a captive
 * portal, a gateway) or from a broken API, and must not read as "key works". An empty body is left alone.
 */
export function unreadableBody(text: string, truncated = false, limits: JsonLimits = {}): string | undefined {
	if (truncated) return 'the body was larger than keywatch reads (1 MiB) and was cut off';
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	if (!/^[[{]/.test(trimmed)) {
		if (/^(?:null|true|false)$/.test(trimmed)) return `the body was the bare JSON value ${trimmed}, not an object`;
		if (/^-?\d[\d.eE+-]*$/.test(trimmed)) return 'the body was a bare JSON number, not an object';
		if (trimmed.startsWith('"')) return 'the body was a bare JSON string, not an object';
		return 'the body was not JSON';
	}
	const parsed = parseJson(trimmed, limits);
	if (parsed.ok) return undefined;
	if (parsed.reason === 'too_large') return 'the body was too large to read';
	if (parsed.reason === 'too_deep') return `the body was JSON nested more than ${limits.maxDepth ?? MAX_JSON_DEPTH} levels deep`;
	return 'the body was cut-off or invalid JSON';
}
