import { createAlerter } from '../alerts/alerter.js';
import { alertConfigSchema } from '../alerts/config.js';
import { UsageError } from '../app/options.js';
import { openSession } from '../app/session.js';
import { startStatusCacheWriter } from '../status-line/cache-writer.js';
import { runCheck } from './check.js';
/** Bare `keywatch`: the live view on a terminal, `check` otherwise (pipes, cron, CI). */
export async function runDefault(options) {
    if (!process.stdout.isTTY || !process.stdin.isTTY)
        return runCheck(options);
    const { runLiveView } = await import('../ui/run.js');
    if (options.remote) {
        const { createRemoteMonitor, RemoteUrlError } = await import('../remote/index.js');
        let monitor;
        try {
            monitor = createRemoteMonitor(options.remote);
        }
        catch (error) {
            if (error instanceof RemoteUrlError)
                throw new UsageError(error.message);
            throw error;
        }
        return runLiveView(monitor, { intervalMs: 60_000, compact: options.compact, remote: options.remote });
    }
    const session = await openSession(options, true);
    const { monitor, loaded, settings } = session;
    const alerts = alertConfigSchema.safeParse(loaded.store.read().alerts ?? {});
    const alerter = alerts.success && !loaded.demo ? createAlerter(monitor, alerts.data) : undefined;
    const cache = loaded.demo ? undefined : startStatusCacheWriter(monitor, loaded.store.dir, {});
    monitor.start();
    try {
        return await runLiveView(monitor, {
            demo: Boolean(loaded.demo),
            intervalMs: settings.intervalMs,
            compact: options.compact,
            warnings: [...loaded.warnings, ...(alerts.success ? [] : ['the alerts section of the config is invalid; alerts are off'])],
            alerts: alerter,
        });
    }
    finally {
        alerter?.stop();
        cache?.stop();
        await session.close();
    }
}
