import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {classifyNetworkError} from '../../source/net/classify.js';

function error(code: string | undefined, name = 'Error', message = 'boom'): Error {
	const err = new Error(message) as Error & {code?: string};
	err.name = name;
	if (code) err.code = code;
	return err;
}

describe('classifyNetworkError', () => {
	it.each([
		['ENOTFOUND', 'dns'],
		['EAI_AGAIN', 'dns'],
		['ECONNREFUSED', 'refused'],
		['ECONNRESET', 'reset'],
		['UND_ERR_SOCKET', 'reset'],
		['ENETUNREACH', 'offline'],
		['EHOSTUNREACH', 'offline'],
		['CERT_HAS_EXPIRED', 'tls'],
		['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
		['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
		['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
		['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
		['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
		['UND_ERR_BODY_TIMEOUT', 'timeout'],
		['UND_ERR_ABORTED', 'timeout'],
		['ETIMEDOUT', 'timeout'],
		['HPE_INVALID_CONSTANT', 'protocol'],
		['UND_ERR_HEADERS_OVERFLOW', 'protocol'],
		['UND_ERR_RES_EXCEEDED_MAX_SIZE', 'too_large'],
		['UND_ERR_INVALID_ARG', 'other'],
	])('%s → %s', (code, kind) => {
		expect(classifyNetworkError(error(code))).toMatchObject({kind, code});
	});

	it('reads the code of a wrapped cause (fetch style)', () => {
		const err = new TypeError('fetch failed', {cause: error('ECONNREFUSED')});
		expect(classifyNetworkError(err)).toMatchObject({kind: 'refused', code: 'ECONNREFUSED'});
	});

	it('classifies by name when there is no code', () => {
		expect(classifyNetworkError(error(undefined, 'HTTPParserError')).kind).toBe('protocol');
		expect(classifyNetworkError(error(undefined, 'TimeoutError')).kind).toBe('timeout');
		expect(classifyNetworkError(error(undefined, 'AbortError')).kind).toBe('timeout');
	});

	it('scrubs key material out of the message', () => {
		const failure = classifyNetworkError(error('ECONNRESET', 'Error', 'socket hang up sending Bearer sk-test-abcdefghijklmnopqrstu'));
		expect(failure.message).not.toContain('abcdefghijklmnop');
		expect(failure.message).toContain('connection reset');
	});

	it('never throws, whatever is thrown', () => {
		fc.assert(
			fc.property(fc.anything(), thrown => {
				const failure = classifyNetworkError(thrown);
				expect(typeof failure.message).toBe('string');
				expect(failure.kind).toBeTypeOf('string');
			}),
		);
	});
});
