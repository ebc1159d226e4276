import { useMemo, useSyncExternalStore } from 'react';
// useSyncExternalStore needs getSnapshot to return the same object until something changes. A remote
// monitor may build a fresh object per call, so the snapshot is re-read only after a change is announced.
function cachedStore(monitor) {
    let version = 0;
    let cached;
    return {
        subscribe(listener) {
            return monitor.subscribe(() => {
                version += 1;
                listener();
            });
        },
        getSnapshot() {
            if (cached?.version !== version)
                cached = { version, snapshot: monitor.getSnapshot() };
            return cached.snapshot;
        },
    };
}
/** The monitor's current snapshot; re-renders on every change the monitor announces. */
export function useMonitor(monitor) {
    const store = useMemo(() => cachedStore(monitor), [monitor]);
    return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
