import type {Dispatcher} from 'undici';
import type {Exchange, KeyConfig, ProviderId, Verdict} from '../types.js';

export type FailoverEvent = {
	provider: ProviderId;
	/** Key names, never secrets. */
	from: string;
	to: string;
	/** One line, e.g. "quota_exhausted: You exceeded your current quota…" (already sanitised). */
	reason: string;
	at: number;
};

export type ProxyOptions = {
	/** Folder holding `proxy-token` (created 0700 when missing). */
	configDir: string;
	/** Default 8787; 0 picks a free port. The proxy always binds 127.0.0.1. */
	port?: number;
	keys: KeyConfig[];
	resolveSecret: (name: string) => string | undefined;
	/** Every upstream answer (and network failure), attributed to the key that was used. */
	onExchange?: (keyName: string, provider: ProviderId, exchange: Exchange) => void;
	/** The monitor's latest verdict for a key; used to skip backups that cannot help. */
	verdictOf?: (keyName: string) => Verdict | undefined;
	onFailover?: (event: FailoverEvent) => void;
	/** One JSON line per request (no trailing newline). Never carries a key, token or body. */
	log?: (line: string) => void;
	/** Start-up active keys, by provider; otherwise the first non-backup key of each provider. */
	active?: Partial<Record<ProviderId, string>>;
	/** How long `close()` lets in-flight requests finish before aborting them. Default 5 s. */
	closeGraceMs?: number;
	/** Injected clock (epoch ms) for the request counters and log times. */
	now?: () => number;
	/** For tests and the benchmark; by default the proxy makes its own Agent and closes it. */
	dispatcher?: Dispatcher;
};

export type KeyTraffic = {
	provider: ProviderId;
	/** Requests sent upstream with this key in the last 60 s (sliding window). */
	requestsPerMinute: number;
	inFlight: number;
	total: number;
	/** Epoch ms of the last answer through the proxy with this key. */
	lastAt?: number;
};

export type ProxyStats = {
	/** By key name; only keys that carried traffic since start. */
	keys: Record<string, KeyTraffic>;
	inFlight: number;
	/** Open upstream sockets and active requests, summed over origins (from the Agent). */
	upstream: {connected: number; running: number; pending: number};
	/** Open client connections to the proxy. */
	clientConnections: number;
};

export type ProxyHandle = {
	/** http://127.0.0.1:PORT */
	url: string;
	port: number;
	/** The base URL an SDK should use for a provider, e.g. http://127.0.0.1:8787/openai/v1. */
	baseUrl(provider: ProviderId): string;
	/** Where the local token lives (0600). The token itself is never on the handle. */
	tokenPath: string;
	/** Takes effect for the next request; requests in flight keep the key they started with. */
	setActive(provider: ProviderId, keyName: string): void;
	active(provider: ProviderId): string | undefined;
	/** Replace the key list (e.g. after `b` marks a backup); active keys that still exist stay active. */
	setKeys(keys: KeyConfig[]): void;
	stats(): ProxyStats;
	/** Stop accepting, wait for in-flight requests (abort them after the grace period), close the Agent. */
	close(): Promise<void>;
};
