import {sanitize} from '../secrets/scrub.js';
import {installSignalHandlers} from './signals.js';
import {restoreAndExit} from './terminal.js';

/** EX_SOFTWARE (sysexits.h): an internal error. */
export const CRASH_EXIT_CODE = 70;
const MAX_MESSAGE = 300;

/** One line, no escapes or control characters, no key: what a crash may print. */
export function crashLine(error: unknown): string {
	const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	const first = sanitize(message.split(/\r?\n/)[0] ?? '').trim();
	return `keywatch crashed: ${first.length > MAX_MESSAGE ? `${first.slice(0, MAX_MESSAGE - 1)}…` : first}`;
}

/**
 * The last path out: whatever went wrong, the terminal is restored, the message is scrubbed of keys and
 * kept to one line, and the exit code is non-zero. Signals get the same care (see signals.ts).
 */
export function installCrashHandlers(): void {
	let crashed = false;
	const crash = (error: unknown) => {
		if (crashed) return;
		crashed = true;
		restoreAndExit(CRASH_EXIT_CODE, crashLine(error));
	};
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	installSignalHandlers();
	// Writing to a closed pipe (`keywatch check | head -1`) is not an error worth a stack trace.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
	});
}
