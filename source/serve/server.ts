import http from 'node:http';
import type {AddressInfo} from 'node:net';
import type {KeyHistory} from '../monitor/history.js';
import type {MonitorApi} from '../monitor/types.js';
import {scrub} from '../secrets/scrub.js';
import {startStatusCacheWriter, type StatusCacheWriter} from '../status-line/cache-writer.js';
import {createMetrics} from './metrics.js';
import {snapshotToJson} from './state-json.js';

export type ServeOptions = {
	/** Default 9464 (the Prometheus exporter port OpenTelemetry uses). 0 picks a free port. */
	port?: number;
	/** Default 127.0.0.1: metrics say which providers and accounts exist. */
	host?: string;
	/** Accept `POST /probe/:id` and `POST /pause` (remote screens' R and p). Default: only on a loopback host. */
	control?: boolean;
	/** Keep `status.json` here for `keywatch status --line`. */
	statusCacheDir?: string;
	version?: string;
	/** Process metrics (CPU, RSS, event-loop lag). Default true. */
	defaultMetrics?: boolean;
	now?: () => number;
	/** When the serve's alerter last fired: remote screens show it in their header. */
	lastAlertAt?: () => number | undefined;
};

/** A monitor that keeps a trend per key (the local one does): `/snapshot?history=` hands it to remote screens. */
export type ServedMonitor = MonitorApi & {history?: (id: string) => KeyHistory | undefined};

/** Trend samples per key in one `/snapshot?history=` answer: a screen that connects gets hours, not the whole day. */
export const SNAPSHOT_HISTORY_PER_KEY = 240;
/** …and no more than this many over all keys, so 2,000 keys still fit a few MB. */
export const SNAPSHOT_HISTORY_TOTAL = 100_000;

export type ServeHandle = {
	url: string;
	port: number;
	/** Stop serving. The monitor is the caller's and keeps running. */
	close(): Promise<void>;
};

export class ServeError extends Error {}

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);
const isLoopback = (host: string) => loopbackHosts.has(host) || host.startsWith('127.');

// On a loopback bind, a request naming some other host is a browser page that rebound its DNS name
// to 127.0.0.1 (DNS rebinding): answer only to IP literals and localhost.
function hostAllowed(header: string | undefined): boolean {
	if (!header) return true;
	const name = header.startsWith('[') ? header.slice(1, header.indexOf(']')) : header.replace(/:\d+$/, '');
	return name === 'localhost' || /^[\d.]+$/.test(name) || name.includes(':');
}

const index = `keywatch serve
GET  /metrics      Prometheus metrics
GET  /state        keys as \`keywatch check --json\` prints them
GET  /snapshot     the monitor snapshot (what \`keywatch --remote\` reads); ?history=MS adds trend samples since MS
GET  /healthz      liveness
POST /probe/:id    probe one key now (when control is on)
POST /pause        {"paused": true|false} (when control is on)
`;

