import {useMemo, useSyncExternalStore} from 'react';
import type {MonitorApi} from '../../monitor/types.js';
import type {MonitorSnapshot} from '../../types.js';

/**
 * The fewest milliseconds between two renders caused by the monitor. A monitor with thousands of keys
 * announces a change per probe, dozens a second, and a render of the view costs milliseconds: rendering
 * each one starved the event loop (docs/bench.md). Ink draws at most 10 frames a second anyway.
 */
export const RENDER_EVERY_MS = 100;

// useSyncExternalStore needs getSnapshot to return the same object until something changes. A remote
// monitor may build a fresh object per call, so the snapshot is re-read only after a change is announced.
// A lone change renders at once; more within RENDER_EVERY_MS are folded into one render at its end.
function cachedStore(monitor: MonitorApi, everyMs: number) {
	let version = 0;
	let cached: {version: number; snapshot: MonitorSnapshot} | undefined;
	return {
		subscribe(listener: () => void): () => void {
			let last = Number.NEGATIVE_INFINITY;
			let timer: ReturnType<typeof setTimeout> | undefined;
			const fire = () => {
				timer = undefined;
				last = performance.now();
				version += 1;
				listener();
			};
			const unsubscribe = monitor.subscribe(() => {
				if (timer !== undefined) return;
				const wait = last + everyMs - performance.now();
				if (wait <= 0) fire();
				else timer = setTimeout(fire, wait);
			});
			return () => {
				if (timer !== undefined) clearTimeout(timer);
				timer = undefined;
				unsubscribe();
			};
		},
		getSnapshot(): MonitorSnapshot {
			if (cached?.version !== version) cached = {version, snapshot: monitor.getSnapshot()};
			return cached.snapshot;
		},
	};
}

/** The monitor's current snapshot; re-renders after the changes the monitor announces, at most every `everyMs`. */
export function useMonitor(monitor: MonitorApi, everyMs = RENDER_EVERY_MS): MonitorSnapshot {
	const store = useMemo(() => cachedStore(monitor, everyMs), [monitor, everyMs]);
	return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
