// The fake provider: every provider's API under a path prefix on one 127.0.0.1 port (team brief,
// "Fixed conventions"), answering like the real services per ../../shared/providers.md.
import { createServer } from 'node:http';
import { control } from './control.js';
import { fallbackFor } from './fallbacks.js';
import { runFault } from './faults.js';
import { json, readJsonBody, record, send, str } from './http.js';
import { basePaths, moduleFor } from './providers/index.js';
import { behaviourApplies, isFault, ScenarioBook } from './scenarios.js';
import { KeyState, StateStore } from './state.js';
import { statusDocument } from './status-page.js';
export { SCENARIOS, BEHAVIOURS, FAULTS } from './types.js';
const maxRequests = 1000;
const authHeaders = ['authorization', 'x-api-key', 'api-key', 'x-goog-api-key'];
export async function startFakeProvider(options = {}) {
    const clock = options.clock ?? Date.now;
    const latencyMs = Math.max(0, options.latencyMs ?? 0);
    const book = new ScenarioBook();
    const store = new StateStore();
    const incidents = new Map();
    const log = [];
    const timers = new Set();
    let fakeUrl = '';
    const remember = (provider, req, path, authorized, at) => {
        log.push({ provider, method: req.method ?? 'GET', path, authorized, at });
        if (log.length > maxRequests)
            log.splice(0, log.length - maxRequests);
    };
    const setScenario = (key, scenario) => {
        book.set(key, scenario);
        store.forget(key);
    };
    const setIncident = (provider, incident) => {
        if (incident)
            incidents.set(provider, { ...incident, createdAt: clock() });
        else
            incidents.delete(provider);
    };
    const wait = (ms) => new Promise(resolve => {
        const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
        }, ms);
        timers.add(timer);
    });
    async function handle(req, res) {
        const now = clock();
        const url = new URL(req.url ?? '/', fakeUrl);
        const path = url.pathname;
        const anyAuth = authHeaders.some(h => req.headers[h] !== undefined);
        if (path.startsWith('/_fake/')) {
            remember('_fake', req, path, anyAuth, now);
            send(res, await control(req, url, { setScenario, setIncident, requests: () => log }));
            return;
        }
        const status = /^\/status\/([a-z_]+)\/api\/v2\/(.+)$/.exec(path);
        if (status) {
            remember(status[1], req, path, anyAuth, now);
            const doc = statusDocument(status[1], status[2], incidents.get(status[1]), now);
            send(res, doc === undefined ? { status: 404, raw: 'Not Found', contentType: 'text/plain' } : { status: 200, json: doc, contentType: 'application/json; charset=utf-8' });
            return;
        }
        const module = moduleFor(path);
        if (!module) {
            remember('unknown', req, path, anyAuth, now);
            send(res, json(404, { error: 'not a fake provider path', baseUrls: basePaths }));
            return;
        }
        const key = module.credential(req.headers, url) ?? '';
        remember(module.name, req, path, key !== '', now);
        const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
        if (latencyMs > 0)
            await wait(latencyMs);
        const rest = path.slice(module.prefix.length) || '/';
        const route = module.routes.find(r => r.method === req.method && r.path.test(rest));
        const scenario = key ? book.forKey(key) : 'healthy';
        const state = store.get(module.name, key, () => new KeyState(module.windows, scenario, module.limitedWindow, module.dailyWindow));
        const ctx = {
            module,
            key,
            scenario,
            now,
            state,
            url,
            method: req.method ?? 'GET',
            headers: req.headers,
            body,
            route,
            path: rest,
            match: route?.path.exec(rest) ?? undefined,
            requestId: module.newRequestId(),
            fakeUrl,
        };
        const decorate = (answer) => ({
            ...answer,
            headers: { date: new Date(now).toUTCString(), [module.requestIdHeader]: ctx.requestId, ...module.commonHeaders?.(ctx), ...answer.headers },
        });
        if (!route)
            return send(res, decorate(module.notFound(ctx)));
        if (route.probe !== 'public' && !key)
            return send(res, decorate(module.missingCredential(ctx)));
        if (isFault(scenario))
            return runFault(scenario, ctx, req, res, () => route.handle(ctx), { decorate, timers });
        send(res, decorate(behave(scenario, ctx)));
    }
    const server = createServer((req, res) => {
        handle(req, res).catch(() => {
            if (!res.headersSent)
                send(res, json(500, { error: 'fake provider failure' }));
            else
                res.destroy();
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port: options.port ?? 0, host: '127.0.0.1' }, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const port = server.address().port;
    fakeUrl = `http://127.0.0.1:${port}`;
    let closing;
    return {
        url: fakeUrl,
        port,
        baseUrl: provider => `${fakeUrl}${basePaths[provider]}`,
        setScenario,
        setIncident,
        get requests() {
            return log;
        },
        close() {
            closing ??= new Promise(resolve => {
                for (const timer of timers)
                    clearTimeout(timer);
                timers.clear();
                server.close(() => resolve());
                server.closeAllConnections();
            });
            return closing;
        },
    };
}
/** A behaviour's own answer where it applies to this route, else the route's normal answer. */
function behave(scenario, ctx) {
    const route = ctx.route;
    const behaviour = scenario;
    const noDailyWindow = behaviour === 'daily_cap' && !ctx.module.dailyWindow && route.probe === 'headroom';
    if (behaviourApplies(behaviour, route.probe) || noDailyWindow) {
        const own = ctx.module.scenario(behaviour, ctx);
        if (own !== 'normal') {
            if (own)
                return own;
            const model = str(record(ctx.body).model) ?? ctx.match?.[1] ?? 'default';
            const fallback = fallbackFor(behaviour, ctx.key, model);
            if (fallback)
                return ctx.module.error(fallback.status, fallback.message, ctx);
        }
    }
    return route.handle(ctx);
}
