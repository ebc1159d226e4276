import { createMonitor } from '../monitor/monitor.js';
import { createTransport } from '../net/transport.js';
import { loadKeys } from './keys.js';
import { UsageError } from './options.js';
import { resolveSettings } from './settings.js';
/**
 * Keys, settings, one transport and one monitor: what the live view, `check`, `serve` and `proxy` share.
 * `allowDemo` starts the demo when nothing is configured; otherwise having no keys is a usage error.
 */
export async function openSession(options, allowDemo) {
    const loaded = await loadKeys({ demo: options.demo, allowDemo });
    for (const warning of loaded.warnings)
        process.stderr.write(`keywatch: warning: ${warning}\n`);
    if (loaded.keys.length === 0) {
        throw new UsageError('no keys configured: add one with `keywatch add openai --name prod --env OPENAI_API_KEY`, or try --demo');
    }
    const settings = resolveSettings(options, loaded.store.read().settings);
    if (loaded.demo && allowDemo) {
        // The demo is meant to be watched: faster polls so counts move and windows reset while you look.
        settings.intervalMs = Math.min(settings.intervalMs, 10_000);
        settings.headroomIntervalMs = Math.min(settings.headroomIntervalMs, 20_000);
    }
    const transport = createTransport({ timeoutMs: settings.timeoutMs });
    const monitor = createMonitor({ keys: loaded.keys, transport, ...settings, demo: Boolean(loaded.demo) });
    return {
        loaded,
        settings,
        transport,
        monitor,
        async close() {
            await monitor.stop();
            await transport.close();
            await loaded.demo?.close();
        },
    };
}
