// The fake provider: every provider's API under a path prefix on one 127.0.0.1 port (team brief,
// "Fixed conventions"), answering like the real services per ../../shared/providers.md.
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {ProviderId} from '../types.js';
import {control} from './control.js';
import {fallbackFor} from './fallbacks.js';
import {runFault} from './faults.js';
import {json, readJsonBody, record, send, str} from './http.js';
import {basePaths, moduleFor} from './providers/index.js';
import {behaviourApplies, isFault, ScenarioBook} from './scenarios.js';
import {KeyState, StateStore} from './state.js';
import {statusDocument, type Impact, type Incident} from './status-page.js';
import type {Answer, Behaviour, FakeContext, Scenario} from './types.js';

export type {Scenario} from './types.js';
export {SCENARIOS, BEHAVIOURS, FAULTS} from './types.js';

export type FakeRequest = {provider: string; method: string; path: string; authorized: boolean; at: number};

export type FakeProvider = {
	/** http://127.0.0.1:PORT */
	url: string;
	port: number;
	/** The base URL a key uses to reach this provider on the fake (same conventions as the real one). */
	baseUrl(provider: ProviderId): string;
	/** Switch a key into a scenario (`undefined` returns it to the one its name asks for). Its windows start over. */
	setScenario(key: string, scenario: Scenario | undefined): void;
	setIncident(provider: ProviderId, incident: {name: string; impact: Impact; url?: string} | undefined): void;
	/** The last 1000 requests, oldest first. `authorized`: the request carried a credential. Paths carry no query. */
	readonly requests: ReadonlyArray<FakeRequest>;
	close(): Promise<void>;
};

export type FakeProviderOptions = {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Epoch ms; drives rate windows, resets, balances and Date headers. */
	clock?: () => number;
	/** Delay before every provider answer, for a demo that shows latency. */
	latencyMs?: number;
};

const maxRequests = 1000;
const authHeaders = ['authorization', 'x-api-key', 'api-key', 'x-goog-api-key'];

export async function startFakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
	const clock = options.clock ?? Date.now;
	const latencyMs = Math.max(0, options.latencyMs ?? 0);
	const book = new ScenarioBook();
	const store = new StateStore();
	const incidents = new Map<ProviderId, Incident>();
	const log: FakeRequest[] = [];
	const timers = new Set<NodeJS.Timeout>();
	let fakeUrl = '';

	const remember = (provider: string, req: IncomingMessage, path: string, authorized: boolean, at: number): void => {
		log.push({provider, method: req.method ?? 'GET', path, authorized, at});
		if (log.length > maxRequests) log.splice(0, log.length - maxRequests);
	};

	const setScenario = (key: string, scenario: Scenario | undefined): void => {
		book.set(key, scenario);
		store.forget(key);
	};
	const setIncident: FakeProvider['setIncident'] = (provider, incident) => {
		if (incident) incidents.set(provider, {...incident, createdAt: clock()});
		else incidents.delete(provider);
	};

	const wait = (ms: number): Promise<void> =>
		new Promise(resolve => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const now = clock();
		const url = new URL(req.url ?? '/', fakeUrl);
		const path = url.pathname;
		const anyAuth = authHeaders.some(h => req.headers[h] !== undefined);

		if (path.startsWith('/_fake/')) {
			remember('_fake', req, path, anyAuth, now);
			send(res, await control(req, url, {setScenario, setIncident, requests: () => log}));
			return;
		}

		const status = /^\/status\/([a-z_]+)\/api\/v2\/(.+)$/.exec(path);
		if (status) {
			remember(status[1]!, req, path, anyAuth, now);
			const doc = statusDocument(status[1]!, status[2]!, incidents.get(status[1] as ProviderId), now);
			send(res, doc === undefined ? {status: 404, raw: 'Not Found', contentType: 'text/plain'} : {status: 200, json: doc, contentType: 'application/json; charset=utf-8'});
			return;
		}

		const module = moduleFor(path);
		if (!module) {
			remember('unknown', req, path, anyAuth, now);
			send(res, json(404, {error: 'not a fake provider path', baseUrls: basePaths}));
			return;
		}

		const key = module.credential(req.headers, url) ?? '';
		remember(module.name, req, path, key !== '', now);
		const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
		if (latencyMs > 0) await wait(latencyMs);

		const rest = path.slice(module.prefix.length) || '/';
		const route = module.routes.find(r => r.method === req.method && r.path.test(rest));
		const scenario: Scenario = key ? book.forKey(key) : 'healthy';
		const state = store.get(module.name, key, () => new KeyState(module.windows, scenario, module.limitedWindow, module.dailyWindow));
		const ctx: FakeContext = {
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
		const decorate = (answer: Answer): Answer => ({
			...answer,
			headers: {date: new Date(now).toUTCString(), [module.requestIdHeader]: ctx.requestId, ...module.commonHeaders?.(ctx), ...answer.headers},
		});

		if (!route) return send(res, decorate(module.notFound(ctx)));
		if (route.probe !== 'public' && !key) return send(res, decorate(module.missingCredential(ctx)));
		if (isFault(scenario)) return runFault(scenario, ctx, req, res, () => route.handle(ctx), {decorate, timers});
		send(res, decorate(behave(scenario, ctx)));
	}

	const server = createServer((req, res) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) send(res, json(500, {error: 'fake provider failure'}));
			else res.destroy();
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen({port: options.port ?? 0, host: '127.0.0.1'}, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	fakeUrl = `http://127.0.0.1:${port}`;

	let closing: Promise<void> | undefined;
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
			closing ??= new Promise<void>(resolve => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
}

/** A behaviour's own answer where it applies to this route, else the route's normal answer. */
function behave(scenario: Scenario, ctx: FakeContext): Answer {
	const route = ctx.route!;
	const behaviour = scenario as Behaviour;
	const noDailyWindow = behaviour === 'daily_cap' && !ctx.module.dailyWindow && route.probe === 'headroom';
	if (behaviourApplies(behaviour, route.probe) || noDailyWindow) {
		const own = ctx.module.scenario(behaviour, ctx);
		if (own !== 'normal') {
			if (own) return own;
			const model = str(record(ctx.body).model) ?? ctx.match?.[1] ?? 'default';
			const fallback = fallbackFor(behaviour, ctx.key, model);
			if (fallback) return ctx.module.error(fallback.status, fallback.message, ctx);
		}
	}
	return route.handle(ctx);
}
