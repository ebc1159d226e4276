// reliability-notes #10: a gzip bomb. keywatch never asks for compression, but a proxy or a hostile server may send
// it anyway: the transport decodes gzip, deflate and br as it reads and caps the *decoded* size, so a few MB on the
// wire that would inflate to 64 GiB stop at 1 MiB, and an encoding it cannot read is a protocol failure.

import {once} from 'node:events';
import zlib from 'node:zlib';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {createTransport, DEFAULT_MAX_BODY_BYTES, type TransportExchange} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import type {HttpRequest} from '../../source/providers/types.js';
import {httpServer, type Running} from '../net/servers.js';

const secret = 'sk-test-gzip-0123456789abcdef0123';
const request = (url: string): HttpRequest => ({method: 'GET', url: `${url}/v1/models`, headers: {authorization: `Bearer ${secret}`}});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()?.();
});
async function serve(handler: Parameters<typeof httpServer>[0]): Promise<Running> {
	const server = await httpServer(handler);
	cleanups.push(() => server.close());
	return server;
}
function transport(timeoutMs = 10_000): Transport {
	const t = createTransport({timeoutMs});
	cleanups.push(() => t.close());
	return t;
}

// One gzip member holding 64 MiB of spaces is 64 KB. Members may follow one another in one gzip stream, so sending
// it 1,024 times is a valid body of 64 MiB on the wire that decodes to 64 GiB.
const MEMBER_DECODED = 64 * 1024 * 1024;
const MEMBERS = 1024;
let opening: Buffer;
let member: Buffer;

beforeAll(() => {
	// The bomb opens like an API answer, so the test can tell a decoded body from raw compressed bytes.
	opening = zlib.gzipSync('{"object": "list", "data": [');
	member = zlib.gzipSync(Buffer.alloc(MEMBER_DECODED, ' '), {level: 9});
});

describe('a gzip bomb', () => {
	it('is decoded only up to the 1 MiB cap: the body is the start of the answer, cut, and the server cannot push the rest', async () => {
		let membersWritten = 0;
		const server = await serve(async (_req, res) => {
			let gone = false;
			res.on('error', () => {});
			res.on('close', () => {
				gone = true;
				res.emit('drain');
			});
			res.writeHead(200, {'content-type': 'application/json', 'content-encoding': 'gzip'});
			res.write(opening);
			while (membersWritten < MEMBERS && !gone) {
				membersWritten++;
				if (!res.write(member)) await once(res, 'drain');
			}
			res.end();
		});
		const exchange = (await transport().send(request(server.url), 'openai')) as TransportExchange;
		expect(exchange.network).toBeUndefined();
		expect(exchange.status).toBe(200);
		expect(exchange.truncated).toBe(true);
		expect(exchange.body.length).toBe(DEFAULT_MAX_BODY_BYTES);
		expect(exchange.body.startsWith('{"object": "list", "data": [')).toBe(true);
		expect(exchange.body.trimEnd()).toBe('{"object": "list", "data": [');
		// Give the server a moment to notice the closed socket: it stopped with most of the 64 MiB unsent, since
		// nothing read past what the socket buffers hold.
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(membersWritten).toBeLessThan(MEMBERS / 2);

		// A 200 whose body was cut is never "key works".
		const verdict = diagnose(exchange);
		expect(verdict.kind).toBe('unknown');
		expect(verdict.title).toBe('Unreadable answer');
		expect(statusOf(verdict, [])).toBe('DOWN');
	});
});

describe('compressed answers keywatch did not ask for', () => {
	const invalidKey = JSON.stringify({error: {message: 'Incorrect API key provided: sk-test…0123.', type: 'invalid_request_error', code: 'invalid_api_key'}});

	it.each([
		['gzip', zlib.gzipSync],
		['x-gzip', zlib.gzipSync],
		['deflate', zlib.deflateSync],
		['br', zlib.brotliCompressSync],
	] as const)('are read when %s-encoded: a compressed 401 is still an invalid key', async (encoding, compress) => {
		const server = await serve((_req, res) => {
			res.writeHead(401, {'content-type': 'application/json', 'content-encoding': encoding});
			res.end(compress(Buffer.from(invalidKey)));
		});
		const exchange = await transport().send(request(server.url), 'openai');
		expect(exchange.network).toBeUndefined();
		expect(exchange.body).toBe(invalidKey);
		const verdict = diagnose(exchange);
		expect(verdict.kind).toBe('invalid_key');
	});

	it('are a protocol failure when the compressed data is corrupt, naming the encoding', async () => {
		const server = await serve((_req, res) => {
			res.writeHead(200, {'content-type': 'application/json', 'content-encoding': 'gzip'});
			res.end(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from('definitely not deflate data, just text pretending')]));
		});
		const exchange = await transport().send(request(server.url), 'openai');
		expect(exchange.status).toBe(200);
		expect(exchange.network).toMatchObject({kind: 'protocol', code: 'BAD_CONTENT_ENCODING'});
		expect(exchange.network?.message).toMatch(/gzip data is corrupt/);
		expect(diagnose(exchange)).toMatchObject({kind: 'network', title: 'Not a valid HTTP answer'});
	});

	it.each([
		['an encoding keywatch cannot read', 'zstd', /encoded with "zstd", which keywatch cannot decode/],
		['two encodings stacked', 'gzip, br', /encoded more than once \(gzip, br\)/],
	])('are a protocol failure for %s, and the body is not read', async (_what, encoding, message) => {
		const server = await serve((_req, res) => {
			res.writeHead(200, {'content-type': 'application/json', 'content-encoding': encoding});
			res.end('{"object": "list", "data": []}');
		});
		const exchange = await transport().send(request(server.url), 'openai');
		expect(exchange.network).toMatchObject({kind: 'protocol', code: 'BAD_CONTENT_ENCODING'});
		expect(exchange.network?.message).toMatch(message);
		expect(exchange.body).toBe('');
		expect(diagnose(exchange).kind).toBe('network');
	});

	it('still reports a compressed body that stalls as a timeout, not as bad encoding', async () => {
		const server = await serve((_req, res) => {
			res.writeHead(200, {'content-type': 'application/json', 'content-encoding': 'gzip'});
			// Half a gzip stream, then silence.
			const whole = zlib.gzipSync(Buffer.from('{"object": "list", "data": []}'));
			res.write(whole.subarray(0, 12));
		});
		const exchange = await transport(1_000).send(request(server.url), 'openai');
		expect(exchange.network?.kind).toBe('timeout');
	});
});
