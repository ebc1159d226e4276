import {useMemo, useSyncExternalStore} from 'react';
import type {MonitorApi} from '../../monitor/types.js';
import type {MonitorSnapshot} from '../../types.js';

// useSyncExternalStore needs getSnapshot to return the same object until something changes. A remote
// monitor may build a fresh object per call, so the snapshot is re-read only after a change is announced.
function cachedStore(monitor: MonitorApi) {
	let version = 0;
	let cached: {version: number; snapshot: MonitorSnapshot} | undefined;
	return {
		subscribe(listener: () => void): () => void {
			return monitor.subscribe(() => {
				version += 1;
				listener();
			});
		},
		getSnapshot(): MonitorSnapshot {
			if (cached?.version !== version) cached = {version, snapshot: monitor.getSnapshot()};
			return cached.snapshot;
		},
	};
}

/** The monitor's current snapshot; re-renders on every change the monitor announces. */
export function useMonitor(monitor: MonitorApi): MonitorSnapshot {
	const store = useMemo(() => cachedStore(monitor), [monitor]);
	return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
