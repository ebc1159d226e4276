import type {CommonOptions} from '../app/options.js';
import {openSession} from '../app/session.js';
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
	const session = await openSession(options, false, {oneShot: true});
	try {
		const snapshot = await session.monitor.checkOnce();
		process.stdout.write(options.json ? `${JSON.stringify(snapshotToJson(snapshot), null, 2)}\n` : renderCheckTable(snapshot));
		return exitCodeFor(snapshot);
	} finally {
		await session.close();
	}
}
