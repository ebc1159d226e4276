import {brotliCompressSync, deflateSync, gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {Capture, decodeBody} from '../../source/proxy/body.js';

const text = JSON.stringify({error: {message: 'You exceeded your current quota', type: 'insufficient_quota'}, pad: 'x'.repeat(5000)});

describe('decodeBody', () => {
	it('reads plain, gzip, deflate and brotli bodies', () => {
		expect(decodeBody(Buffer.from(text), undefined, 1 << 20)).toBe(text);
		expect(decodeBody(gzipSync(text), 'gzip', 1 << 20)).toBe(text);
		expect(decodeBody(deflateSync(text), 'deflate', 1 << 20)).toBe(text);
		expect(decodeBody(brotliCompressSync(text), 'br', 1 << 20)).toBe(text);
	});

	it('reads what it can of a truncated compressed body, and caps the output', () => {
		const zipped = gzipSync(text);
		const partial = decodeBody(zipped.subarray(0, Math.floor(zipped.length / 2)), 'gzip', 1 << 20);
		expect(text.startsWith(partial)).toBe(true);
		expect(decodeBody(Buffer.from(text), undefined, 100)).toHaveLength(100);
	});

	it('gives an empty text for unknown encodings and garbage', () => {
		expect(decodeBody(Buffer.from(text), 'zstd', 1 << 20)).toBe('');
		expect(decodeBody(Buffer.from('not gzip'), 'gzip', 1 << 20)).toBe('');
	});
});

describe('Capture', () => {
	it('keeps the first bytes only and says it truncated', () => {
		const capture = new Capture(10);
		capture.push(Buffer.from('012345'));
		capture.push(Buffer.from('6789abc'));
		capture.push(Buffer.from('def'));
		expect(capture.bytes().toString()).toBe('0123456789');
		expect(capture.truncated).toBe(true);
	});
});
