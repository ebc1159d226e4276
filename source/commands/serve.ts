import type {CommonOptions} from '../app/options.js';
import {UsageError} from '../app/options.js';
import {openSession} from '../app/session.js';
import {startSessionAlerts} from '../app/session-alerts.js';
import {ServeError, startServe} from '../serve/server.js';
import {waitForSignal} from '../app/signals.js';

/** `keywatch serve`: the poller headless, with Prometheus metrics, /state and /snapshot for remote screens. */
export async function runServe(options: CommonOptions & {port?: number; host?: string; readOnly?: boolean; allowControl?: boolean}): Promise<number> {
	const session = await openSession(options, false, {persistHistory: true});
	let alerts: ReturnType<typeof startSessionAlerts> | undefined;
	let handle;
	try {
		handle = await startServe(session.monitor, {
			port: options.port ?? 9464,
			host: options.host ?? '127.0.0.1',
			control: options.readOnly ? false : options.allowControl ? true : undefined,
			statusCacheDir: session.loaded.store.dir,
			lastAlertAt: () => alerts?.alerter?.getLastAlertAt(),
		});
	} catch (error) {
		await session.close();
		if (error instanceof ServeError) throw new UsageError(error.message);
		throw error;
	}
	// A headless poller is where a team's alerts belong: the config's sinks fire as they do in the live view.
	alerts = startSessionAlerts(session);
	if (alerts.warning) process.stderr.write(`keywatch: warning: ${alerts.warning}\n`);
	session.monitor.start();
	process.stderr.write(`keywatch serve: ${session.loaded.keys.length} keys, metrics at ${handle.url}/metrics, state at ${handle.url}/state (Ctrl+C stops)\n`);
	await waitForSignal();
	await alerts.stop();
	await handle.close();
	await session.close();
	return 0;
}
