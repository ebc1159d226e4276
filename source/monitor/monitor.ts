// The poller: one chained timer per key, a global bound on requests in flight, retry-after and reset deadlines
// honoured, backoff on failure, an offline mode, and an immutable snapshot the UI subscribes to.

import {diagnose as defaultDiagnose, statusOf as defaultStatusOf} from '../diagnosis/index.js';
import type {Transport} from '../net/types.js';
import {getAdapter as defaultGetAdapter} from '../providers/registry.js';
import type {ProviderAdapter} from '../providers/types.js';
import {resolveSecret} from '../secrets/resolve.js';
import {sanitize} from '../secrets/scrub.js';
import type {Credit, Exchange, KeyConfig, KeyFlag, KeyState, MonitorSnapshot, NetworkFailureKind, ProbeKind, ProviderId, RateWindow, Reading, Status, Verdict} from '../types.js';
import {MAX_TIMER_MS, realClock, type Clock} from './clock.js';
import {DEFAULT_HISTORY_CAPACITY, KeyHistory} from './history.js';
import {HISTORY_SAVE_INTERVAL_MS, historyKey, type HistoryStore} from './history-store.js';
import {buildKeyState, createRuntime, recordReading, type Plan, type Runtime} from './key-runtime.js';
import {setupVerdict} from './key-view.js';
import {scrubVerdict} from './scrub-verdict.js';
import {messageOf, runProbe, type ProbeContext} from './probe.js';
import {backoffDelay, exhaustedUntil, FIRST_PROBE_GAP_MS, jitterFactor, OFFLINE_PROBE_MS, outcomeOf, PROBE_ORDER, providerDeadline, SLOW_RECHECK_FACTOR, SPEND_INTERVAL_MS, spreadOffsets} from './schedule.js';
import {Semaphore} from './semaphore.js';
import type {MonitorApi} from './types.js';

export type {Clock} from './clock.js';

export type MonitorOptions = {
	keys: KeyConfig[];
	transport: Transport;
	intervalMs?: number;
	headroomIntervalMs?: number;
	timeoutMs?: number;
	concurrency?: number;
	noSpend?: boolean;
	/** Readings kept per key in `KeyState.recent` (default 60). */
	historySize?: number;
	/** Samples kept per key for sparklines and forecasts (default 1440: a day at 60 s). */
	historyCapacity?: number;
	clock?: Clock;
	random?: () => number;
	getAdapter?: (id: ProviderId) => ProviderAdapter;
	diagnose?: (exchange: Exchange, options?: {windows?: RateWindow[]; now?: number; flags?: KeyFlag[]}) => Verdict;
	statusOf?: (verdict: Verdict | undefined, windows: RateWindow[], credit?: Credit, lowThreshold?: number, lowBalance?: number) => Status;
	demo?: boolean;
	/** Where env secret references are looked up (default process.env). */
	env?: NodeJS.ProcessEnv;
	/** Trend history kept across restarts: loaded now, saved every 5 minutes of `clock` and on stop. */
	historyStore?: HistoryStore;
};

export type Monitor = MonitorApi & {
	start(): void;
	checkOnce(): Promise<MonitorSnapshot>;
	/** The key's sparkline/forecast history (bounded), or undefined for an unknown id. */
	history(id: string): KeyHistory | undefined;
	/**
	 * An answer the provider gave to real traffic (the proxy) for the key named `name`: it becomes a reading
	 * marked "traffic", and the key's probes are pushed back, since traffic already tells what they would.
	 */
	recordTraffic(name: string, exchange: Exchange): void;
	/** What must stay flat over days of polling: for soak tests and debugging. */
	stats(): MonitorStats;
	/**
	 * Every key's secret by name, once resolved: the proxy forwards with the keys the monitor already holds, so a
	 * `--command` secret runs once, not once per consumer. Unresolvable keys look up as undefined.
	 */
	secretLookup(): Promise<(name: string) => string | undefined>;
};

export type MonitorStats = {
	/** Timers armed: at most one per key, or the single offline timer. */
	timers: number;
	listeners: number;
	/** Keys with a run in progress. */
	running: number;
	/** Probes holding a slot of the global bound, and probes waiting for one. */
	active: number;
	waiting: number;
	/** Readings held in all keys' `recent` lists. */
	readings: number;
};

type RunMode = 'due' | 'all' | 'canary';

