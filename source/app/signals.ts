import {restoreAndExit} from './terminal.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type HandledSignal = (typeof SIGNALS)[number];
const numbers: Record<HandledSignal, number> = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15};

/** How long a command that handles a signal itself gets to finish before the process is ended anyway. */
export const SHUTDOWN_GRACE_MS = 5_000;

/** 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP. */
export function exitCodeFor(signal: HandledSignal): number {
	return 128 + numbers[signal];
}

/** A repeat of the first signal this soon is a library re-sending it (see below), not a second Ctrl+C. */
const ECHO_MS = 500;

// Two libraries listen for exit cleanup and then re-send the signal to die by it, with no 'exit' event, so
// the alternate screen would never be left: Ink's signal-exit (re-sends with process.kill(process.pid, sig)
// once it is the last listener) and when-exit under conf's atomically (always re-sends, via this.exit(signal)).
// They are not handlers: a signal only they listen to must still end the process here. They are told apart by
// their code because the bundle drops signal-exit's function name; if that ever fails, the signal is merely
// treated as handled and the process ends after the grace period instead of at once.
const exitHookCode = /\.kill\(\s*[\w$]+\.pid\s*,|this\.exit\(\s*[\w$]+\s*\)/;
function isExitHook(listener: (...args: unknown[]) => void): boolean {
	return listener.name === 'listener' || exitHookCode.test(Function.prototype.toString.call(listener));
}

/**
 * A permanent listener for SIGINT, SIGTERM and SIGHUP, installed before anything else. While it is there,
 * signal-exit never kills the process behind the live view's back. When a command handles the signal
 * itself (the live view unmounts, serve closes), it gets SHUTDOWN_GRACE_MS; with nobody handling it, or on a
 * second signal, the terminal is restored and the process exits at once with 128 + the signal's number.
 */
export function installSignalHandlers(options: {graceMs?: number; exit?: (code: number) => void} = {}): () => void {
	const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS;
	const exit = options.exit ?? ((code: number) => restoreAndExit(code));
	let first: {signal: HandledSignal; at: number} | undefined;
	const end = (code: number) => exit(code);
	const handler = (signal: HandledSignal) => {
		const code = exitCodeFor(signal);
		if (first) {
			if (first.signal === signal && Date.now() - first.at < ECHO_MS) return;
			return end(code);
		}
		const handled = process.listeners(signal).some(l => l !== handler && !isExitHook(l as (...args: unknown[]) => void));
		if (!handled) return end(code);
		first = {signal, at: Date.now()};
		process.exitCode = code;
		// Unref'd: a command that finishes in time exits on its own; one that hangs is ended here.
		setTimeout(() => end(code), graceMs).unref();
	};
	for (const signal of SIGNALS) process.on(signal, handler);
	return () => {
		for (const signal of SIGNALS) process.off(signal, handler);
	};
}

/**
 * What a foreground command (serve, proxy, simulate) waits on: the first SIGINT, SIGTERM or SIGHUP, or `abort`.
 * Listening starts at once, so a signal during start-up is not lost; `dispose` stops listening early.
 */
export function stopSignal(abort?: AbortSignal): {stopped: Promise<HandledSignal | 'abort'>; dispose(): void} {
	let dispose = (): void => {};
	const stopped = new Promise<HandledSignal | 'abort'>(resolve => {
		const finish = (reason: HandledSignal | 'abort') => {
			dispose();
			resolve(reason);
		};
		const onSignal = (signal: HandledSignal) => finish(signal);
		const onAbort = () => finish('abort');
		dispose = () => {
			for (const s of SIGNALS) process.off(s, onSignal);
			abort?.removeEventListener('abort', onAbort);
		};
		for (const s of SIGNALS) process.on(s, onSignal);
		abort?.addEventListener('abort', onAbort, {once: true});
		if (abort?.aborted) finish('abort');
	});
	return {stopped, dispose: () => dispose()};
}

/** Resolves on the first SIGINT, SIGTERM or SIGHUP, then removes its listeners. */
export function waitForSignal(): Promise<HandledSignal | 'abort'> {
	return stopSignal().stopped;
}
