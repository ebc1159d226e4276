import {sanitize} from '../secrets/scrub.js';
import type {NetworkFailureKind} from '../types.js';

export type NetworkFailure = {kind: NetworkFailureKind; code?: string; message: string};

type ErrorLike = {name?: unknown; code?: unknown; message?: unknown; cause?: unknown};

const byCode: Record<string, NetworkFailureKind> = {
	ENOTFOUND: 'dns',
	EAI_AGAIN: 'dns',
	EAI_NODATA: 'dns',
	EAI_NONAME: 'dns',
	EAI_FAIL: 'dns',
	ECONNREFUSED: 'refused',
	ECONNRESET: 'reset',
	ECONNABORTED: 'reset',
	EPIPE: 'reset',
	UND_ERR_SOCKET: 'reset',
	UND_ERR_CLOSED: 'reset',
	ENETUNREACH: 'offline',
	ENETDOWN: 'offline',
	EHOSTUNREACH: 'offline',
	EHOSTDOWN: 'offline',
	ETIMEDOUT: 'timeout',
	UND_ERR_CONNECT_TIMEOUT: 'timeout',
	UND_ERR_HEADERS_TIMEOUT: 'timeout',
	UND_ERR_BODY_TIMEOUT: 'timeout',
	UND_ERR_ABORTED: 'timeout',
	ABORT_ERR: 'timeout',
	UND_ERR_HEADERS_OVERFLOW: 'protocol',
	UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'protocol',
	UND_ERR_RES_EXCEEDED_MAX_SIZE: 'too_large',
	// The transport's own: a content-encoding it cannot read, or compressed data that does not decode.
	BAD_CONTENT_ENCODING: 'protocol',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
	SELF_SIGNED_CERT_IN_CHAIN: 'tls',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
	UNABLE_TO_GET_ISSUER_CERT: 'tls',
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls',
	HOSTNAME_MISMATCH: 'tls',
};

const explanation: Record<NetworkFailureKind, string> = {
	dns: 'host name could not be resolved',
	refused: 'connection refused',
	reset: 'connection reset before the answer was complete',
	tls: 'TLS certificate or handshake problem',
	timeout: 'no complete answer in time',
	protocol: 'the answer was not valid HTTP',
	too_large: 'the answer was larger than allowed',
	redirect: 'redirect not followed',
	offline: 'network unreachable',
	other: 'request failed',
};

function codeOf(err: ErrorLike): string | undefined {
	if (typeof err.code === 'string' && err.code) return err.code;
	const cause = err.cause as ErrorLike | undefined;
	if (cause && typeof cause === 'object' && typeof cause.code === 'string' && cause.code) return cause.code;
	return undefined;
}

function kindOf(code: string | undefined, name: string): NetworkFailureKind {
	if (code) {
		const known = byCode[code];
		if (known) return known;
		if (code.startsWith('HPE_')) return 'protocol';
		if (code.startsWith('CERT_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) return 'tls';
		if (code.startsWith('EAI_')) return 'dns';
	}
	// undici's HTTPParserError can arrive with no code at all; AbortSignal.timeout gives a TimeoutError.
	if (name === 'HTTPParserError') return 'protocol';
	if (name === 'TimeoutError' || name === 'AbortError' || name === 'HeadersTimeoutError' || name === 'BodyTimeoutError' || name === 'ConnectTimeoutError') return 'timeout';
	return 'other';
}

/**
 * Sort an error from undici or Node into a NetworkFailureKind by its stable `code`/`name`, never by
 * `instanceof` (the global dispatcher may be another undici copy). The message says what happened in
 * words and carries the original text only after scrubbing; it never contains request headers.
 */
export function classifyNetworkError(error: unknown): NetworkFailure {
	const err: ErrorLike = error && typeof error === 'object' ? (error as ErrorLike) : {message: String(error)};
	const code = codeOf(err);
	const name = typeof err.name === 'string' ? err.name : '';
	const kind = kindOf(code, name);
	const detail = typeof err.message === 'string' ? sanitize(err.message).slice(0, 200) : '';
	const message = detail && detail !== explanation[kind] ? `${explanation[kind]}: ${detail}` : explanation[kind];
	return code ? {kind, code, message} : {kind, message};
}

export function describeFailure(kind: NetworkFailureKind): string {
	return explanation[kind];
}
