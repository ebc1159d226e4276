import {sanitize} from '../secrets/scrub.js';
import type {LiveProxy, ProxyControl} from './proxy-control.js';

// P in the live view: the in-process proxy started and stopped while the view runs. The view reads the
// control of whichever proxy is up (none while off) and is told when that changes; starting and stopping
// happen here, outside React.

export type ProxySwitchResult = {running: boolean; url?: string; tokenPath?: string; error?: string};

export type ProxySwitch = {
	/** The running proxy's control; undefined while it is off, starting or stopping. */
	control(): ProxyControl | undefined;
	/** The port it listens on, or will (always on 127.0.0.1). */
	port: number;
	/** A start or a stop is under way: another P waits for it to finish. */
	busy(): boolean;
	/** Starts the proxy when it is off, stops it when it runs; resolves when it is done. */
	toggle(): Promise<ProxySwitchResult>;
	/** Called when the proxy started, stopped or began to. */
	subscribe(listener: () => void): () => void;
	/** Stops a running proxy (the view is closing). */
	close(): Promise<void>;
};

/** Why the proxy cannot start, in one line that says what to do. */
export function startError(error: unknown, port: number): string {
	if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
		return `port ${port} on 127.0.0.1 is already in use (a separate \`keywatch proxy\` cannot be controlled from here: stop it, or start this view with --proxy PORT)`;
	}
	return sanitize(String((error as Error)?.message ?? error));
}

export function createProxySwitch(start: () => Promise<LiveProxy>, port: number): ProxySwitch {
	let running: LiveProxy | undefined;
	let pending: Promise<ProxySwitchResult> | undefined;
	const listeners = new Set<() => void>();
	const notify = (): void => {
		for (const listener of [...listeners]) listener();
	};

	async function turnOn(): Promise<ProxySwitchResult> {
		try {
			running = await start();
			return {running: true, url: running.control.url, tokenPath: running.control.tokenPath};
		} catch (error) {
			return {running: false, error: startError(error, port)};
		}
	}

	async function turnOff(proxy: LiveProxy): Promise<ProxySwitchResult> {
		// Off at once for the view (a and b stop acting on it); requests in flight get the proxy's grace period.
		running = undefined;
		notify();
		await proxy.close();
		return {running: false};
	}

	function run(step: () => Promise<ProxySwitchResult>): Promise<ProxySwitchResult> {
		pending = step().finally(() => {
			pending = undefined;
			notify();
		});
		notify();
		return pending;
	}

	return {
		control: () => (pending ? undefined : running?.control),
		port,
		busy: () => pending !== undefined,
		toggle() {
			if (pending) return pending;
			const proxy = running;
			return run(() => (proxy ? turnOff(proxy) : turnOn()));
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		async close() {
			await pending;
			const proxy = running;
			running = undefined;
			await proxy?.close();
		},
	};
}
