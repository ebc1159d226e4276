import type {AlertSink} from '../alerts/types.js';
import type {CommonOptions} from '../app/options.js';
import {UsageError} from '../app/options.js';
import {startLiveProxy} from '../app/proxy-control.js';
import {createProxySwitch, type ProxySwitch} from '../app/proxy-switch.js';
import {openSession, type Session} from '../app/session.js';
import {startSessionAlerts} from '../app/session-alerts.js';
import {DEFAULT_PROXY_PORT} from '../proxy/server.js';
import {startStatusCacheWriter} from '../status-line/cache-writer.js';
import {exitCodeFor, runCheck} from './check.js';
import {renderCheckTable} from './check-table.js';
import {snapshotToJson} from '../serve/state-json.js';

/** `--proxy` alone is `true`; `--proxy 9000` is the port. */
type LiveOptions = CommonOptions & {compact?: boolean; remote?: string; json?: boolean; proxy?: true | number};

/**
 * P's switch for the proxy in this process, started at once with `--proxy [port]` or `settings.proxy.enabled`
 * (`keywatch proxy enable`). A proxy that cannot start is a warning, not a failed view.
 */
async function proxySwitchFor(session: Session, sinks: readonly AlertSink[], flag: LiveOptions['proxy']): Promise<{proxySwitch: ProxySwitch; warning?: string}> {
	const {loaded, monitor} = session;
	const setting = loaded.store.read().settings.proxy;
	const port = typeof flag === 'number' ? flag : (setting?.port ?? DEFAULT_PROXY_PORT);
	const start = () => startLiveProxy({monitor, keys: loaded.keys, configDir: loaded.store.dir, port, store: loaded.store, sinks});
	const proxySwitch = createProxySwitch(start, port);
	if (flag === undefined && !setting?.enabled) return {proxySwitch};
	const started = await proxySwitch.toggle();
	return started.error ? {proxySwitch, warning: `the proxy could not start: ${started.error}`} : {proxySwitch};
}

/** `--remote` without a terminal: print the serve's state like `check` would, and never probe anything. */
async function printRemote(url: string, json: boolean): Promise<number> {
	const {fetchSnapshot, normalizeRemoteUrl, RemoteUrlError} = await import('../remote/index.js');
	let base: string;
	try {
		base = normalizeRemoteUrl(url);
	} catch (error) {
		if (error instanceof RemoteUrlError) throw new UsageError(error.message);
		throw error;
	}
	const result = await fetchSnapshot(base, {timeoutMs: 5000});
	if (!result.ok) throw new UsageError(`cannot read ${base}/snapshot (${result.error}); is keywatch serve running there?`);
	process.stdout.write(json ? `${JSON.stringify(snapshotToJson(result.snapshot), null, 2)}\n` : renderCheckTable(result.snapshot));
	return exitCodeFor(result.snapshot);
}

/**
 * Ink decides once, when it loads, whether it runs in CI (CI or CONTINUOUS_INTEGRATION set), and there it draws
 * nothing until exit: the live view would stay a blank screen for as long as it runs. Both ends being terminals
 * means a person is watching, whatever the environment says, so the variables are hidden while Ink loads and
 * put back at once for the secret commands and anything else that reads them later.
 */
export async function loadInkAsOnATerminal<T>(load: () => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<T> {
	const hidden = (['CI', 'CONTINUOUS_INTEGRATION'] as const).filter(name => name in env).map(name => [name, env[name]] as const);
	for (const [name] of hidden) delete env[name];
	try {
		return await load();
	} finally {
		for (const [name, value] of hidden) env[name] = value;
	}
}

type Ends = {stdout: {isTTY?: boolean}; stdin: {isTTY?: boolean}; env: NodeJS.ProcessEnv};

/**
 * The live view needs both ends to be terminals that move the cursor. TERM=dumb says this one cannot (Emacs
 * shell mode, some CI and IDE consoles): the alternate screen and each redraw would print as escape codes
 * and stacked frames. There `keywatch` prints one check, as it does into a pipe, and says why.
 */
export function liveViewBlocker({stdout, stdin, env}: Ends): 'no-terminal' | 'dumb-terminal' | undefined {
	if (!stdout.isTTY || !stdin.isTTY) return 'no-terminal';
	return env.TERM === 'dumb' ? 'dumb-terminal' : undefined;
}

/** Bare `keywatch`: the live view on a terminal, `check` otherwise (pipes, cron, CI, TERM=dumb). */
export async function runDefault(options: LiveOptions): Promise<number> {
	if (options.proxy !== undefined && options.remote) throw new UsageError('--proxy runs the proxy beside this machine\'s monitor; it cannot go with --remote');
	const blocker = liveViewBlocker({stdout: process.stdout, stdin: process.stdin, env: process.env});
	if (blocker) {
		if (blocker === 'dumb-terminal') process.stderr.write('keywatch: TERM=dumb cannot redraw a screen: printing one check instead (set TERM, e.g. TERM=xterm-256color, for the live view)\n');
		if (options.proxy !== undefined) process.stderr.write('keywatch: warning: --proxy starts the proxy inside the live view; without a terminal, run keywatch proxy\n');
		return options.remote ? printRemote(options.remote, Boolean(options.json)) : runCheck(options);
	}
	const {runLiveView} = await loadInkAsOnATerminal(() => import('../ui/run.js'));
	if (options.remote) {
		const {createRemoteMonitor, RemoteUrlError} = await import('../remote/index.js');
		let monitor;
		try {
			monitor = createRemoteMonitor(options.remote);
		} catch (error) {
			if (error instanceof RemoteUrlError) throw new UsageError(error.message);
			throw error;
		}
		// The serve's alerter fires for every screen; its last alert shows in this header as in a local one.
		return runLiveView(monitor, {intervalMs: 60_000, compact: options.compact, remote: options.remote, alerts: monitor});
	}
	// The live view runs for days: keep the trend across restarts; warnings must not write over the screen.
	const session = await openSession(options, true, {persistHistory: true, warn: () => {}});
	const {monitor, loaded, settings} = session;
	const alerts = startSessionAlerts(session);
	const cache = loaded.demo ? undefined : startStatusCacheWriter(monitor, loaded.store.dir, {});
	let proxySwitch: ProxySwitch | undefined;
	try {
		const started = await proxySwitchFor(session, alerts.sinks, options.proxy);
		proxySwitch = started.proxySwitch;
		monitor.start();
		return await runLiveView(monitor, {
			demo: Boolean(loaded.demo),
			intervalMs: settings.intervalMs,
			compact: options.compact,
			warnings: [
				...loaded.warnings,
				...(alerts.warning ? [alerts.warning] : []),
				...(started.warning ? [started.warning] : []),
			],
			alerts: alerts.alerter,
			proxySwitch,
		});
	} finally {
		await proxySwitch?.close();
		await alerts.stop();
		cache?.stop();
		await session.close();
	}
}
