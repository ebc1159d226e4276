import {dispatch} from '../alerts/dispatch.js';
import type {Alert, AlertSink} from '../alerts/types.js';
import {openConfig, type ConfigStore} from '../config/store.js';
import {startProxy} from '../proxy/server.js';
import type {FailoverEvent, ProxyHandle} from '../proxy/types.js';
import {sanitize} from '../secrets/scrub.js';
import type {Exchange, KeyConfig, ProviderId, Verdict} from '../types.js';

// The live view's handle on a proxy running in the same process: what `a` and `b` change, what the table
// and the header read. Key names only: no secret ever passes through here.

export type {FailoverEvent} from '../proxy/types.js';

/** What `b` did: the key's new backup flag, and whether the config file now says so. */
export type BackupChange = {backup: boolean; saved: boolean};

export type ProxyControl = {
	/** http://127.0.0.1:PORT */
	url: string;
	/** Where the local token lives (0600); apps send it where their SDK sends its key. */
	tokenPath: string;
	/** The base URL an SDK should use for a provider. */
	baseUrl(provider: ProviderId): string;
	/** The key the proxy sends this provider's requests with. */
	active(provider: ProviderId): string | undefined;
	isBackup(name: string): boolean;
	/** Takes effect for the next request. Throws for an unknown key or one of another provider. */
	setActive(provider: ProviderId, name: string): void;
	/** Flips the key's backup flag for the proxy, and in the config file when the key comes from it. */
	toggleBackup(name: string): BackupChange;
	/** Requests through the proxy in the last minute; undefined for a key the proxy does not know. */
	requestsPerMinute(name: string): number | undefined;
	lastFailover(): FailoverEvent | undefined;
	/** Called when the active key, a backup flag or the last failover changed. */
	subscribe(listener: () => void): () => void;
};

/** The control, plus the hook the proxy's failover callback reports through. */
export type LiveProxyControl = ProxyControl & {recordFailover(event: FailoverEvent): void};

export type ProxyLike = Pick<ProxyHandle, 'url' | 'tokenPath' | 'baseUrl' | 'active' | 'setActive' | 'setKeys' | 'stats'>;

export type ProxyControlOptions = {
	keys: readonly KeyConfig[];
	/** The config file `b` writes to; opened when first needed by default. */
	store?: ConfigStore;
};

export function createProxyControl(proxy: ProxyLike, options: ProxyControlOptions): LiveProxyControl {
	let keys: KeyConfig[] = [...options.keys];
	let failover: FailoverEvent | undefined;
	const listeners = new Set<() => void>();
	const notify = (): void => {
		for (const listener of [...listeners]) listener();
	};
	const find = (name: string): KeyConfig => {
		const key = keys.find(k => k.name === name);
		if (!key) throw new Error(`the proxy has no key named "${sanitize(name)}"`);
		return key;
	};

	// Only keys from the config file are written back: environment and demo keys have no entry to change.
	function save(name: string, backup: boolean): boolean {
		const store = options.store ?? openConfig();
		const config = store.read();
		const entry = config.keys.find(k => k.name === name);
		if (!entry) return false;
		if (backup) entry.backup = true;
		else delete entry.backup;
		store.write(config);
		return true;
	}

	return {
		url: proxy.url,
		tokenPath: proxy.tokenPath,
		baseUrl: provider => proxy.baseUrl(provider),
		active: provider => proxy.active(provider),
		isBackup: name => keys.some(k => k.name === name && k.backup === true),
		setActive(provider, name) {
			proxy.setActive(provider, name);
			notify();
		},
		toggleBackup(name) {
			const key = find(name);
			const backup = key.backup !== true;
			const saved = key.origin === 'config' ? save(name, backup) : false;
			keys = keys.map(k => (k.name === name ? {...k, backup} : k));
			proxy.setKeys(keys);
			notify();
			return {backup, saved};
		},
		requestsPerMinute(name) {
			if (!keys.some(k => k.name === name)) return undefined;
			return proxy.stats().keys[name]?.requestsPerMinute ?? 0;
		},
		lastFailover: () => failover,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		recordFailover(event) {
			failover = event;
			notify();
		},
	};
}

/** The failover as an alert: provider and key names and the verdict's words, never a key. */
export function failoverAlert(event: FailoverEvent): Alert {
	const from = sanitize(event.from);
	const to = sanitize(event.to);
	return {
		at: event.at,
		provider: event.provider,
		keys: [],
		text: `keywatch: failover ${event.provider}: the proxy moved traffic from "${from}" to backup "${to}" (${sanitize(event.reason)})`,
	};
}

/** What the in-process proxy needs from the monitor it runs beside. */
export type TrafficMonitor = {
	recordTraffic(name: string, exchange: Exchange): void;
	secretLookup(): Promise<(name: string) => string | undefined>;
	getSnapshot(): {keys: ReadonlyArray<{name: string; verdict?: Verdict}>};
};

export type LiveProxyOptions = {
	monitor: TrafficMonitor;
	keys: KeyConfig[];
	configDir: string;
	port?: number;
	store?: ConfigStore;
	/** Where failovers are announced besides the header line (the alert sinks). */
	sinks?: readonly AlertSink[];
};

export type LiveProxy = {control: ProxyControl; close(): Promise<void>};

/**
 * The proxy inside the live view, wired like `keywatch proxy`: traffic becomes readings of the monitor,
 * the monitor's verdicts decide which backups are usable, and a failover reaches the header and the sinks.
 */
export async function startLiveProxy(options: LiveProxyOptions): Promise<LiveProxy> {
	const resolveSecret = await options.monitor.secretLookup();
	let control: LiveProxyControl | undefined;
	const handle = await startProxy({
		configDir: options.configDir,
		port: options.port,
		keys: options.keys,
		resolveSecret,
		onExchange: (name, _provider, exchange) => options.monitor.recordTraffic(name, exchange),
		verdictOf: name => options.monitor.getSnapshot().keys.find(k => k.name === name)?.verdict,
		onFailover(event) {
			control?.recordFailover(event);
			if (options.sinks && options.sinks.length > 0) void dispatch(failoverAlert(event), options.sinks);
		},
	});
	control = createProxyControl(handle, {keys: options.keys, store: options.store});
	return {control, close: () => handle.close()};
}
