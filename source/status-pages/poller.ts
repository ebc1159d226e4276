// Reads each provider's public status page every few minutes (one request per page per interval, within
// the probe budget of reliability-notes: a handful of requests an hour) and keeps the open incidents.
// A page that cannot be read is noted once in errors() and tried again at the normal interval; nothing
// here throws into the caller or stops the key monitor.
import {realClock, type Clock} from '../monitor/clock.js';
import type {Transport} from '../net/types.js';
import type {Incident, ProviderId} from '../types.js';
import {summaryUrl} from './pages.js';
import {parseSummary} from './parse.js';

export const DEFAULT_STATUS_INTERVAL_MS = 5 * 60_000;

export type StatusPollerOptions = {
	transport: Transport;
	/** Status page base URL per provider (`https://status.openai.com`); summary.json is read below it. */
	pages: Partial<Record<ProviderId, string>>;
	/** Providers that have keys: only their pages are read. */
	providers: readonly ProviderId[];
	intervalMs?: number;
	clock?: Clock;
	/** Per-request deadline (default: the transport's). */
	timeoutMs?: number;
};

export type StatusPoller = {
	/** Read every page now, then again every interval. */
	start(): void;
	/** No more requests; resolves when a read in flight has settled. */
	stop(): Promise<void>;
	/** Read every page now (joins a read already in flight). */
	refresh(): Promise<void>;
	/** Open incidents per provider: `[]` when the page was read and is clear, absent when never read. Replaced only on change. */
	incidents(): Partial<Record<ProviderId, Incident[]>>;
	/** Why a page could not be read, per provider, while it cannot. Replaced only on change. */
	errors(): Partial<Record<ProviderId, string>>;
	subscribe(listener: () => void): () => void;
};

type Target = {provider: ProviderId; url: string; host: string};
type Outcome = {provider: ProviderId} & ({incidents: Incident[]} | {error: string});

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'status page';
	}
}

function targetsOf(options: StatusPollerOptions): Target[] {
	const targets: Target[] = [];
	for (const provider of new Set(options.providers)) {
		const page = options.pages[provider];
		if (!page) continue;
		const url = summaryUrl(page);
		targets.push({provider, url, host: hostOf(url)});
	}
	return targets;
}

function sameIncidents(a: readonly Incident[] | undefined, b: readonly Incident[] | undefined): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

export function createStatusPoller(options: StatusPollerOptions): StatusPoller {
	const clock = options.clock ?? realClock;
	const intervalMs = options.intervalMs !== undefined && Number.isFinite(options.intervalMs) && options.intervalMs > 0 ? options.intervalMs : DEFAULT_STATUS_INTERVAL_MS;
	const targets = targetsOf(options);
	const listeners = new Set<() => void>();

	let incidents: Partial<Record<ProviderId, Incident[]>> = Object.freeze({});
	let errors: Partial<Record<ProviderId, string>> = Object.freeze({});
	let started = false;
	let stopped = false;
	let timer: unknown;
	let cycle: Promise<void> | undefined;

	async function read(target: Target): Promise<Outcome> {
		const {provider, host} = target;
		try {
			const exchange = await options.transport.send({method: 'GET', url: target.url, headers: {accept: 'application/json'}}, provider, options.timeoutMs === undefined ? undefined : {timeoutMs: options.timeoutMs});
			// The reason names the kind of failure, not the transient message, so a page that keeps failing the
			// same way is reported once rather than on every attempt.
			if (exchange.network) return {provider, error: `${host} could not be reached (${exchange.network.kind})`};
			if (exchange.status !== 200) return {provider, error: `${host} answered HTTP ${exchange.status ?? '?'}`};
			const parsed = parseSummary(provider, exchange.body);
			return parsed.ok ? {provider, incidents: parsed.summary.incidents} : {provider, error: `${host}: ${parsed.error}`};
		} catch {
			return {provider, error: `${host} could not be read`};
		}
	}

	/** Apply one round's outcomes; listeners hear of it only when something changed. */
	function apply(outcomes: Outcome[]): void {
		const nextIncidents = {...incidents};
		const nextErrors = {...errors};
		let changedIncidents = false;
		let changedErrors = false;
		for (const outcome of outcomes) {
			if ('error' in outcome) {
				// The last incidents read stay: a page that fails during a large outage should not hide it.
				if (nextErrors[outcome.provider] !== outcome.error) {
					nextErrors[outcome.provider] = outcome.error;
					changedErrors = true;
				}
				continue;
			}
			if (outcome.provider in nextErrors) {
				delete nextErrors[outcome.provider];
				changedErrors = true;
			}
			if (!sameIncidents(nextIncidents[outcome.provider], outcome.incidents)) {
				nextIncidents[outcome.provider] = Object.freeze(outcome.incidents.map(incident => Object.freeze(incident))) as Incident[];
				changedIncidents = true;
			}
		}
		if (changedIncidents) incidents = Object.freeze(nextIncidents);
		if (changedErrors) errors = Object.freeze(nextErrors);
		if (changedIncidents || changedErrors) notify();
	}

	function notify(): void {
		for (const listener of [...listeners]) {
			try {
				listener();
			} catch {
				// A listener's failure must not stop the poller or the other listeners.
			}
		}
	}

	function arm(): void {
		if (timer !== undefined) clock.clearTimeout(timer);
		timer = undefined;
		if (!started || stopped) return;
		// Chained from the end of the last read, so a slow page never makes reads overlap.
		timer = clock.setTimeout(() => {
			timer = undefined;
			void refresh();
		}, intervalMs);
	}

	function refresh(): Promise<void> {
		if (stopped || targets.length === 0) return Promise.resolve();
		cycle ??= (async () => {
			try {
				const outcomes = await Promise.all(targets.map(read));
				if (!stopped) apply(outcomes);
			} finally {
				cycle = undefined;
				arm();
			}
		})();
		return cycle;
	}

	return {
		start() {
			if (started || stopped) return;
			started = true;
			void refresh();
		},
		async stop() {
			stopped = true;
			if (timer !== undefined) clock.clearTimeout(timer);
			timer = undefined;
			await cycle?.catch(() => undefined);
		},
		refresh,
		incidents: () => incidents,
		errors: () => errors,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
