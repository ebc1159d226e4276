import type {MonitorApi} from '../monitor/types.js';
import {writeStatusCache} from './cache.js';

export type StatusCacheWriterOptions = {
	/** At most one write per this many ms, however often the monitor changes. Default 1000. */
	minIntervalMs?: number;
	/** Rewrite at least this often, so a quiet (or paused) monitor still reads as fresh. Default: half the poll interval, 1–30 s. */
	heartbeatMs?: number;
	/** Told about the first failed write (and again after a success); keywatch keeps running either way. */
	onError?: (error: Error) => void;
};

export type StatusCacheWriter = {
	/** Stop writing (after any write in progress); the file ages out on its own. */
	stop(): Promise<void>;
};

/** Keeps the status cache current for `keywatch status --line` (serve and the live view run one). */
export function startStatusCacheWriter(monitor: MonitorApi, dir: string, options: StatusCacheWriterOptions = {}): StatusCacheWriter {
	const minIntervalMs = options.minIntervalMs ?? 1000;
	const heartbeatMs = options.heartbeatMs ?? Math.min(30_000, Math.max(1000, monitor.getSnapshot().intervalMs / 2));
	let lastWriteAt = Number.NEGATIVE_INFINITY;
	let pendingTimer: NodeJS.Timeout | undefined;
	let chain: Promise<void> = Promise.resolve();
	let failing = false;
	let stopped = false;

	function write(): Promise<void> {
		lastWriteAt = Date.now();
		chain = chain.then(async () => {
			try {
				await writeStatusCache(dir, monitor.getSnapshot());
				failing = false;
			} catch (error) {
				if (!failing) options.onError?.(error as Error);
				failing = true;
			}
		});
		return chain;
	}

	function onChange(): void {
		if (stopped || pendingTimer) return;
		const wait = lastWriteAt + minIntervalMs - Date.now();
		if (wait <= 0) {
			void write();
			return;
		}
		pendingTimer = setTimeout(() => {
			pendingTimer = undefined;
			if (!stopped) void write();
		}, wait);
		pendingTimer.unref();
	}

	const unsubscribe = monitor.subscribe(onChange);
	const heartbeat = setInterval(() => void write(), heartbeatMs);
	heartbeat.unref();
	void write();

	return {
		async stop() {
			if (stopped) return chain;
			stopped = true;
			unsubscribe();
			clearInterval(heartbeat);
			if (pendingTimer) clearTimeout(pendingTimer);
			await chain;
		},
	};
}
