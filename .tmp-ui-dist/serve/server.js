import http from 'node:http';
import { scrub } from '../secrets/scrub.js';
import { startStatusCacheWriter } from '../status-line/cache-writer.js';
import { createMetrics } from './metrics.js';
import { snapshotToJson } from './state-json.js';
export class ServeError extends Error {
}
const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);
const isLoopback = (host) => loopbackHosts.has(host) || host.startsWith('127.');
// On a loopback bind, a request naming some other host is a browser page that rebound its DNS name
// to 127.0.0.1 (DNS rebinding): answer only to IP literals and localhost.
function hostAllowed(header) {
    if (!header)
        return true;
    const name = header.startsWith('[') ? header.slice(1, header.indexOf(']')) : header.replace(/:\d+$/, '');
    return name === 'localhost' || /^[\d.]+$/.test(name) || name.includes(':');
}
const index = `keywatch serve
GET  /metrics      Prometheus metrics
GET  /state        keys as \`keywatch check --json\` prints them
GET  /snapshot     the monitor snapshot (what \`keywatch --remote\` reads)
GET  /healthz      liveness
POST /probe/:id    probe one key now (when control is on)
POST /pause        {"paused": true|false} (when control is on)
`;
function send(response, status, type, body, headers = {}) {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
    response.end(body);
}
const sendJson = (response, status, value) => send(response, status, 'application/json; charset=utf-8', `${scrub(JSON.stringify(value))}\n`);
async function readBody(request, max = 1024) {
    let text = '';
    for await (const chunk of request) {
        text += String(chunk);
        if (text.length > max)
            return undefined;
    }
    return text;
}
function listenError(error, host, port) {
    if (error.code === 'EADDRINUSE')
        return new ServeError(`port ${port} on ${host} is already in use (another keywatch serve?); choose another with --port`);
    if (error.code === 'EACCES')
        return new ServeError(`not allowed to listen on port ${port}; choose a port above 1023 with --port`);
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        return new ServeError(`cannot listen on host ${host}: no such local address (check --host)`);
    return new ServeError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`);
}
/** Run the HTTP side of `keywatch serve` for a monitor that is already polling. */
export async function startServe(monitor, options = {}) {
    const port = options.port ?? 9464;
    const host = options.host ?? '127.0.0.1';
    const control = options.control ?? isLoopback(host);
    const guardHost = isLoopback(host);
    const metrics = createMetrics(monitor, { version: options.version, defaultMetrics: options.defaultMetrics, now: options.now });
    async function handle(request, response) {
        if (guardHost && !hostAllowed(request.headers.host)) {
            send(response, 421, 'text/plain; charset=utf-8', 'unexpected Host header\n');
            return;
        }
        const path = new URL(request.url ?? '/', 'http://keywatch').pathname;
        const method = request.method ?? 'GET';
        const get = method === 'GET' || method === 'HEAD';
        if (path === '/metrics' && get) {
            send(response, 200, metrics.registry.contentType, scrub(await metrics.registry.metrics()));
        }
        else if (path === '/state' && get) {
            sendJson(response, 200, snapshotToJson(monitor.getSnapshot()));
        }
        else if (path === '/snapshot' && get) {
            sendJson(response, 200, monitor.getSnapshot());
        }
        else if (path === '/healthz' && get) {
            send(response, 200, 'text/plain; charset=utf-8', 'ok\n');
        }
        else if (path === '/' && get) {
            send(response, 200, 'text/plain; charset=utf-8', index);
        }
        else if ((path === '/pause' || path.startsWith('/probe/')) && method === 'POST') {
            await handleControl(request, response, path);
        }
        else if (['/metrics', '/state', '/snapshot', '/healthz', '/', '/pause'].includes(path) || path.startsWith('/probe/')) {
            send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: path === '/pause' || path.startsWith('/probe/') ? 'POST' : 'GET, HEAD' });
        }
        else {
            send(response, 404, 'text/plain; charset=utf-8', `not found\n\n${index}`);
        }
    }
    async function handleControl(request, response, path) {
        if (!control) {
            sendJson(response, 403, { error: 'read-only: this serve does not take probe or pause requests' });
            return;
        }
        // A JSON content type cannot be sent cross-origin without a CORS preflight, which is never answered.
        if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
            sendJson(response, 415, { error: 'send Content-Type: application/json' });
            return;
        }
        const body = await readBody(request);
        if (body === undefined) {
            sendJson(response, 413, { error: 'body too large' });
            return;
        }
        if (path === '/pause') {
            let paused;
            try {
                paused = JSON.parse(body || '{}').paused;
            }
            catch {
                paused = undefined;
            }
            if (typeof paused !== 'boolean') {
                sendJson(response, 400, { error: 'expected {"paused": true|false}' });
                return;
            }
            monitor.setPaused(paused);
            sendJson(response, 200, { paused });
            return;
        }
        let id;
        try {
            id = decodeURIComponent(path.slice('/probe/'.length));
        }
        catch {
            sendJson(response, 400, { error: 'bad key id' });
            return;
        }
        if (!monitor.getSnapshot().keys.some(key => key.id === id)) {
            sendJson(response, 404, { error: 'no key with that id' });
            return;
        }
        monitor.probeNow(id);
        sendJson(response, 202, { probing: id });
    }
    const server = http.createServer((request, response) => {
        handle(request, response).catch(() => {
            if (!response.headersSent)
                send(response, 500, 'text/plain; charset=utf-8', 'internal error\n');
            else
                response.destroy();
        });
    });
    server.headersTimeout = 10_000;
    server.requestTimeout = 15_000;
    try {
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, host, () => {
                server.off('error', reject);
                resolve();
            });
        });
    }
    catch (error) {
        metrics.close();
        throw listenError(error, host, port);
    }
    const actualPort = server.address().port;
    let cacheWriter;
    if (options.statusCacheDir)
        cacheWriter = startStatusCacheWriter(monitor, options.statusCacheDir);
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return {
        url: `http://${shownHost}:${actualPort}`,
        port: actualPort,
        async close() {
            metrics.close();
            await cacheWriter?.stop();
            await new Promise(resolve => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
        },
    };
}
