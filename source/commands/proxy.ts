import type {CommonOptions} from '../app/options.js';
import {failoverAlert} from '../app/proxy-control.js';
import {openSession} from '../app/session.js';
import {startSessionAlerts} from '../app/session-alerts.js';
import {dispatch} from '../alerts/dispatch.js';
import {runProxyCommand} from '../proxy/command.js';

/**
 * `keywatch proxy`: the local proxy in the foreground, with the monitor running beside it so traffic readings
 * and probe verdicts meet (failover asks the monitor whether a backup is healthy).
 */
export async function runProxy(options: CommonOptions & {port?: number; jsonLog?: boolean}): Promise<number> {
	const session = await openSession(options, false);
	const {monitor, loaded} = session;
	// Key changes and failovers reach the configured sinks, as in the live view.
	const alerts = startSessionAlerts(session);
	if (alerts.warning) process.stderr.write(`keywatch: warning: ${alerts.warning}\n`);
	monitor.start();
	const resolve = await monitor.secretLookup();
	try {
		return await runProxyCommand({
			port: options.port,
			jsonLog: options.jsonLog,
			configDir: loaded.store.dir,
			keys: loaded.keys,
			resolveSecret: resolve,
			onExchange: (name, _provider, exchange) => monitor.recordTraffic(name, exchange),
			verdictOf: name => monitor.getSnapshot().keys.find(k => k.name === name)?.verdict,
			onFailover: event => {
				if (alerts.sinks.length > 0) void dispatch(failoverAlert(event), alerts.sinks);
			},
		});
	} finally {
		await alerts.stop();
		await session.close();
	}
}
