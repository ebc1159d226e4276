import type {MonitorSnapshot} from '../types.js';

/** What the UI (and `serve`, and `--remote`) need from a running poller. */
export type MonitorApi = {
	getSnapshot(): MonitorSnapshot;
	/** Called after every state change; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
	/** Probe one key now (R in the view), ignoring its schedule but never a provider's retry-after. */
	probeNow(id: string): void;
	setPaused(paused: boolean): void;
	stop(): Promise<void>;
};
