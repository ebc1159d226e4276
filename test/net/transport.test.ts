import {once} from 'node:events';
import {afterEach, describe, expect, it} from 'vitest';
import {createTransport, type TransportExchange} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import type {HttpRequest} from '../../source/providers/types.js';
import {closedPort, httpServer, type Running, tcpServer} from './servers.js';

const secret = 'sk-test-transport-0123456789abcdef';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()?.();
});

function track<T extends Running | Transport>(thing: T): T {
	cleanups.push(() => thing.close());
	return thing;
}

function get(url: string): HttpRequest {
	return {method: 'GET', url, headers: {authorization: `Bearer ${secret}`}};
}

function expectNoSecret(exchange: unknown): void {
	expect(JSON.stringify(exchange)).not.toContain(secret);
	expect(JSON.stringify(exchange)).not.toContain('transport-0123');
}

describe('createTransport: answers', () => {
	it('returns status, lower-cased headers (repeats as arrays), body and latency', async () => {
		const server = track(
			await httpServer((req, res) => {
				res.setHeader('X-RateLimit-Limit-Requests', '60');
				res.setHeader('Retry-After', ['5', '10']);
				res.setHeader('Content-Type', 'application/json');
				res.end(JSON.stringify({path: req.url, auth: req.headers.authorization === `Bearer ${secret}`, agent: req.headers['user-agent']}));
			}),
		);
		const transport = track(createTransport());
		const exchange = await transport.send(get(`${server.url}/v1/models`), 'openai');
		expect(exchange.provider).toBe('openai');
		expect(exchange.status).toBe(200);
		expect(exchange.network).toBeUndefined();
		expect(exchange.headers['x-ratelimit-limit-requests']).toBe('60');
		expect(exchange.headers['retry-after']).toEqual(['5', '10']);
		expect(Object.keys(exchange.headers).every(name => name === name.toLowerCase())).toBe(true);
		expect(JSON.parse(exchange.body)).toEqual({path: '/v1/models', auth: true, agent: expect.stringMatching(/^keywatch\//)});
		expect(Number.isFinite(exchange.latencyMs)).toBe(true);
		expect(exchange.latencyMs).toBeGreaterThanOrEqual(0);
		expect(exchange.at).toBeGreaterThan(0);
		expectNoSecret(exchange);
	});

	it('sends POST bodies and the caller’s headers', async () => {
		const server = track(
			await httpServer(async (req, res) => {
				let body = '';
				for await (const chunk of req) body += String(chunk);
				res.end(JSON.stringify({method: req.method, body, type: req.headers['content-type'], version: req.headers['anthropic-version']}));
			}),
		);
		const transport = track(createTransport());
		const exchange = await transport.send(
			{method: 'POST', url: `${server.url}/v1/messages`, headers: {'content-type': 'application/json', 'anthropic-version': '2023-06-01'}, body: '{"max_tokens":1}'},
			'anthropic',
		);
		expect(JSON.parse(exchange.body)).toEqual({method: 'POST', body: '{"max_tokens":1}', type: 'application/json', version: '2023-06-01'});
	});

	it('keeps error statuses as answers, not network failures', async () => {
		const server = track(
			await httpServer((_req, res) => {
				res.statusCode = 429;
				res.setHeader('retry-after', '16');
				res.end('{"type":"error"}');
			}),
		);
		const exchange = await track(createTransport()).send(get(server.url), 'anthropic');
		expect(exchange.status).toBe(429);
		expect(exchange.network).toBeUndefined();
		expect(exchange.body).toBe('{"type":"error"}');
	});

	it('accepts an 8 KB header value', async () => {
		const big = 'x'.repeat(8 * 1024);
		const server = track(
			await httpServer((_req, res) => {
				res.setHeader('x-big', big);
				res.end('ok');
			}),
		);
		const exchange = await track(createTransport()).send(get(server.url), 'openai');
		expect(exchange.status).toBe(200);
		expect(exchange.headers['x-big']).toBe(big);
	});

	it('serves many concurrent requests through the one agent', async () => {
		let seen = 0;
		const server = track(
			await httpServer((req, res) => {
				seen += 1;
				setTimeout(() => res.end(req.url), 5);
			}),
		);
		const transport = track(createTransport({connections: 3}));
		const exchanges = await Promise.all(Array.from({length: 60}, (_, i) => transport.send(get(`${server.url}/${i}`), 'groq')));
		expect(exchanges.map(e => e.status)).toEqual(Array.from({length: 60}, () => 200));
		expect(exchanges.map(e => e.body)).toEqual(Array.from({length: 60}, (_, i) => `/${i}`));
		expect(seen).toBe(60);
	});
});

describe('createTransport: body cap', () => {
	it('keeps the first 1 MiB of a 2 MiB body (with content-length) and marks it truncated', async () => {
		const server = track(
			await httpServer((_req, res) => {
				res.setHeader('content-length', String(2 * 1024 * 1024));
				res.end(Buffer.alloc(2 * 1024 * 1024, 'a'));
			}),
		);
		const exchange = (await track(createTransport()).send(get(server.url), 'openai')) as TransportExchange;
		expect(exchange.status).toBe(200);
		expect(exchange.body.length).toBe(1024 * 1024);
		expect(exchange.truncated).toBe(true);
	});

	it('caps a chunked body with no content-length the same way', async () => {
		const server = track(
			await httpServer((_req, res) => {
				for (let i = 0; i < 32; i++) res.write(Buffer.alloc(64 * 1024, 'b'));
				res.end();
			}),
		);
		const exchange = (await track(createTransport({maxBodyBytes: 100_000})).send(get(server.url), 'openai')) as TransportExchange;
		expect(exchange.body.length).toBe(100_000);
		expect(exchange.truncated).toBe(true);
	});

	it('does not read a 64 MiB body: the server cannot push more than the socket buffers hold', async () => {
		let written = 0;
		const server = track(
			await httpServer(async (_req, res) => {
				const chunk = Buffer.alloc(64 * 1024, 'c');
				let gone = false;
				res.on('error', () => {});
				res.on('close', () => {
					gone = true;
					res.emit('drain');
				});
				while (written < 64 * 1024 * 1024 && !gone) {
					written += chunk.length;
					if (!res.write(chunk)) await once(res, 'drain');
				}
				res.end();
			}),
		);
		const exchange = (await track(createTransport()).send(get(server.url), 'openai')) as TransportExchange;
		expect(exchange.truncated).toBe(true);
		expect(exchange.body.length).toBe(1024 * 1024);
		// Give the server a moment to notice the closed socket, then check it stopped early.
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(written).toBeLessThan(32 * 1024 * 1024);
	});

	it('does not mark a body of exactly the cap as truncated', async () => {
		const server = track(await httpServer((_req, res) => res.end(Buffer.alloc(1000, 'd'))));
		const exchange = (await track(createTransport({maxBodyBytes: 1000})).send(get(server.url), 'openai')) as TransportExchange;
		expect(exchange.body.length).toBe(1000);
		expect(exchange.truncated).toBeUndefined();
	});
});

describe('createTransport: redirects', () => {
	it('does not follow a redirect: the target gets no request and the answer says so', async () => {
		let stolen = 0;
		const target = track(
			await httpServer((_req, res) => {
				stolen += 1;
				res.end('gotcha');
			}),
		);
		const origin = track(
			await httpServer((_req, res) => {
				res.statusCode = 302;
				res.setHeader('location', `${target.url}/steal?token=abc`);
				res.end();
			}),
		);
		const exchange = await track(createTransport()).send(get(`${origin.url}/v1/models`), 'openai');
		expect(exchange.status).toBe(302);
		expect(exchange.network?.kind).toBe('redirect');
		expect(exchange.network?.message).toContain(`${target.url}/steal`);
		expect(exchange.network?.message).not.toContain('token=abc');
		expect(stolen).toBe(0);
		expectNoSecret(exchange);
	});

	it.each([301, 307, 308])('treats %d the same way', async code => {
		const server = track(
			await httpServer((_req, res) => {
				res.statusCode = code;
				res.setHeader('location', '/elsewhere');
				res.end();
			}),
		);
		const exchange = await track(createTransport()).send(get(server.url), 'openai');
		expect(exchange.network?.kind).toBe('redirect');
	});
});

describe('createTransport: failures come back as data', () => {
	it('times out a server that never answers', async () => {
		const server = track(await tcpServer(socket => socket.on('data', () => {})));
		const exchange = await track(createTransport({timeoutMs: 300})).send(get(server.url), 'openai');
		expect(exchange.status).toBeNull();
		expect(exchange.network?.kind).toBe('timeout');
		expectNoSecret(exchange);
	});

	it('honours a per-request timeout', async () => {
		const server = track(await tcpServer(socket => socket.on('data', () => {})));
		const exchange = await track(createTransport({timeoutMs: 60_000})).send(get(server.url), 'openai', {timeoutMs: 200});
		expect(exchange.network?.kind).toBe('timeout');
	});

	it('times out a body that stalls after the headers', async () => {
		const server = track(
			await httpServer((_req, res) => {
				res.setHeader('content-length', '100');
				res.write('{"da');
			}),
		);
		const exchange = await track(createTransport({timeoutMs: 300})).send(get(server.url), 'openai');
		expect(exchange.status).toBe(200);
		expect(exchange.network?.kind).toBe('timeout');
	});

	it('stops a body that drips forever at the overall deadline', async () => {
		const server = track(
			await httpServer((_req, res) => {
				const drip = setInterval(() => res.write('.'), 20);
				res.on('close', () => clearInterval(drip));
			}),
		);
		const exchange = await track(createTransport({timeoutMs: 400})).send(get(server.url), 'openai');
		expect(exchange.network?.kind).toBe('timeout');
	});

	it('classifies a TCP reset', async () => {
		const server = track(await tcpServer(socket => socket.on('data', () => socket.resetAndDestroy())));
		const exchange = await track(createTransport()).send(get(server.url), 'openai');
		expect(exchange.status).toBeNull();
		expect(exchange.network?.kind).toBe('reset');
		expectNoSecret(exchange);
	});

	it('classifies a body cut short (content-length larger than what came)', async () => {
		const server = track(
			await tcpServer(socket =>
				socket.on('data', () => {
					socket.end('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789');
				}),
			),
		);
		const exchange = await track(createTransport()).send(get(server.url), 'openai');
		expect(['reset', 'protocol']).toContain(exchange.network?.kind);
	});

	it('classifies a refused connection', async () => {
		const port = await closedPort();
		const exchange = await track(createTransport()).send(get(`http://127.0.0.1:${port}/`), 'openai');
		expect(exchange.network?.kind).toBe('refused');
		expect(exchange.network?.code).toBe('ECONNREFUSED');
	});

	it('classifies a DNS failure', async () => {
		const exchange = await track(createTransport({timeoutMs: 5000})).send(get('http://does-not-exist.invalid/'), 'openai');
		expect(exchange.network?.kind).toBe('dns');
		expectNoSecret(exchange);
	});

	it('classifies a garbage status line as a protocol error', async () => {
		const server = track(await tcpServer(socket => socket.on('data', () => socket.end('HTTX/9 abc\r\n\r\n'))));
		const exchange = await track(createTransport()).send(get(server.url), 'openai');
		expect(exchange.network?.kind).toBe('protocol');
	});

	it('classifies a 32 KiB header as a protocol error', async () => {
		const server = track(
			await tcpServer(socket =>
				socket.on('data', () => socket.end(`HTTP/1.1 200 OK\r\nx-huge: ${'y'.repeat(32 * 1024)}\r\ncontent-length: 2\r\n\r\nok`)),
			),
		);
		const exchange = await track(createTransport()).send(get(server.url), 'openai');
		expect(exchange.network?.kind).toBe('protocol');
	});

	it('reports an unusable URL without throwing', async () => {
		const exchange = await track(createTransport()).send(get('not a url'), 'openai_compatible');
		expect(exchange.status).toBeNull();
		expect(exchange.network?.kind).toBe('other');
	});

	it('never puts the key into a failure message, even when a header is malformed', async () => {
		const server = track(await httpServer((_req, res) => res.end('ok')));
		const exchange = await track(createTransport()).send(
			{method: 'GET', url: server.url, headers: {authorization: `Bearer ${secret}\r\nx-injected: 1`}},
			'openai',
		);
		expect(exchange.network).toBeDefined();
		expectNoSecret(exchange);
	});
});

describe('createTransport: close', () => {
	it('aborts in-flight requests, which resolve as failures, and refuses new ones', async () => {
		const server = track(await tcpServer(socket => socket.on('data', () => {})));
		const transport = createTransport({timeoutMs: 60_000});
		const pending = transport.send(get(server.url), 'openai');
		await new Promise(resolve => setTimeout(resolve, 50));
		await transport.close();
		const exchange = await pending;
		expect(exchange.status).toBeNull();
		expect(exchange.network).toBeDefined();
		const after = await transport.send(get(server.url), 'openai');
		expect(after.network?.message).toContain('closed');
	});
});
