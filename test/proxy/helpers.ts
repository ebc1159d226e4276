// A tiny upstream that streams server-sent events and echoes bytes, recording exactly what it received
// and sent, so tests can compare bytes end to end. The fake provider has no streaming.
import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {createServer, type IncomingHttpHeaders} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Agent, request} from 'undici';
import {startProxy} from '../../source/proxy/server.js';
import type {FailoverEvent, ProxyHandle, ProxyOptions} from '../../source/proxy/types.js';
import type {Exchange, KeyConfig, ProviderId} from '../../source/types.js';

export type Seen = {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
	/** Everything this upstream wrote into the response body. */
	sent: Buffer[];
	/** Resolves true when the response was cut before it ended (the proxy aborted), false when it ended. */
	ended: Promise<boolean>;
};

export const SSE_EVENTS = [
	'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}\n\n',
	'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\n',
	'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"lo ✓"}}]}\n\n',
	'data: {"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":3,"total_tokens":14}}\n\n',
	'data: [DONE]\n\n',
];

export type Upstream = {
	url: string;
	seen: Seen[];
	/** Streams started after this pause after their first event until the returned function is called. */
	holdStreams(): () => void;
	/** A fixed pseudo-random payload served at GET /v1/blob. */
	blob: Buffer;
	openConnections(): number;
	close(): Promise<void>;
};

export function sha256(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

function pseudoRandom(size: number): Buffer {
	const out = Buffer.alloc(size);
	let x = 0x2545f491;
	for (let i = 0; i < size; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		out[i] = x & 0xff;
	}
	return out;
}

export async function startUpstream(): Promise<Upstream> {
	const seen: Seen[] = [];
	const sockets = new Set<Socket>();
	const blob = pseudoRandom(300 * 1024);
	let gate: Promise<void> | undefined;

	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		const sent: Buffer[] = [];
		let resolveEnded: (cut: boolean) => void = () => {};
		const ended = new Promise<boolean>(resolve => (resolveEnded = resolve));
		const record: Seen = {method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.alloc(0), sent, ended};
		seen.push(record);
		res.on('close', () => resolveEnded(!res.writableFinished));
		const write = (chunk: Buffer | string): void => {
			const bytes = Buffer.from(chunk);
			sent.push(bytes);
			res.write(bytes);
		};
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			record.body = Buffer.concat(chunks);
			// Keys named like the fake's invalid scenario get OpenAI's invalid-key answer, after the whole body.
			if (String(req.headers.authorization).includes('sk-test-invalid')) {
				const body = JSON.stringify({error: {message: 'Incorrect API key provided: sk-tes***0000.', type: 'invalid_request_error', param: null, code: 'invalid_api_key'}});
				res.writeHead(401, {'content-type': 'application/json', 'content-length': String(body.length)});
				sent.push(Buffer.from(body));
				res.end(body);
				return;
			}
			if (req.url?.startsWith('/v1/chat/completions')) {
				const myGate = gate;
				res.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-ratelimit-remaining-requests': '42'});
				void (async () => {
					for (const [i, event] of SSE_EVENTS.entries()) {
						if (res.destroyed) return;
						write(event);
						if (i === 0 && myGate) await myGate;
						await new Promise(resolve => setImmediate(resolve));
					}
					res.end();
				})();
				return;
			}
			if (req.url === '/v1/echo') {
				res.writeHead(200, {'content-type': 'application/octet-stream', 'content-length': String(record.body.length)});
				sent.push(record.body);
				res.end(record.body);
				return;
			}
			if (req.url === '/v1/blob') {
				res.writeHead(200, {'content-type': 'application/octet-stream', 'x-blob-sha256': sha256(blob)});
				// Uneven pieces so chunk boundaries differ between upstream and client.
				for (let at = 0; at < blob.length; at += 7777) write(blob.subarray(at, at + 7777));
				res.end();
				return;
			}
			const body = JSON.stringify({ok: true});
			res.writeHead(200, {'content-type': 'application/json', 'content-length': String(body.length)});
			sent.push(Buffer.from(body));
			res.end(body);
		});
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		seen,
		blob,
		holdStreams() {
			let release: () => void = () => {};
			gate = new Promise<void>(resolve => (release = resolve));
			return () => {
				gate = undefined;
				release();
			};
		},
		openConnections: () => sockets.size,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

export function tempConfigDir(): {dir: string; remove(): void} {
	const dir = mkdtempSync(join(tmpdir(), 'kw-proxy-'));
	return {dir, remove: () => rmSync(dir, {recursive: true, force: true})};
}

/** Poll a condition on the event loop (no fixed sleeps), failing after `tries` turns of 10 ms. */
export async function until(condition: () => boolean, what: string, tries = 500): Promise<void> {
	for (let i = 0; i < tries; i++) {
		if (condition()) return;
		await new Promise(resolve => setTimeout(resolve, 10));
	}
	throw new Error(`timed out waiting for ${what}`);
}

export async function readAll(body: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks);
}

export {request};

// ---- a running proxy with everything it reports recorded ----

export type Harness = {
	proxy: ProxyHandle;
	token: string;
	exchanges: Array<{keyName: string; provider: ProviderId; exchange: Exchange}>;
	failovers: FailoverEvent[];
	logLines: string[];
	client: Agent;
	close(): Promise<void>;
};

export function testKey(name: string, provider: ProviderId, baseUrl: string, extra: Partial<KeyConfig> = {}): KeyConfig {
	return {name, provider, secret: {type: 'env', name: `KW_TEST_${name.toUpperCase()}`}, baseUrl, ...extra};
}

export async function startHarness(keys: KeyConfig[], secrets: Record<string, string>, extra: Partial<ProxyOptions> = {}): Promise<Harness> {
	const config = tempConfigDir();
	const exchanges: Harness['exchanges'] = [];
	const failovers: FailoverEvent[] = [];
	const logLines: string[] = [];
	const proxy = await startProxy({
		configDir: config.dir,
		port: 0,
		keys,
		resolveSecret: name => secrets[name],
		onExchange: (keyName, provider, exchange) => exchanges.push({keyName, provider, exchange}),
		onFailover: event => failovers.push(event),
		log: line => logLines.push(line),
		...extra,
	});
	const token = readFileSync(proxy.tokenPath, 'utf8').trim();
	const client = new Agent();
	let closing: Promise<void> | undefined;
	return {
		proxy,
		token,
		exchanges,
		failovers,
		logLines,
		client,
		close() {
			closing ??= (async () => {
				await client.close();
				await proxy.close();
				config.remove();
			})();
			return closing;
		},
	};
}
