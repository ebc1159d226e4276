import {vi} from 'vitest';
import type {BackupChange, FailoverEvent, ProxyControl} from '../../source/app/proxy-control.js';
import type {MonitorApi} from '../../source/monitor/types.js';
import type {KeyState, MonitorSnapshot, ProviderId, RateWindow, Reading, Verdict, VerdictKind} from '../../source/types.js';

/** 2026-01-15 12:00:00 UTC: every test's "now". */
export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
export const MINUTE = 60_000;

export function win(partial: Partial<RateWindow> & Pick<RateWindow, 'id'>): RateWindow {
	return {limitKind: 'requests', period: 'minute', source: 'headers', ...partial};
}

export function verdict(kind: VerdictKind, overrides: Partial<Verdict> = {}): Verdict {
	return {
		kind,
		title: `Title for ${kind}`,
		why: `Why for ${kind}`,
		fix: [`First step for ${kind}`, 'Second step'],
		clears: 'needs_action',
		evidence: {status: 401, headers: {}},
		windows: [],
		...overrides,
	};
}

export function reading(at: number, overrides: Partial<Reading> = {}): Reading {
	return {at, probe: 'validity', status: 200, latencyMs: 120, windows: [], verdict: verdict('ok', {clears: 'by_itself'}), source: 'headers', ...overrides};
}

export function makeKey(overrides: Partial<KeyState> & Pick<KeyState, 'id'>): KeyState {
	return {
		name: overrides.id,
		provider: 'openai',
		masked: `sk-…${overrides.id.slice(-4).padStart(4, '0')}`,
		secretSource: 'env OPENAI_API_KEY',
		status: 'OK',
		windows: [],
		recent: [],
		probing: false,
		checkedAt: T0 - 5000,
		latencyMs: 312,
		...overrides,
	};
}

const healthyWindows = [
	win({id: 'requests', limit: 5000, remaining: 4999, resetAt: T0 + 12_000}),
	win({id: 'tokens', limitKind: 'tokens', limit: 800_000, remaining: 799_000, resetAt: T0 + 6000}),
];

