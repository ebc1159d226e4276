import type {Dispatcher} from 'undici';
import {DEFAULT_HISTORY_CAPACITY, KeyHistory, type HistorySample} from '../monitor/history.js';
import type {MonitorApi} from '../monitor/types.js';
import type {MonitorSnapshot} from '../types.js';
import {fetchSnapshot, normalizeRemoteUrl} from './fetch-snapshot.js';
import {httpCall} from './http-client.js';

const readOnlyNotice = 'read-only remote: this serve does not take probe or pause requests';

export type RemoteMonitorOptions = {
	/** How often to ask the serve for its snapshot. Default 2000 ms. */
	pollMs?: number;
	timeoutMs?: number;
	dispatcher?: Dispatcher;
	/** Trend samples kept per key, as a local monitor keeps them (default a day at 60 s). */
	historyCapacity?: number;
};

export type RemoteMonitor = MonitorApi & {
	/** The serve's base URL, normalised. */
	readonly url: string;
	/** Why the last request failed (or that the serve is read-only), for the header line; undefined while all is well. */
	lastError(): string | undefined;
	/** True once the serve refused a probe or pause (it was started with control off). */
	readOnly(): boolean;
	/** The key's trend, built from the samples the serve sent: the same sparkline and forecasts as a local view. */
	history(id: string): KeyHistory | undefined;
	/** When the serve's alerter last fired (the header's "last alert"). */
	getLastAlertAt(): number | undefined;
};

/**
 * The live view of a running `keywatch serve`: polls `GET /snapshot` and passes probe-now and pause on
 * as `POST /probe/:id` and `POST /pause`, so every screen shares the serve's poller and probe budget.
 */
export function createRemoteMonitor(url: string, options: RemoteMonitorOptions = {}): RemoteMonitor {
	const base = normalizeRemoteUrl(url);
	const pollMs = Math.max(250, options.pollMs ?? 2000);
	const timeoutMs = options.timeoutMs ?? Math.min(5000, Math.max(1000, pollMs));
	const listeners = new Set<() => void>();
	const aborter = new AbortController();
	let snapshot: MonitorSnapshot = {keys: [], paused: false, intervalMs: pollMs, startedAt: Date.now()};
	let lastText = '';
	let error: string | undefined;
	// One line in the header while the serve's snapshots carry malformed items, gone when they stop.
	let notice: string | undefined;
	let lastAlertAt: number | undefined;
	const capacity = Math.max(1, Math.floor(options.historyCapacity ?? DEFAULT_HISTORY_CAPACITY));
	const histories = new Map<string, KeyHistory>();
	// The newest sample time received: the next poll asks only for samples from then on (duplicates are skipped).
	let historySince = 0;
	let readOnly = false;
	let timer: NodeJS.Timeout | undefined;
	let polling: Promise<void> | undefined;
	let stopped = false;

	function emit(): void {
		for (const listener of listeners) {
			try {
				listener();
			} catch {
				// A broken listener must not stop the polling loop.
			}
		}
	}

	function set(next: MonitorSnapshot): void {
		const text = JSON.stringify(next);
		if (text === lastText) return;
		lastText = text;
		snapshot = next;
		emit();
	}

	function setError(next: string | undefined): void {
		if (next === error) return;
		error = next;
		emit();
	}

	/** Append what is new per key; keys the serve no longer has lose their trend. True when anything changed. */
	function mergeHistory(snapshot: MonitorSnapshot, incoming: Record<string, HistorySample[]> | undefined): boolean {
		let changed = false;
		const ids = new Set(snapshot.keys.map(key => key.id));
		for (const id of histories.keys()) {
			if (ids.has(id)) continue;
			histories.delete(id);
			changed = true;
		}
		for (const [id, samples] of Object.entries(incoming ?? {})) {
			if (!ids.has(id)) continue;
			let history = histories.get(id);
			if (!history) {
				history = new KeyHistory(capacity);
				histories.set(id, history);
			}
			for (const sample of samples) {
				if (sample.at <= (history.last()?.at ?? Number.NEGATIVE_INFINITY)) continue;
				history.add(sample);
				historySince = Math.max(historySince, sample.at);
				changed = true;
			}
		}
		return changed;
	}

	async function poll(): Promise<void> {
		const result = await fetchSnapshot(base, {timeoutMs, dispatcher: options.dispatcher, signal: aborter.signal, historySince});
		if (stopped) return;
		if (result.ok) {
			const nextNotice =
				result.dropped > 0 ? `remote ${base}: ${result.dropped} malformed ${result.dropped === 1 ? 'item' : 'items'} in the serve's snapshot left out (a different keywatch version?)` : undefined;
			const noticeChanged = nextNotice !== notice;
			notice = nextNotice;
			setError(undefined);
			const alertChanged = result.extras.lastAlertAt !== lastAlertAt;
			lastAlertAt = result.extras.lastAlertAt;
			const historyChanged = mergeHistory(result.snapshot, result.extras.history);
			const before = snapshot;
			set(result.snapshot);
			// The trend and the last alert live beside the snapshot: a change to them alone must still redraw.
			if (snapshot === before && (alertChanged || historyChanged || noticeChanged)) emit();
		} else {
			setError(`remote ${base} unreachable: ${result.error}`);
			// Keep the last keys: they age visibly (stale) while the serve is away.
			set({...snapshot, offline: true});
		}
	}

	function schedule(delayMs: number): void {
		if (stopped) return;
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = undefined;
			// Chained: the next poll is planned when this one has finished, so slow answers never overlap.
			polling = poll().finally(() => {
				polling = undefined;
				schedule(pollMs);
			});
		}, delayMs);
	}

	async function control(path: string, body: unknown): Promise<void> {
		const outcome = await httpCall({
			method: 'POST',
			url: `${base}${path}`,
			body: JSON.stringify(body),
			headers: {'content-type': 'application/json'},
			timeoutMs,
			dispatcher: options.dispatcher,
			signal: aborter.signal,
		});
		if (stopped) return;
		if (!outcome.ok) setError(`remote ${base}: ${outcome.error}`);
		else if (outcome.status === 403) {
			readOnly = true;
			emit();
		} else if (outcome.status >= 400) setError(`remote ${base}: HTTP ${outcome.status}`);
		if (!polling) schedule(0);
	}

	schedule(0);

	return {
		url: base,
		getSnapshot: () => snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		probeNow(id) {
			void control(`/probe/${encodeURIComponent(id)}`, {});
		},
		setPaused(paused) {
			if (!readOnly) set({...snapshot, paused});
			void control('/pause', {paused});
		},
		async stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			aborter.abort();
			await polling;
			listeners.clear();
		},
		lastError: () => error ?? (readOnly ? readOnlyNotice : notice),
		readOnly: () => readOnly,
		history: id => histories.get(id),
		getLastAlertAt: () => lastAlertAt,
	};
}
