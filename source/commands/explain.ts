// `keywatch explain`: one provider answer in (as JSON), the verdict out. Pure apart from the clock:
// the CLI wrapper (explain-cli.ts) does the reading and printing.
import {diagnose, formatVerdict, guessProvider, pagesFor} from '../diagnosis/index.js';
import {isRecord, nestingDepth} from '../util/safe-json.js';
import {getAdapter} from '../providers/registry.js';
import {type Exchange, type NetworkFailureKind, PROVIDER_IDS, type ProviderId, type RateWindow} from '../types.js';

export type ExplainOptions = {json: boolean; provider?: string; now?: number};
export type ExplainResult = {stdout: string; stderr: string; exitCode: number};

const EXAMPLE = '{"provider":"openai","status":429,"headers":{},"body":"<the raw response body>"}';
const MAX_INPUT_DEPTH = 1000;

const aliases: Record<string, ProviderId> = {
	azure: 'azure_openai',
	'azure-openai': 'azure_openai',
	google: 'gemini',
	claude: 'anthropic',
	grok: 'xai',
	'x.ai': 'xai',
	'together-ai': 'together',
	compatible: 'openai_compatible',
	'openai-compatible': 'openai_compatible',
};

const networkKinds: readonly NetworkFailureKind[] = ['dns', 'refused', 'reset', 'tls', 'timeout', 'protocol', 'too_large', 'redirect', 'offline', 'other'];

class InputError extends Error {}

export function runExplain(input: string, options: ExplainOptions): ExplainResult {
	try {
		return explain(input, options);
	} catch (error) {
		if (error instanceof InputError) return {stdout: '', stderr: `keywatch explain: ${error.message}\n`, exitCode: 2};
		throw error;
	}
}

function explain(input: string, options: ExplainOptions): ExplainResult {
	const document = readDocument(input);
	const status = readStatus(document.status);
	const headers = readHeaders(document.headers);
	const body = readBody(document);
	const network = readNetwork(document.network);
	const named = options.provider ?? (typeof document.provider === 'string' ? document.provider : undefined);
	let provider: ProviderId;
	let guessed = false;
	if (named !== undefined && named.trim() !== '') {
		provider = resolveProvider(named);
	} else {
		const guess = guessProvider(headers, body);
		if (!guess) throw new InputError(`cannot tell which provider sent this answer: add "provider" to the input or pass --provider (one of ${PROVIDER_IDS.join(', ')})`);
		provider = guess;
		guessed = true;
	}
	const now = options.now ?? Date.now();
	const exchange: Exchange = {provider, status, headers, body, at: now, ...(network ? {network} : {})};
	const verdict = diagnose(exchange, {windows: decodeWindows(exchange, now), now});
	const note = guessed ? `provider guessed from the answer: ${provider} (pass --provider to override)` : '';
	if (options.json) return {stdout: `${JSON.stringify(verdict, null, 2)}\n`, stderr: note ? `keywatch explain: ${note}\n` : '', exitCode: 0};
	const label = pagesFor(provider).label;
	const providerLine = `Provider: ${label === 'the provider' ? 'OpenAI-compatible' : label}${guessed ? ' (guessed from the answer; pass --provider to override)' : ''}`;
	return {stdout: formatVerdict(verdict, [providerLine]), stderr: '', exitCode: 0};
}

function readDocument(input: string): Record<string, unknown> {
	const text = typeof input === 'string' ? input.trim() : '';
	if (!text) throw new InputError(`no input: pipe one JSON document on stdin, like ${EXAMPLE}`);
	if (nestingDepth(text, MAX_INPUT_DEPTH) > MAX_INPUT_DEPTH) {
		throw new InputError(`input is nested more than ${MAX_INPUT_DEPTH} levels deep: pass the body as a string ("body": "<raw text>")`);
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 120) : 'parse error';
		throw new InputError(`input is not JSON (${reason}): wrap the answer like ${EXAMPLE}`);
	}
	if (!isRecord(value)) throw new InputError(`input must be a JSON object like ${EXAMPLE}`);
	return value;
}

function readStatus(value: unknown): number | null {
	if (value === undefined || value === null) return null;
	const n = typeof value === 'string' && /^\s*\d{3}\s*$/.test(value) ? Number(value) : value;
	if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 999) return n;
	throw new InputError('"status" must be an HTTP status number (like 429), null, or left out');
}

function readHeaders(value: unknown): Exchange['headers'] {
	if (value === undefined || value === null) return {};
	if (!isRecord(value)) throw new InputError('"headers" must be an object of header names to values, like {"retry-after": "20"}');
	const out: Exchange['headers'] = {};
	for (const [name, raw] of Object.entries(value)) {
		const key = name.toLowerCase();
		if (typeof raw === 'string') out[key] = raw;
		else if (typeof raw === 'number' || typeof raw === 'boolean') out[key] = String(raw);
		else if (Array.isArray(raw)) out[key] = raw.filter(item => typeof item === 'string' || typeof item === 'number').map(String);
	}
	return out;
}

function readBody(document: Record<string, unknown>): string {
	if (!('body' in document) || document.body === undefined) {
		throw new InputError('the input has no "body": add the raw response text or JSON as "body" (use "" for an empty response)');
	}
	const body = document.body;
	if (typeof body === 'string') return body;
	if (body === null) return '';
	try {
		return JSON.stringify(body);
	} catch {
		throw new InputError('"body" could not be turned back into text: pass it as a string');
	}
}

function readNetwork(value: unknown): Exchange['network'] {
	if (!isRecord(value)) return undefined;
	const kind = networkKinds.find(k => k === value.kind) ?? 'other';
	const message = typeof value.message === 'string' ? value.message : '';
	return {kind, message, ...(typeof value.code === 'string' ? {code: value.code} : {})};
}

function resolveProvider(name: string): ProviderId {
	const key = name.trim().toLowerCase();
	const found = (PROVIDER_IDS as readonly string[]).find(id => id === key) as ProviderId | undefined;
	const provider = found ?? aliases[key];
	if (!provider) throw new InputError(`unknown provider "${name.slice(0, 40)}": use one of ${PROVIDER_IDS.join(', ')}`);
	return provider;
}

/** The adapter's windows make the verdict say which bucket tripped. A decoder bug must not stop the explanation. */
function decodeWindows(exchange: Exchange, now: number): RateWindow[] {
	try {
		return getAdapter(exchange.provider).decode('any', exchange, now).windows;
	} catch {
		return [];
	}
}
