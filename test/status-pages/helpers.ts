// A clock whose timers fire only when the test says so, a summary.json body in Statuspage's real shape, and
// hand-driven stand-ins for the key monitor and the status pages.
import type {Clock} from '../../source/monitor/clock.js';
import type {Monitor} from '../../source/monitor/monitor.js';
import type {IncidentSource} from '../../source/status-pages/with-incidents.js';
import type {Incident, KeyState, MonitorSnapshot, ProviderId, Verdict, VerdictKind} from '../../source/types.js';

type Timer = {id: number; at: number; fn: () => void};

export class ManualClock implements Clock {
	#now: number;
	#seq = 0;
	readonly timers = new Map<number, Timer>();

	constructor(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
		this.#now = start;
	}

	now(): number {
		return this.#now;
	}

	setTimeout(fn: () => void, ms: number): unknown {
		const id = ++this.#seq;
		this.timers.set(id, {id, at: this.#now + Math.max(0, ms), fn});
		return id;
	}

	clearTimeout(handle: unknown): void {
		this.timers.delete(handle as number);
	}

	/** Delays of the timers now pending, from now. */
	pendingDelays(): number[] {
		return [...this.timers.values()].map(t => t.at - this.#now);
	}

	/** Move time on by `ms`, firing (once each) the timers that came due. */
	advance(ms: number): void {
		this.#now += ms;
		for (const timer of [...this.timers.values()].sort((a, b) => a.at - b.at)) {
			if (timer.at > this.#now) continue;
			this.timers.delete(timer.id);
			timer.fn();
		}
	}
}

type Item = {id?: string; name?: unknown; status?: unknown; impact?: unknown; shortlink?: unknown; created_at?: string; started_at?: string; resolved_at?: string | null; scheduled_for?: string};

/** A summary.json as status.openai.com / status.claude.com serve it (providers.md §11). */
export function summaryBody(options: {indicator?: string; incidents?: Item[]; maintenances?: Item[]} = {}): string {
	return JSON.stringify({
		page: {id: 'yf9ct6hz8xhs', name: 'Claude', url: 'https://status.claude.com', time_zone: 'Etc/UTC', updated_at: '2026-01-15T11:58:02.104Z'},
		status: {indicator: options.indicator ?? 'none', description: 'All Systems Operational'},
		components: [
			{id: 'k8w3r06qmzrp', name: 'Claude API (api.anthropic.com)', status: 'operational', created_at: '2023-07-11T17:06:01.533Z', updated_at: '2026-01-15T11:58:02.104Z', position: 2, description: null, showcase: true, start_date: null, group_id: null, page_id: 'yf9ct6hz8xhs', group: false, only_show_if_degraded: false},
		],
		incidents: (options.incidents ?? []).map(item => ({
			monitoring_at: null,
			resolved_at: null,
			updated_at: '2026-01-15T11:40:00.000Z',
			page_id: 'yf9ct6hz8xhs',
			incident_updates: [{id: 'u1', status: 'investigating', body: 'We are currently investigating this issue.', affected_components: []}],
			components: [],
			...item,
		})),
		scheduled_maintenances: (options.maintenances ?? []).map(item => ({
			scheduled_until: '2026-01-15T14:00:00.000Z',
			resolved_at: null,
			page_id: 'yf9ct6hz8xhs',
			incident_updates: [],
			components: [],
			...item,
		})),
	});
}

export function verdict(kind: VerdictKind, status: number | null = kind === 'ok' ? 200 : 503): Verdict {
	return {kind, title: kind, why: kind, fix: [], clears: 'by_itself', evidence: {status, headers: {}}, windows: []};
}

export function keyState(name: string, provider: ProviderId, kind: VerdictKind, status: KeyState['status']): KeyState {
	return {id: name, name, provider, masked: 'sk-…abcd', secretSource: 'config', status, verdict: verdict(kind), windows: [], recent: [], probing: false};
}

export type StubMonitor = Monitor & {set(keys: KeyState[]): void; calls: string[]; listenerCount(): number};

/** A Monitor whose snapshot the test replaces by hand; it records what was called. */
export function stubMonitor(keys: KeyState[]): StubMonitor {
	let snapshot: MonitorSnapshot = Object.freeze({keys, paused: false, intervalMs: 60_000, startedAt: 0});
	const listeners = new Set<() => void>();
	const calls: string[] = [];
	return {
		calls,
		set(next) {
			snapshot = Object.freeze({...snapshot, keys: next});
			for (const listener of listeners) listener();
		},
		listenerCount: () => listeners.size,
		getSnapshot: () => snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener) && undefined;
		},
		probeNow: id => calls.push(`probeNow ${id}`) && undefined,
		setPaused: paused => calls.push(`setPaused ${paused}`) && undefined,
		start: () => calls.push('start') && undefined,
		async checkOnce() {
			calls.push('checkOnce');
			return snapshot;
		},
		async stop() {
			calls.push('stop');
		},
		history: () => undefined,
		recordTraffic: name => calls.push(`recordTraffic ${name}`) && undefined,
	};
}

export type StubSource = IncidentSource & {set(incidents: Partial<Record<ProviderId, Incident[]>>, errors?: Partial<Record<ProviderId, string>>): void; calls: string[]};

/** Status pages whose state the test sets; `set` notifies like the poller. */
export function stubSource(): StubSource {
	let incidents: Partial<Record<ProviderId, Incident[]>> = {};
	let errors: Partial<Record<ProviderId, string>> = {};
	const listeners = new Set<() => void>();
	const calls: string[] = [];
	return {
		calls,
		set(nextIncidents, nextErrors = errors) {
			incidents = nextIncidents;
			errors = nextErrors;
			for (const listener of listeners) listener();
		},
		incidents: () => incidents,
		errors: () => errors,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener) && undefined;
		},
		start: () => calls.push('start') && undefined,
		async stop() {
			calls.push('stop');
		},
		async refresh() {
			calls.push('refresh');
		},
	};
}
