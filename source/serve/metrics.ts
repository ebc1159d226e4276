import {collectDefaultMetrics, Counter, Gauge, Registry} from 'prom-client';
import type {MonitorApi} from '../monitor/types.js';
import {STATUSES, type KeyState, type MonitorSnapshot, type Reading} from '../types.js';
import {keywatchVersion} from './version.js';

export type MetricsOptions = {
	version?: string;
	now?: () => number;
	/** Process metrics (CPU, RSS, fds, event-loop lag, GC). Default true. */
	defaultMetrics?: boolean;
};

export type ServeMetrics = {
	registry: Registry;
	/** Count the readings in a snapshot (called on every monitor change, so none slips by between scrapes). */
	observe(snapshot: MonitorSnapshot): void;
	/** Stop watching the monitor. */
	close(): void;
};

type KeyLabels = {key: string; provider: string};

// Labels come from names the user chose and closed sets; never from a key or its masked form.
const keyLabels = (key: KeyState): KeyLabels => ({key: key.name, provider: key.provider});

type Seen = {lastReadingAt: number; lastSuccessAt?: number};

function readingsOf(key: KeyState): Pick<Reading, 'at' | 'verdict'>[] {
	if (key.recent.length > 0) return key.recent;
	if (key.checkedAt !== undefined && key.verdict) return [{at: key.checkedAt, verdict: key.verdict}];
	return [];
}

/** Prometheus metrics computed from the monitor's snapshot at scrape time, in keywatch's own registry. */
export function createMetrics(monitor: MonitorApi, options: MetricsOptions = {}): ServeMetrics {
	const now = options.now ?? Date.now;
	const registry = new Registry();
	if (options.defaultMetrics ?? true) collectDefaultMetrics({register: registry});
	const seen = new Map<string, Seen>();
	const snapshot = () => monitor.getSnapshot();
	const registers = [registry];

	const errors = new Counter({
		name: 'keywatch_probe_errors_total',
		help: 'Probes whose answer was not a success (rate limited, denied, provider or network trouble).',
		labelNames: ['key', 'provider'],
		registers,
	});

	function observe(current: MonitorSnapshot): void {
		for (const key of current.keys) {
			const state = seen.get(key.id) ?? {lastReadingAt: Number.NEGATIVE_INFINITY};
			if (!seen.has(key.id)) {
				seen.set(key.id, state);
				errors.inc(keyLabels(key), 0);
			}
			for (const reading of readingsOf(key)) {
				if (reading.at <= state.lastReadingAt) continue;
				state.lastReadingAt = reading.at;
				if (reading.verdict.kind === 'ok') state.lastSuccessAt = reading.at;
				else errors.inc(keyLabels(key));
			}
		}
	}

	const gauge = (name: string, help: string, labelNames: string[], fill: (g: Gauge, s: MonitorSnapshot) => void) =>
		new Gauge({
			name,
			help,
			labelNames,
			registers,
			collect() {
				this.reset();
				fill(this, snapshot());
			},
		});

	gauge('keywatch_up', 'Whether the poller can reach the providers (0 when every key failed on the network at once).', [], (g, s) => {
		g.set(s.offline ? 0 : 1);
	});
	gauge('keywatch_paused', 'Whether polling is paused.', [], (g, s) => {
		g.set(s.paused ? 1 : 0);
	});
	new Gauge({
		name: 'keywatch_build_info',
		help: 'keywatch version and Node.js version; always 1.',
		labelNames: ['version', 'node'],
		registers,
	}).set({version: options.version ?? keywatchVersion(), node: process.version}, 1);

	gauge('keywatch_key_status', 'Current status of each key: 1 for the status it is in, 0 for the others.', ['key', 'provider', 'status'], (g, s) => {
		for (const key of s.keys) for (const status of STATUSES) g.set({...keyLabels(key), status}, key.status === status ? 1 : 0);
	});
	const windowGauge = (name: string, help: string, value: (w: KeyState['windows'][number]) => number | undefined) =>
		gauge(name, help, ['key', 'provider', 'window'], (g, s) => {
			for (const key of s.keys) {
				for (const window of key.windows) {
					const v = value(window);
					// Unknown stays absent: a missing series is honest, a 0 would page someone.
					if (v !== undefined && Number.isFinite(v)) g.set({...keyLabels(key), window: window.id}, v);
				}
			}
		});
	windowGauge('keywatch_ratelimit_remaining', 'Requests or tokens left in the rate-limit window, as the provider reported.', w => w.remaining);
	windowGauge('keywatch_ratelimit_limit', 'Size of the rate-limit window, as the provider reported.', w => w.limit);
	windowGauge('keywatch_ratelimit_reset_seconds', 'Seconds until the rate-limit window is full again.', w =>
		w.resetAt === undefined ? undefined : Math.max(0, (w.resetAt - now()) / 1000),
	);

	const creditGauge = (name: string, help: string, pick: (c: NonNullable<KeyState['credit']>) => number | undefined) =>
		gauge(name, help, ['key', 'provider', 'currency'], (g, s) => {
			for (const key of s.keys) {
				const v = key.credit ? pick(key.credit) : undefined;
				if (key.credit && v !== undefined && Number.isFinite(v)) g.set({...keyLabels(key), currency: key.credit.currency}, v);
			}
		});
	creditGauge('keywatch_credit_remaining', 'Credit or quota left, in the currency label (USD, tokens…).', c => c.remaining);
	creditGauge('keywatch_credit_limit', 'The credit limit or budget the remaining credit is measured against.', c => c.limit);
	creditGauge('keywatch_credit_used', "Credit used so far against the credit limit, as the provider counts it (a key's own usage), in the currency label.", c => c.used);

	// Spend is what the admin key reads for the calendar month: a separate figure from the key's credit, so a
	// separate family (summing the two would count one dollar twice).
	const spendGauge = (name: string, help: string, pick: (s: NonNullable<KeyState['spend']>) => number | undefined) =>
		gauge(name, help, ['key', 'provider', 'currency'], (g, s) => {
			for (const key of s.keys) {
				const v = key.spend ? pick(key.spend) : undefined;
				if (key.spend && v !== undefined && Number.isFinite(v)) g.set({...keyLabels(key), currency: key.spend.currency}, v);
			}
		});
	spendGauge('keywatch_spend_month_used', 'Money spent this calendar month (UTC) on the account, read with the admin key, in the currency label.', sp => sp.used);
	spendGauge('keywatch_spend_month_budget', 'The monthly budget set for the key (keywatch add --budget), in the currency label.', sp => sp.budget);

	gauge('keywatch_probe_latency_seconds', 'Latency of the latest probe.', ['key', 'provider'], (g, s) => {
		for (const key of s.keys) if (key.latencyMs !== undefined && Number.isFinite(key.latencyMs)) g.set(keyLabels(key), key.latencyMs / 1000);
	});
	gauge('keywatch_last_success_timestamp_seconds', 'Unix time of the latest successful probe.', ['key', 'provider'], (g, s) => {
		for (const key of s.keys) {
			const at = seen.get(key.id)?.lastSuccessAt;
			if (at !== undefined) g.set(keyLabels(key), at / 1000);
		}
	});
	gauge('keywatch_last_check_timestamp_seconds', 'Unix time of the latest probe, successful or not.', ['key', 'provider'], (g, s) => {
		for (const key of s.keys) if (key.checkedAt !== undefined && Number.isFinite(key.checkedAt)) g.set(keyLabels(key), key.checkedAt / 1000);
	});

	observe(snapshot());
	const unsubscribe = monitor.subscribe(() => observe(snapshot()));
	return {registry, observe, close: unsubscribe};
}