/** Eight keys, one of each state the demo shows. */
export function sampleKeys(): KeyState[] {
	return [
		makeKey({id: 'openai-prod', windows: healthyWindows, recent: [0.9, 0.8, 0.95, 1].map((f, i) => reading(T0 - (4 - i) * MINUTE, {windows: [win({id: 'requests', limit: 100, remaining: f * 100})]}))}),
		makeKey({
			id: 'openai-batch',
			status: 'LOW',
			verdict: verdict('ok', {title: 'Under 10% of tokens per minute left', clears: 'by_itself', evidence: {status: 200, headers: {}}}),
			windows: [win({id: 'requests', limit: 5000, remaining: 4000}), win({id: 'tokens', limitKind: 'tokens', limit: 800_000, remaining: 40_000, resetAt: T0 + 252_000})],
		}),
		makeKey({
			id: 'anthropic-main',
			provider: 'anthropic',
			masked: 'sk-…abcd',
			secretSource: 'command op read op://vault/anthropic',
			status: 'LIMITED',
			verdict: verdict('rate_limited', {
				title: 'Rate limited: input tokens per minute',
				clears: 'by_itself',
				clearsAt: T0 + 42_000,
				limit: 'input_tokens',
				window: 'minute',
				evidence: {status: 429, errorType: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit', requestId: 'req_test_123', headers: {'retry-after': '42'}},
			}),
			windows: [win({id: 'input_tokens', limitKind: 'input_tokens', limit: 40_000, remaining: 0, resetAt: T0 + 42_000})],
		}),
		makeKey({
			id: 'openai-trial',
			status: 'DENIED',
			credit: {remaining: 0, currency: 'USD', source: 'endpoint', label: 'balance'},
			verdict: verdict('quota_exhausted', {
				title: 'Out of credit',
				why: 'OpenAI answered 429 insufficient_quota: the account has no credit left.',
				fix: ['Add credit at https://platform.openai.com/settings/organization/billing', 'Wait a few minutes, then press R'],
				evidence: {status: 429, errorType: 'insufficient_quota', errorCode: 'insufficient_quota', message: 'You exceeded your current quota', requestId: 'req_abc', headers: {}},
			}),
		}),
		makeKey({
			id: 'openai-old',
			status: 'DENIED',
			masked: 'sk-…dead',
			verdict: verdict('invalid_key', {
				title: 'Invalid API key',
				why: 'OpenAI rejected the key with 401 invalid_api_key.',
				fix: ['Create a new key at https://platform.openai.com/api-keys', 'Update the OPENAI_API_KEY variable'],
				evidence: {status: 401, errorType: 'invalid_request_error', errorCode: 'invalid_api_key', message: 'Incorrect API key provided: sk-…dead', headers: {}},
			}),
		}),
		makeKey({
			id: 'anthropic-busy',
			provider: 'anthropic',
			status: 'DOWN',
			verdict: verdict('overloaded', {title: 'Anthropic is overloaded', clears: 'by_itself', evidence: {status: 529, errorType: 'overloaded_error', headers: {}}}),
		}),
		makeKey({
			id: 'openai-unreachable',
			status: 'DOWN',
			latencyMs: undefined,
			verdict: verdict('network', {title: 'Could not connect', clears: 'by_itself', evidence: {status: null, network: 'refused: connect ECONNREFUSED 127.0.0.1:9', headers: {}}}),
		}),
		makeKey({id: 'deepseek-new', provider: 'deepseek', status: 'CHECKING', checkedAt: undefined, latencyMs: undefined}),
	];
}

export type FakeMonitor = MonitorApi & {
	probeNow: ReturnType<typeof vi.fn<(id: string) => void>>;
	setPaused: ReturnType<typeof vi.fn<(paused: boolean) => void>>;
	stop: ReturnType<typeof vi.fn<() => Promise<void>>>;
	/** Replace the snapshot and tell subscribers. */
	update(next: Partial<MonitorSnapshot>): void;
};

export function fakeMonitor(keys: KeyState[], extra: Partial<MonitorSnapshot> = {}): FakeMonitor {
	let snapshot: MonitorSnapshot = {keys, paused: false, intervalMs: MINUTE, startedAt: T0 - MINUTE, ...extra};
	const listeners = new Set<() => void>();
	const monitor: FakeMonitor = {
		getSnapshot: () => snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		probeNow: vi.fn<(id: string) => void>(),
		setPaused: vi.fn<(paused: boolean) => void>(paused => {
			monitor.update({paused});
		}),
		stop: vi.fn<() => Promise<void>>(async () => {}),
		update(next) {
			snapshot = {...snapshot, ...next};
			for (const listener of listeners) listener();
		},
	};
	return monitor;
}

export function manyKeys(count: number): KeyState[] {
	return Array.from({length: count}, (_, i) => makeKey({id: `key-${String(i + 1).padStart(3, '0')}`}));
}

export type FakeProxy = ProxyControl & {
	setActive: ReturnType<typeof vi.fn<(provider: ProviderId, name: string) => void>>;
	toggleBackup: ReturnType<typeof vi.fn<(name: string) => BackupChange>>;
	/** Record a failover and tell subscribers, as the proxy's callback does. */
	failover(event: FailoverEvent): void;
	/** Requests per minute per key name; keys not listed are unknown to the proxy. */
	rates: Record<string, number>;
};

/** A ProxyControl over an in-memory key list: the first key of each provider is active, as the proxy picks. */
export function fakeProxy(keys: ReadonlyArray<{name: string; provider: ProviderId; backup?: boolean; inConfig?: boolean}>, rates: Record<string, number> = {}): FakeProxy {
	const active = new Map<ProviderId, string>();
	for (const key of keys) if (!active.has(key.provider) && !key.backup) active.set(key.provider, key.name);
	const backups = new Set(keys.filter(k => k.backup).map(k => k.name));
	const listeners = new Set<() => void>();
	const notify = () => {
		for (const listener of listeners) listener();
	};
	let last: FailoverEvent | undefined;
	const proxy: FakeProxy = {
		url: 'http://127.0.0.1:8787',
		tokenPath: '/home/test/.config/keywatch/proxy-token',
		baseUrl: provider => `http://127.0.0.1:8787/${provider}/v1`,
		active: provider => active.get(provider),
		isBackup: name => backups.has(name),
		setActive: vi.fn<(provider: ProviderId, name: string) => void>((provider, name) => {
			active.set(provider, name);
			notify();
		}),
		toggleBackup: vi.fn<(name: string) => BackupChange>(name => {
			const backup = !backups.has(name);
			if (backup) backups.add(name);
			else backups.delete(name);
			notify();
			return {backup, saved: keys.find(k => k.name === name)?.inConfig ?? true};
		}),
		requestsPerMinute: name => rates[name],
		lastFailover: () => last,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		failover(event) {
			last = event;
			active.set(event.provider, event.to);
			notify();
		},
		rates,
	};
	return proxy;
}
