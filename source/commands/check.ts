import {loadKeys} from '../app/keys.js';
import type {CommonOptions} from '../app/options.js';
import {UsageError} from '../app/options.js';
import {resolveSettings} from '../app/settings.js';
import {createMonitor} from '../monitor/monitor.js';
import {createTransport} from '../net/transport.js';
import {snapshotToJson} from '../serve/state-json.js';
import type {MonitorSnapshot, Status} from '../types.js';
import {renderCheckTable} from './check-table.js';

const healthy: ReadonlySet<Status> = new Set(['OK', 'LOW']);

/** 0 when every key is OK or LOW, 1 when any key is LIMITED, DENIED or DOWN. */
export function exitCodeFor(snapshot: MonitorSnapshot): number {
	return snapshot.keys.every(k => healthy.has(k.status)) ? 0 : 1;
}

/** Probe every key once, print, and exit. Never starts Ink. */
export async function runCheck(options: CommonOptions & {json?: boolean}): Promise<number> {
	const loaded = await loadKeys({demo: options.demo, allowDemo: false});
	for (const warning of loaded.warnings) process.stderr.write(`keywatch: warning: ${warning}\n`);
	if (loaded.keys.length === 0) {
		throw new UsageError('no keys configured: add one with `keywatch add openai --name prod --env OPENAI_API_KEY`, or try `keywatch check --demo`');
	}
	const settings = resolveSettings(options, loaded.store.read().settings);
	const transport = createTransport({timeoutMs: settings.timeoutMs});
	const monitor = createMonitor({keys: loaded.keys, transport, ...settings, demo: Boolean(loaded.demo)});
	try {
		const snapshot = await monitor.checkOnce();
		process.stdout.write(options.json ? `${JSON.stringify(snapshotToJson(snapshot), null, 2)}\n` : renderCheckTable(snapshot));
		return exitCodeFor(snapshot);
	} finally {
		await monitor.stop();
		await transport.close();
		await loaded.demo?.close();
	}
}