/** Probe kinds due within this share of the interval run together with the one that is due. */
const COALESCE_SHARE = 0.15;
// Failures that say nothing answered at all. A reset counts: when every key's host cuts the connection mid-request,
// something between here and all of them is broken (a proxy, a firewall, the link), not each provider at once.
const OFFLINE_KINDS: ReadonlySet<NetworkFailureKind> = new Set(['dns', 'refused', 'offline', 'reset']);

export function createMonitor(options: MonitorOptions): Monitor {
	const clock = options.clock ?? realClock;
	const random = options.random ?? Math.random;
	const intervalMs = positive(options.intervalMs, 60_000);
	const headroomIntervalMs = positive(options.headroomIntervalMs, 300_000);
	const timeoutMs = positive(options.timeoutMs, 10_000);
	const getAdapter = options.getAdapter ?? defaultGetAdapter;
	const diagnose = options.diagnose ?? defaultDiagnose;
	const statusOf = options.statusOf ?? defaultStatusOf;
	const semaphore = new Semaphore(positive(options.concurrency, 8));
	const recentSize = Math.floor(positive(options.historySize, 60));
	const historyCapacity = Math.floor(positive(options.historyCapacity, DEFAULT_HISTORY_CAPACITY));
	const coalesceMs = intervalMs * COALESCE_SHARE;

	let startedAt = clock.now();
	let started = false;
	let stopped = false;
	let paused = false;
	let offline = false;
	let offlineTimer: unknown;
	let canaryIndex = 0;
	// Counted as they change, so the offline check after every probe stays cheap with thousands of keys.
	let unreachable = 0;
	let withoutSetup = 0;
	let startup: Promise<void> | undefined;
	let stopping: Promise<void> | undefined;

	const listeners = new Set<() => void>();
	let snapshot: MonitorSnapshot | undefined;
	let notifyQueued = false;

	const runtimes = uniqueIds(options.keys).map(({id, config}) => createRuntime(id, config, {recent: recentSize, history: historyCapacity}));
	const byId = new Map(runtimes.map(rt => [rt.id, rt]));
	let saveTimer: unknown;
	restoreHistory();

	// ---- snapshot and notifications -------------------------------------------------------------

	function changed(): void {
		snapshot = undefined;
		if (notifyQueued) return;
		notifyQueued = true;
		// Everything that changes within one turn of the event loop reaches listeners as one notification.
		queueMicrotask(() => {
			notifyQueued = false;
			for (const listener of [...listeners]) {
				try {
					listener();
				} catch {
					// A listener's failure must not stop the poller or the other listeners.
				}
			}
		});
	}

	/** Replace the key's state object and schedule a notification. */
	function refresh(rt: Runtime): void {
		rt.state = buildKeyState(rt, statusOf, clock.now());
		changed();
	}

	function getSnapshot(): MonitorSnapshot {
		if (snapshot) return snapshot;
		const next: MonitorSnapshot = {keys: Object.freeze(runtimes.map(rt => rt.state)) as KeyState[], paused, intervalMs, startedAt};
		if (offline) next.offline = true;
		if (options.demo) next.demo = true;
		snapshot = Object.freeze(next);
		return snapshot;
	}

	// ---- secrets and adapters -------------------------------------------------------------------

	function prepare(rt: Runtime): Promise<void> {
		if (rt.secret && rt.adapter) return Promise.resolve();
		rt.preparing ??= resolveKey(rt).finally(() => {
			rt.preparing = undefined;
			rt.viewStale = true;
			withoutSetup = runtimes.filter(r => r.setupProblem).length;
		});
		return rt.preparing;
	}

	async function resolveKey(rt: Runtime): Promise<void> {
		if (!rt.adapter) {
			try {
				const adapter = getAdapter(rt.config.provider);
				rt.plans = plansFor(rt.config, adapter);
				rt.adapter = adapter;
			} catch (error) {
				rt.setupProblem = setupVerdict('unknown', `No adapter for provider "${rt.config.provider}"`, sanitize(messageOf(error)), 'Remove the key and add it again with a supported provider (keywatch add --help)');
				return;
			}
		}
		const release = await semaphore.acquire();
		try {
			if (stopped) return;
			const resolved = await resolveSecret(rt.config.secret, {env: options.env});
			if ('error' in resolved) {
				rt.setupProblem = setupVerdict('invalid_key', `No key: ${resolved.error}`, `keywatch could not read this key's secret (${rt.secretSource}): ${resolved.error}.`, resolved.fix);
				return;
			}
			rt.secret = resolved.secret;
			rt.masked = resolved.secret.masked;
			rt.setupProblem = undefined;
			if (rt.config.admin) {
				const admin = await resolveSecret(rt.config.admin, {env: options.env});
				// Without the admin key only the spend probe is lost; the key itself is still watched.
				if ('secret' in admin) rt.admin = admin.secret;
				else rt.plans = rt.plans.filter(p => p.kind !== 'spend');
			}
		} finally {
			release();
		}
	}

	function plansFor(config: KeyConfig, adapter: ProviderAdapter): Plan[] {
		const noSpend = options.noSpend === true || config.noSpend === true;
		const kinds = new Set<ProbeKind>();
		for (const spec of adapter.probes) {
			if (spec.spends && noSpend) continue;
			if (spec.kind === 'spend' && !config.admin) continue;
			kinds.add(spec.kind);
		}
		const periods: Record<ProbeKind, number> = {
			validity: intervalMs,
			balance: intervalMs,
			headroom: headroomIntervalMs,
			spend: Math.max(SPEND_INTERVAL_MS, intervalMs),
		};
		return PROBE_ORDER.filter(kind => kinds.has(kind)).map(kind => ({kind, periodMs: periods[kind]}));
	}

	// Probes waiting on the network when stop() is called: they give up at once instead of holding stop() (and the
	// history it saves) until a hanging provider's timeout.
	const stopListeners = new Set<() => void>();
	const onStop = (listener: () => void) => {
		stopListeners.add(listener);
		return () => void stopListeners.delete(listener);
	};
	const probeContext: ProbeContext = {clock, transport: options.transport, timeoutMs, diagnose, semaphore, stopped: () => stopped, onStop};

	// ---- one run: the due probes of one key, one after another ---------------------------------

	/** `dueBy`: the moment the timer was set for, so a wall clock stepped backwards still finds its probes due. */
	function kindsFor(rt: Runtime, mode: RunMode, now: number, dueBy = now): Plan[] {
		// A window the provider said is empty until its reset is never probed before then, even on request.
		const allowed = rt.plans.filter(plan => (rt.notBefore.get(plan.kind) ?? 0) <= now);
		if (mode === 'all') return allowed;
		if (mode === 'canary') return allowed.slice(0, 1);
		const by = Math.max(now, dueBy) + coalesceMs;
		return allowed.filter(plan => (rt.due.get(plan.kind) ?? 0) <= by);
	}

	/** A failure that says the key or the provider is unusable right now: the rest of the run would only repeat it. */
	function endsRun(reading: Reading): boolean {
		if (reading.verdict.kind === 'ok') return false;
		if (reading.probe === 'validity' || reading.verdict.kind === 'network' || reading.verdict.kind === 'rate_limited') return true;
		return reading.probe !== 'spend' && outcomeOf(reading.verdict) === 'needs_action';
	}

	function runKey(rt: Runtime, mode: RunMode, dueBy?: number): Promise<void> {
		if (rt.running) return rt.running;
		disarm(rt);
		// A run's readings reach the key's state together, when the run ends: the key's status is decided once per
		// round. Published one by one, a limited key would read LOW after its free probe and LIMITED again after its
		// headroom probe a few ms later, on the screen, in /metrics, and to the alerter as two opposite readings.
		const readings: Reading[] = [];
		let committed = false;
		const commit = () => {
			if (committed) return;
			committed = true;
			for (const reading of readings) recordReading(rt, reading);
		};
		const run = (async () => {
			try {
				await prepare(rt);
				if (stopped) return;
				if (rt.setupProblem) {
					rt.holdUntil = clock.now() + slowDelay();
					return;
				}
				const now = clock.now();
				const factor = jitterFactor(random);
				for (const plan of kindsFor(rt, mode, now, dueBy)) {
					const target = {config: rt.config, adapter: rt.adapter as ProviderAdapter, secret: rt.secret as NonNullable<Runtime['secret']>, admin: rt.admin, facts: rt.facts};
					const result = await runProbe(probeContext, target, plan.kind);
					if (result === 'stopped') return;
					if (result === 'not_applicable') {
						// The key's settings make this probe impossible (e.g. Azure without a deployment).
						rt.plans = rt.plans.filter(p => p.kind !== plan.kind);
						continue;
					}
					const {reading} = result;
					// Validity runs first in a round, so what it learns (xAI's team) is there for the balance probe.
					if (result.facts) rt.facts = {...rt.facts, ...result.facts};
					setLastNetwork(rt, result.network);
					const after = clock.now();
					rt.due.set(plan.kind, after + plan.periodMs * factor);
					const exhausted = exhaustedUntil(reading.windows, after);
					if (exhausted !== undefined && plan.kind !== 'validity') rt.notBefore.set(plan.kind, exhausted);
					else rt.notBefore.delete(plan.kind);
					readings.push(reading);
					if (endsRun(reading)) break;
				}
				commit();
				if (readings.length > 0) settleOutcome(rt, readings);
				if (rt.plans.length === 0) {
					rt.setupProblem = setupVerdict('bad_request', 'Nothing to probe', "keywatch cannot build any probe for this key with its current settings.", "Check the key's settings (keywatch list): Azure keys need a deployment and an api-version");
					rt.viewStale = true;
					withoutSetup = runtimes.filter(r => r.setupProblem).length;
				}
			} finally {
				// A run cut short (stop) still keeps what it read.
				commit();
				rt.running = undefined;
				afterRun(rt);
			}
		})();
		rt.running = run;
		refresh(rt);
		return run;
	}

	function slowDelay(): number {
		return intervalMs * SLOW_RECHECK_FACTOR * jitterFactor(random);
	}

	/** Backoff, slow re-checks and provider deadlines, decided by the run's first failure (or its success). */
	function settleOutcome(rt: Runtime, readings: Reading[]): void {
		const now = clock.now();
		const deciding = readings.find(r => r.verdict.kind !== 'ok' && r.probe !== 'spend') ?? readings[readings.length - 1];
		if (!deciding) return;
		const verdict = deciding.verdict;
		switch (outcomeOf(verdict)) {
			case 'ok':
				rt.failures = 0;
				rt.holdUntil = 0;
				rt.providerUntil = 0;
				break;
			case 'needs_action':
				rt.failures = 0;
				rt.holdUntil = now + slowDelay();
				break;
			case 'transient':
				rt.failures++;
				rt.holdUntil = now + backoffDelay(rt.failures, intervalMs, random);
				// The failed probe is retried when the backoff ends, not one jittered period later.
				rt.due.set(deciding.probe, now);
				break;
		}
		const deadline = providerDeadline(verdict, now);
		rt.providerUntil = deadline ?? 0;
		if (deadline !== undefined) rt.holdUntil = Math.max(rt.holdUntil, deadline);
		refresh(rt);
		rt.history.record(now, rt.state.status, rt.state.windows, rt.state.credit);
	}

	function afterRun(rt: Runtime): void {
		updateOffline();
		if (started && !stopped && !paused && !offline) arm(rt);
		if (offline && started && !stopped && !paused && offlineTimer === undefined) armOffline();
		refresh(rt);
	}

	// ---- timers ---------------------------------------------------------------------------------

	function nextDueAt(rt: Runtime): number | undefined {
		if (rt.setupProblem) return rt.holdUntil;
		let next: number | undefined;
		for (const plan of rt.plans) {
			const due = Math.max(rt.due.get(plan.kind) ?? 0, rt.notBefore.get(plan.kind) ?? 0);
			next = next === undefined ? due : Math.min(next, due);
		}
		return next === undefined ? undefined : Math.max(next, rt.holdUntil);
	}

	function arm(rt: Runtime): void {
		disarm(rt);
		if (rt.running) return;
		const at = nextDueAt(rt);
		if (at === undefined) return;
		rt.nextAt = at;
		const delay = Math.max(0, at - clock.now());
		rt.timer = clock.setTimeout(() => {
			rt.timer = undefined;
			if (stopped || paused || offline) return;
			// Real timers top out at ~24.8 days; a monthly reset re-arms rather than firing early.
			if (delay > MAX_TIMER_MS) return arm(rt);
			// Far later than asked: the machine slept (or the clock jumped). Every key wakes at once, so
			// take a place in a spread-out round instead of joining a burst.
			if (clock.now() - at > intervalMs) return wake(rt);
			void runKey(rt, 'due', at);
		}, delay);
	}

	// Keys waking late together take consecutive slots, as in the first round.
	let wakeRound = {startedAt: -Infinity, next: 0};
	function wake(rt: Runtime): void {
		const now = clock.now();
		if (now - wakeRound.startedAt > intervalMs) wakeRound = {startedAt: now, next: 0};
		const gap = Math.min(FIRST_PROBE_GAP_MS, intervalMs / runtimes.length);
		const at = now + Math.floor((wakeRound.next++ % runtimes.length) * gap + random() * gap);
		for (const plan of rt.plans) if ((rt.due.get(plan.kind) ?? 0) <= now) rt.due.set(plan.kind, at);
		if (rt.setupProblem) rt.holdUntil = at;
		arm(rt);
		refresh(rt);
	}

	function disarm(rt: Runtime): void {
		if (rt.timer === undefined) return;
		clock.clearTimeout(rt.timer);
		rt.timer = undefined;
	}

	/** Move every overdue key to a slot in one spread-out round, then arm all. Used at start, resume and back online. */
	function armSpread(): void {
		const now = clock.now();
		const overdue = runtimes.filter(rt => !rt.running && (nextDueAt(rt) ?? Infinity) <= now);
		const offsets = spreadOffsets(overdue.length, intervalMs, random);
		overdue.forEach((rt, i) => {
			const at = now + (offsets[i] ?? 0);
			if (rt.setupProblem) rt.holdUntil = at;
			for (const plan of rt.plans) if ((rt.due.get(plan.kind) ?? 0) <= now) rt.due.set(plan.kind, at);
		});
		for (const rt of runtimes) {
			arm(rt);
			refresh(rt);
		}
	}

	// ---- offline: every key failing to reach anything at all -------------------------------------

	function isOfflineFailure(kind: NetworkFailureKind | null | undefined): boolean {
		return kind !== undefined && kind !== null && OFFLINE_KINDS.has(kind);
	}

	function setLastNetwork(rt: Runtime, kind: NetworkFailureKind | null): void {
		unreachable += Number(isOfflineFailure(kind)) - Number(isOfflineFailure(rt.lastNetwork));
		rt.lastNetwork = kind;
	}

	function updateOffline(): void {
		// Keys without a secret are never probed; only keys that can be probed decide.
		const probeable = runtimes.length - withoutSetup;
		const all = probeable > 0 && unreachable === probeable;
		if (all && !offline) enterOffline();
		else if (!all && offline) leaveOffline();
	}

	function enterOffline(): void {
		offline = true;
		// One canary probe at a time, at a fixed modest pace, replaces every key's own retries.
		for (const rt of runtimes) disarm(rt);
		if (started && !stopped && !paused) armOffline();
		changed();
	}

	// No backoff here: a canary that refuses or finds no DNS costs no provider anything, and a backoff capped at
	// 15 minutes meant the screen stayed "offline" for up to 15 minutes after the network came back.
	function armOffline(): void {
		if (offlineTimer !== undefined) clock.clearTimeout(offlineTimer);
		offlineTimer = clock.setTimeout(() => {
			offlineTimer = undefined;
			if (stopped || paused || !offline) return;
			const candidates = runtimes.filter(rt => !rt.setupProblem && !rt.running && rt.providerUntil <= clock.now());
			const canary = candidates[canaryIndex++ % Math.max(1, candidates.length)];
			if (canary) void runKey(canary, 'canary');
			else armOffline();
		}, Math.min(intervalMs, OFFLINE_PROBE_MS) * jitterFactor(random));
	}

	function leaveOffline(): void {
		offline = false;
		if (offlineTimer !== undefined) clock.clearTimeout(offlineTimer);
		offlineTimer = undefined;
		for (const rt of runtimes) {
			if (isOfflineFailure(rt.lastNetwork)) {
				rt.failures = 0;
				rt.holdUntil = rt.providerUntil;
			}
		}
		if (started && !stopped && !paused) armSpread();
		changed();
	}

	// ---- history kept across restarts ------------------------------------------------------------

	function restoreHistory(): void {
		if (!options.historyStore) return;
		let saved: Record<string, unknown[]>;
		try {
			saved = options.historyStore.load();
		} catch {
			// The trend is a nicety: a store that fails to load must not stop the poller from starting.
			return;
		}
		for (const rt of runtimes) {
			const samples = saved[historyKey(rt.config.provider, rt.id)];
			if (Array.isArray(samples) && samples.length > 0) rt.history = KeyHistory.from(samples, historyCapacity);
		}
	}

	function saveHistory(): void {
		if (!options.historyStore) return;
		try {
			options.historyStore.save(Object.fromEntries(runtimes.map(rt => [historyKey(rt.config.provider, rt.id), rt.history])));
		} catch {
			// Same: losing a save is better than losing the poller.
		}
	}

	function armSave(): void {
		if (!options.historyStore || stopped) return;
		saveTimer = clock.setTimeout(() => {
			saveTimer = undefined;
			saveHistory();
			armSave();
		}, HISTORY_SAVE_INTERVAL_MS);
	}

	// ---- the public API ---------------------------------------------------------------------------

	const monitor: Monitor = {
		getSnapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		start() {
			if (started || stopped) return;
			started = true;
			startedAt = clock.now();
			armSave();
			changed();
			startup = (async () => {
				await Promise.all(runtimes.map(async rt => {
					await prepare(rt);
					refresh(rt);
				}));
				if (stopped) return;
				for (const rt of runtimes) if (rt.setupProblem) rt.holdUntil = clock.now() + slowDelay();
				if (!paused && !offline) armSpread();
			})();
		},
		async checkOnce() {
			const now = clock.now();
			await Promise.all(runtimes.map(rt => (rt.running ?? (rt.providerUntil > now ? undefined : runKey(rt, 'all')))));
			return getSnapshot();
		},
		probeNow(id) {
			const rt = byId.get(id);
			if (!rt || stopped || rt.running) return;
			if (rt.providerUntil > clock.now()) return;
			void runKey(rt, 'all');
		},
		setPaused(value) {
			if (value === paused || stopped) return;
			paused = value;
			if (paused) {
				for (const rt of runtimes) disarm(rt);
				if (offlineTimer !== undefined) clock.clearTimeout(offlineTimer);
				offlineTimer = undefined;
				for (const rt of runtimes) refresh(rt);
			} else if (started) {
				if (offline) armOffline();
				else armSpread();
			}
			changed();
		},
		stop() {
			if (stopping) return stopping;
			stopped = true;
			for (const listener of [...stopListeners]) listener();
			for (const rt of runtimes) disarm(rt);
			if (offlineTimer !== undefined) clock.clearTimeout(offlineTimer);
			offlineTimer = undefined;
			if (saveTimer !== undefined) clock.clearTimeout(saveTimer);
			saveTimer = undefined;
			stopping = (async () => {
				await startup;
				await Promise.allSettled(runtimes.map(rt => rt.running));
				for (const rt of runtimes) {
					disarm(rt);
					refresh(rt);
				}
				saveHistory();
			})();
			return stopping;
		},
		history(id) {
			return byId.get(id)?.history;
		},
		stats() {
			let timers = offlineTimer === undefined ? 0 : 1;
			let running = 0;
			let readings = 0;
			for (const rt of runtimes) {
				if (rt.timer !== undefined) timers++;
				if (rt.running) running++;
				readings += rt.recentArray.length;
			}
			return {timers, listeners: listeners.size, running, active: semaphore.active, waiting: semaphore.waiting, readings};
		},
		async secretLookup() {
			await Promise.all(runtimes.map(rt => prepare(rt)));
			return name => runtimes.find(rt => rt.config.name === name)?.secret?.reveal();
		},
		recordTraffic(name, exchange) {
			const rt = runtimes.find(r => r.config.name === name);
			if (!rt || stopped || !rt.adapter) return;
			const now = clock.now();
			let reading: Reading;
			try {
				const decoded = rt.adapter.decode('any', exchange, now);
				const verdict = scrubVerdict(diagnose(exchange, {windows: decoded.windows, now}));
				// The numbers are the provider's own headers, but on an answer to someone's request, not to a probe.
				const windows = decoded.windows.map(w => (w.source === 'headers' ? {...w, source: 'traffic' as const} : w));
				reading = {at: now, probe: 'headroom', status: exchange.status, windows, verdict, source: 'traffic'};
				if (decoded.credit) reading.credit = decoded.credit;
				if (exchange.latencyMs !== undefined) reading.latencyMs = exchange.latencyMs;
			} catch {
				return;
			}
			recordReading(rt, reading);
			for (const plan of rt.plans) if (plan.kind === 'validity' || plan.kind === 'headroom') rt.due.set(plan.kind, now + plan.periodMs);
			settleOutcome(rt, [reading]);
			if (started && !paused && !offline && !rt.running) {
				disarm(rt);
				arm(rt);
			}
			refresh(rt);
		},
	};
	return monitor;
}

function positive(value: number | undefined, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Key names are the ids the UI addresses; a repeated name gets a suffix rather than shadowing another key. */
function uniqueIds(keys: readonly KeyConfig[]): Array<{id: string; config: KeyConfig}> {
	const seen = new Map<string, number>();
	return keys.map(config => {
		const count = (seen.get(config.name) ?? 0) + 1;
		seen.set(config.name, count);
		return {id: count === 1 ? config.name : `${config.name}#${count}`, config};
	});
}
