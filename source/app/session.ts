import {createMonitor, type Monitor} from '../monitor/monitor.js';
import {createHistoryStore} from '../monitor/history-store.js';
import {createTransport} from '../net/transport.js';
import type {Transport} from '../net/types.js';
import {statusPagesForKeys, type StatusPageTargets} from '../status-pages/for-keys.js';
import {createStatusPoller} from '../status-pages/poller.js';
import {withIncidents} from '../status-pages/with-incidents.js';
import {loadKeys, type LoadedKeys} from './keys.js';
import type {CommonOptions} from './options.js';
import {UsageError} from './options.js';
import {resolveSettings, type RunSettings} from './settings.js';

export type Session = {
	loaded: LoadedKeys;
	settings: RunSettings;
	transport: Transport;
	monitor: Monitor;
	close(): Promise<void>;
};

/**
 * Keys, settings, one transport and one monitor: what the live view, `check`, `serve` and `proxy` share.
 * `allowDemo` starts the demo when nothing is configured; otherwise having no keys is a usage error.
 */
export type SessionOptions = {
	/** Keep each key's trend in the config folder across restarts (the live view and serve, never one-shot runs). */
	persistHistory?: boolean;
	/** Where the history store's one-line warnings go (the live view must not write over its own screen). */
	warn?: (message: string) => void;
	/**
	 * One pass over every key (`check`): probes run side by side, up to ONE_SHOT_CONCURRENCY, so keys whose provider
	 * hangs cost one timeout together rather than one timeout per batch of eight.
	 */
	oneShot?: boolean;
};

/** Side-by-side probes in a one-shot run: enough for any realistic config, still a bound for a 2,000-key one. */
export const ONE_SHOT_CONCURRENCY = 64;
const POLL_CONCURRENCY = 8;

export async function openSession(options: CommonOptions, allowDemo: boolean, session: SessionOptions = {}): Promise<Session> {
	const loaded = await loadKeys({demo: options.demo, allowDemo});
	for (const warning of loaded.warnings) process.stderr.write(`keywatch: warning: ${warning}\n`);
	if (loaded.keys.length === 0) {
		throw new UsageError('no keys configured: add one with `keywatch add openai --name prod --env OPENAI_API_KEY`, or try --demo');
	}
	const fileSettings = loaded.store.read().settings;
	const settings = resolveSettings(options, fileSettings);
	if (loaded.demo && allowDemo) {
		// The demo is meant to be watched: faster polls so counts move and windows reset while you look.
		settings.intervalMs = Math.min(settings.intervalMs, 10_000);
		settings.headroomIntervalMs = Math.min(settings.headroomIntervalMs, 20_000);
	}
	const concurrency = session.oneShot ? Math.min(Math.max(loaded.keys.length, POLL_CONCURRENCY), ONE_SHOT_CONCURRENCY) : POLL_CONCURRENCY;
	// As many connections per origin as probes may run, or hanging keys hold them all and the rest queue in undici.
	const transport = createTransport({timeoutMs: settings.timeoutMs, connections: concurrency});
	// A one-shot run would overwrite the saved day with an older copy plus one sample; the demo has nothing to keep.
	// The user may want no trend on disk at all (a shared or read-only config folder): the flag or the setting.
	const saveHistory = session.persistHistory === true && !loaded.demo && options.saveHistory !== false && fileSettings.saveHistory !== false;
	const historyStore = saveHistory ? createHistoryStore(loaded.store.dir, session.warn ? {warn: session.warn} : {}) : undefined;
	const keyMonitor = createMonitor({keys: loaded.keys, transport, ...settings, concurrency, demo: Boolean(loaded.demo), ...(historyStore ? {historyStore} : {})});
	// Status pages are on unless the config says `settings.statusPages: false`.
	const monitor =
		fileSettings.statusPages === false ? keyMonitor : withIncidents(keyMonitor, createStatusPoller({transport, timeoutMs: settings.timeoutMs, ...statusPageTargets(loaded)}));
	return {
		loaded,
		settings,
		transport,
		monitor,
		async close() {
			// Closing the transport aborts requests still in flight, so stopping never waits out a timeout.
			const stopping = monitor.stop();
			await transport.close();
			await stopping;
			await loaded.demo?.close();
		},
	};
}

/** The demo reads the fake provider's status pages; real keys read the pages the reference confirms. */
function statusPageTargets(loaded: LoadedKeys): StatusPageTargets {
	if (loaded.demo) return {providers: [...new Set(loaded.keys.map(k => k.provider))], pages: loaded.demo.statusPages};
	return statusPagesForKeys(loaded.keys);
}
