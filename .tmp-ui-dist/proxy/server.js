// The proxy's lifetime: one node:http server on 127.0.0.1, one undici Agent, the active key per provider.
import { createServer } from 'node:http';
import { Agent } from 'undici';
import { handleRequest } from './forward.js';
import { replyError } from './replies.js';
import { proxyBasePath } from './routes.js';
import { loadOrCreateToken, tokenPath } from './token.js';
import { TrafficBook } from './traffic.js';
export const DEFAULT_PROXY_PORT = 8787;
const DEFAULT_CLOSE_GRACE_MS = 5000;
/** Long on purpose: a non-streaming answer from a reasoning model can take minutes before its headers. */
function makeAgent() {
    return new Agent({
        headersTimeout: 600_000,
        bodyTimeout: 300_000,
        keepAliveTimeout: 30_000,
        connect: { timeout: 10_000 },
    });
}
function pickActive(keys, provider, preferred) {
    const mine = keys.filter(k => k.provider === provider);
    if (preferred && mine.some(k => k.name === preferred))
        return preferred;
    return (mine.find(k => !k.backup) ?? mine[0])?.name;
}
function upstreamStats(dispatcher) {
    const out = { connected: 0, running: 0, pending: 0 };
    const stats = dispatcher.stats;
    if (!stats)
        return out;
    for (const origin of Object.values(stats)) {
        out.connected += Number(origin.connected);
        out.running += origin.running;
        out.pending += origin.pending;
    }
    return out;
}
export async function startProxy(options) {
    const token = loadOrCreateToken(options.configDir);
    const path = tokenPath(options.configDir);
    const now = options.now ?? Date.now;
    const ownAgent = options.dispatcher === undefined;
    const dispatcher = options.dispatcher ?? makeAgent();
    const traffic = new TrafficBook(now);
    let keys = [...options.keys];
    const active = new Map();
    const resetActive = (preferred) => {
        for (const provider of new Set(keys.map(k => k.provider))) {
            const name = pickActive(keys, provider, preferred[provider]);
            if (name)
                active.set(provider, name);
        }
        for (const provider of active.keys())
            if (!keys.some(k => k.provider === provider))
                active.delete(provider);
    };
    resetActive(options.active ?? {});
    const ctx = {
        options,
        token,
        tokenPath: path,
        dispatcher,
        traffic,
        now,
        keys: () => keys,
        activeKey: provider => keys.find(k => k.provider === provider && k.name === active.get(provider)),
        switchActive(provider, from, to) {
            if (active.get(provider) !== from)
                return false;
            active.set(provider, to);
            return true;
        },
    };
    const inFlight = new Map();
    const sockets = new Set();
    let closing = false;
    const onRequest = (req, res) => {
        if (closing) {
            replyError(res, 503, 'keywatch_proxy_upstream', 'shutting down', { connection: 'close' });
            return;
        }
        const controller = new AbortController();
        // The client went away before its answer ended: stop the upstream request and free its socket.
        res.once('close', () => {
            if (!res.writableFinished)
                controller.abort();
        });
        const done = handleRequest(ctx, req, res, controller.signal)
            .catch(() => {
            replyError(res, 500, 'keywatch_proxy_upstream', 'internal error');
        })
            .finally(() => inFlight.delete(done));
        inFlight.set(done, controller);
    };
    const server = createServer({ noDelay: true }, onRequest);
    server.on('connection', socket => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
    });
    server.on('clientError', (_error, socket) => {
        if (socket.writable)
            socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
        else
            socket.destroy();
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? DEFAULT_PROXY_PORT, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PROXY_PORT);
    const url = `http://127.0.0.1:${port}`;
    let closed;
    async function shutdown() {
        closing = true;
        const serverClosed = new Promise(resolve => server.close(() => resolve()));
        server.closeIdleConnections();
        let timer;
        const grace = new Promise(resolve => {
            timer = setTimeout(() => resolve('timeout'), options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS);
        });
        const drained = Promise.all([...inFlight.keys()]).then(() => 'drained');
        const outcome = await Promise.race([drained, grace]);
        clearTimeout(timer);
        if (outcome === 'timeout') {
            for (const controller of inFlight.values())
                controller.abort();
            await Promise.all([...inFlight.keys()]);
        }
        server.closeAllConnections();
        await serverClosed;
        if (ownAgent)
            await (outcome === 'timeout' ? dispatcher.destroy() : dispatcher.close());
    }
    return {
        url,
        port,
        baseUrl: provider => `${url}${proxyBasePath(provider)}`,
        tokenPath: path,
        setActive(provider, keyName) {
            const key = keys.find(k => k.name === keyName);
            if (!key)
                throw new Error(`keywatch proxy: no key named "${keyName}"`);
            if (key.provider !== provider)
                throw new Error(`keywatch proxy: key "${keyName}" belongs to ${key.provider}, not ${provider}`);
            active.set(provider, keyName);
        },
        active: provider => active.get(provider),
        setKeys(next) {
            const kept = Object.fromEntries(active);
            keys = [...next];
            resetActive(kept);
        },
        stats: () => ({
            keys: traffic.snapshot(),
            inFlight: inFlight.size,
            upstream: upstreamStats(dispatcher),
            clientConnections: sockets.size,
        }),
        close() {
            closed ??= shutdown();
            return closed;
        },
    };
}
