import type {MonitorApi} from '../../source/monitor/types.js';
import type {KeyState, MonitorSnapshot, Reading, Verdict, VerdictKind} from '../../source/types.js';

/** A canary: if any of it shows up in an output, a key leaked. */
export const canaryKey = 'sk-test-canary-Q7Zx93LmWp41RtYu';

export function makeVerdict(kind: VerdictKind, overrides: Partial<Verdict> = {}): Verdict {
	const words: Partial<Record<VerdictKind, Pick<Verdict, 'title' | 'why' | 'fix' | 'clears'>>> = {
		ok: {title: 'Key works', why: 'The provider answered 200.', fix: [], clears: 'by_itself'},
		invalid_key: {
			title: 'Invalid API key',
			why: 'OpenAI answered 401 invalid_api_key.',
			fix: ['Create a new key at https://platform.openai.com/api-keys', 'Replace it with keywatch edit'],
			clears: 'needs_action',
		},
		rate_limited: {
			title: 'Rate limited (requests per minute)',
			why: 'The provider answered 429 with x-ratelimit-remaining-requests: 0.',
			fix: ['Wait for the window to reset'],
			clears: 'by_itself',
		},
		outage: {title: 'Provider outage', why: 'The provider answered 503.', fix: ['Check the status page'], clears: 'by_itself'},
		quota_exhausted: {title: 'Out of credit', why: 'insufficient_quota', fix: ['Add credit on the billing page'], clears: 'needs_action'},
	};
	const base = words[kind] ?? {title: kind, why: kind, fix: [], clears: 'needs_action' as const};
	return {kind, ...base, evidence: {status: kind === 'ok' ? 200 : 429, headers: {}}, windows: [], ...overrides};
}

export function makeReading(at: number, verdict: Verdict, latencyMs = 120): Reading {
	return {at, probe: 'validity', status: verdict.evidence.status, latencyMs, windows: [], verdict, source: 'endpoint'};
}

export function makeKey(overrides: Partial<KeyState> & {id: string}): KeyState {
	return {
		name: overrides.id,
		provider: 'openai',
		masked: 'sk-…41Ru',
		secretSource: 'env OPENAI_API_KEY',
		status: 'OK',
		windows: [],
		recent: [],
		probing: false,
		...overrides,
	};
}

export function makeSnapshot(keys: KeyState[], overrides: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
	return {keys, paused: false, intervalMs: 60_000, startedAt: 1_700_000_000_000, ...overrides};
}

export type FakeMonitor = MonitorApi & {
	set(next: MonitorSnapshot): void;
	probed: string[];
	pausedCalls: boolean[];
	listenerCount(): number;
};

/** A MonitorApi whose snapshot the test changes by hand. */
export function createFakeMonitor(initial: MonitorSnapshot = makeSnapshot([])): FakeMonitor {
	let snapshot = initial;
	const listeners = new Set<() => void>();
	const emit = () => {
		for (const listener of listeners) listener();
	};
	const monitor: FakeMonitor = {
		probed: [],
		pausedCalls: [],
		getSnapshot: () => snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		probeNow(id) {
			monitor.probed.push(id);
		},
		setPaused(paused) {
			monitor.pausedCalls.push(paused);
			snapshot = {...snapshot, paused};
			emit();
		},
		async stop() {},
		set(next) {
			snapshot = next;
			emit();
		},
		listenerCount: () => listeners.size,
	};
	return monitor;
}