function send(response: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
	response.writeHead(status, {'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers});
	response.end(body);
}

const sendJson = (response: http.ServerResponse, status: number, value: unknown) =>
	send(response, status, 'application/json; charset=utf-8', `${scrub(JSON.stringify(value))}\n`);

async function readBody(request: http.IncomingMessage, max = 1024): Promise<string | undefined> {
	let text = '';
	for await (const chunk of request) {
		text += String(chunk);
		if (text.length > max) return undefined;
	}
	return text;
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): ServeError {
	if (error.code === 'EADDRINUSE') return new ServeError(`port ${port} on ${host} is already in use (another keywatch serve?); choose another with --port`);
	if (error.code === 'EACCES') return new ServeError(`not allowed to listen on port ${port}; choose a port above 1023 with --port`);
	if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return new ServeError(`cannot listen on host ${host}: no such local address (check --host)`);
	return new ServeError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`);
}

/**
 * The snapshot with what a remote screen needs beyond it: when the last alert fired and, when asked, each key's
 * trend samples taken at or after `since` (the remote keeps its own ring and asks only for what is new).
 */
function snapshotForRemote(monitor: ServedMonitor, options: ServeOptions, since: number | undefined): Record<string, unknown> {
	const snapshot = monitor.getSnapshot();
	const body: Record<string, unknown> = {...snapshot};
	const lastAlertAt = options.lastAlertAt?.();
	if (lastAlertAt !== undefined) body.lastAlertAt = lastAlertAt;
	if (since !== undefined && typeof monitor.history === 'function') {
		const perKey = Math.min(SNAPSHOT_HISTORY_PER_KEY, Math.max(1, Math.floor(SNAPSHOT_HISTORY_TOTAL / Math.max(1, snapshot.keys.length))));
		const entries: Array<[string, unknown]> = [];
		for (const key of snapshot.keys) {
			const samples = monitor.history(key.id)?.since(since, perKey);
			if (samples && samples.length > 0) entries.push([key.id, samples]);
		}
		body.history = Object.fromEntries(entries);
	}
	return body;
}

function historyParam(url: URL): number | undefined {
	const raw = url.searchParams.get('history');
	if (raw === null) return undefined;
	const since = Number(raw);
	return Number.isFinite(since) && since > 0 ? since : 0;
}

/** Run the HTTP side of `keywatch serve` for a monitor that is already polling. */
export async function startServe(monitor: ServedMonitor, options: ServeOptions = {}): Promise<ServeHandle> {
	const port = options.port ?? 9464;
	const host = options.host ?? '127.0.0.1';
	const control = options.control ?? isLoopback(host);
	const guardHost = isLoopback(host);
	const metrics = createMetrics(monitor, {version: options.version, defaultMetrics: options.defaultMetrics, now: options.now});

	async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
		if (guardHost && !hostAllowed(request.headers.host)) {
			send(response, 421, 'text/plain; charset=utf-8', 'unexpected Host header\n');
			return;
		}
		const url = new URL(request.url ?? '/', 'http://keywatch');
		const path = url.pathname;
		const method = request.method ?? 'GET';
		const get = method === 'GET' || method === 'HEAD';
		if (path === '/metrics' && get) {
			send(response, 200, metrics.registry.contentType, scrub(await metrics.registry.metrics()));
		} else if (path === '/state' && get) {
			sendJson(response, 200, snapshotToJson(monitor.getSnapshot()));
		} else if (path === '/snapshot' && get) {
			sendJson(response, 200, snapshotForRemote(monitor, options, historyParam(url)));
		} else if (path === '/healthz' && get) {
			send(response, 200, 'text/plain; charset=utf-8', 'ok\n');
		} else if (path === '/' && get) {
			send(response, 200, 'text/plain; charset=utf-8', index);
		} else if ((path === '/pause' || path.startsWith('/probe/')) && method === 'POST') {
			await handleControl(request, response, path);
		} else if (['/metrics', '/state', '/snapshot', '/healthz', '/', '/pause'].includes(path) || path.startsWith('/probe/')) {
			send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n', {allow: path === '/pause' || path.startsWith('/probe/') ? 'POST' : 'GET, HEAD'});
		} else {
			send(response, 404, 'text/plain; charset=utf-8', `not found\n\n${index}`);
		}
	}

	async function handleControl(request: http.IncomingMessage, response: http.ServerResponse, path: string): Promise<void> {
		if (!control) {
			sendJson(response, 403, {error: 'read-only: this serve does not take probe or pause requests'});
			return;
		}
		// A JSON content type cannot be sent cross-origin without a CORS preflight, which is never answered.
		if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
			sendJson(response, 415, {error: 'send Content-Type: application/json'});
			return;
		}
		const body = await readBody(request);
		if (body === undefined) {
			sendJson(response, 413, {error: 'body too large'});
			return;
		}
		if (path === '/pause') {
			let paused: unknown;
			try {
				paused = (JSON.parse(body || '{}') as {paused?: unknown}).paused;
			} catch {
				paused = undefined;
			}
			if (typeof paused !== 'boolean') {
				sendJson(response, 400, {error: 'expected {"paused": true|false}'});
				return;
			}
			monitor.setPaused(paused);
			sendJson(response, 200, {paused});
			return;
		}
		let id: string;
		try {
			id = decodeURIComponent(path.slice('/probe/'.length));
		} catch {
			sendJson(response, 400, {error: 'bad key id'});
			return;
		}
		if (!monitor.getSnapshot().keys.some(key => key.id === id)) {
			sendJson(response, 404, {error: 'no key with that id'});
			return;
		}
		monitor.probeNow(id);
		sendJson(response, 202, {probing: id});
	}

	const server = http.createServer((request, response) => {
		handle(request, response).catch(() => {
			if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error\n');
			else response.destroy();
		});
	});
	server.headersTimeout = 10_000;
	server.requestTimeout = 15_000;

	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => {
				server.off('error', reject);
				resolve();
			});
		});
	} catch (error) {
		metrics.close();
		throw listenError(error as NodeJS.ErrnoException, host, port);
	}

	const actualPort = (server.address() as AddressInfo).port;
	let cacheWriter: StatusCacheWriter | undefined;
	if (options.statusCacheDir) cacheWriter = startStatusCacheWriter(monitor, options.statusCacheDir);
	const shownHost = host.includes(':') ? `[${host}]` : host;

	return {
		url: `http://${shownHost}:${actualPort}`,
		port: actualPort,
		async close() {
			metrics.close();
			await cacheWriter?.stop();
			await new Promise<void>(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}
