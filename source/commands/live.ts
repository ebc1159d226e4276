import {loadKeys} from '../app/keys.js';
import type {CommonOptions} from '../app/options.js';
import {resolveSettings} from '../app/settings.js';
import {createMonitor} from '../monitor/monitor.js';
import {createTransport} from '../net/transport.js';
import {runCheck} from './check.js';

type LiveOptions = CommonOptions & {compact?: boolean; remote?: string; json?: boolean};

/** Bare `keywatch`: the live view on a terminal, `check` otherwise (pipes, cron, CI). */
export async function runDefault(options: LiveOptions): Promise<number> {
	if (!process.stdout.isTTY || !process.stdin.isTTY) return runCheck(options);
	if (options.remote) {
		const {createRemoteMonitor} = await import('../remote/remote-monitor.js');
		const {runLiveView} = await import('../ui/run.js');
		const monitor = createRemoteMonitor(options.remote);
		return runLiveView(monitor, {intervalMs: 60_000, compact: options.compact, remote: options.remote});
	}
	const loaded = await loadKeys({demo: options.demo, allowDemo: true});
	const settings = resolveSettings(options, loaded.store.read().settings);
	if (loaded.demo) {
		// The demo is meant to be watched: faster polls so counts move and windows reset while you look.
		settings.intervalMs = Math.min(settings.intervalMs, 10_000);
		settings.headroomIntervalMs = Math.min(settings.headroomIntervalMs, 20_000);
	}
	const transport = createTransport({timeoutMs: settings.timeoutMs});
	const monitor = createMonitor({keys: loaded.keys, transport, ...settings, demo: Boolean(loaded.demo)});
	const {runLiveView} = await import('../ui/run.js');
	monitor.start();
	try {
		return await runLiveView(monitor, {demo: Boolean(loaded.demo), intervalMs: settings.intervalMs, compact: options.compact, warnings: loaded.warnings});
	} finally {
		await monitor.stop();
		await transport.close();
		await loaded.demo?.close();
	}
}
