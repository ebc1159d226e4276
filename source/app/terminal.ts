// Putting the terminal back the way the shell expects it, from any way out (crash, signal, forced exit).

export const LEAVE_ALT_SCREEN = '\u001B[?1049l';
export const SHOW_CURSOR = '\u001B[?25h';

type Out = Pick<NodeJS.WriteStream, 'write'> & {isTTY?: boolean};
type In = {isTTY?: boolean; isRaw?: boolean; setRawMode?: (mode: boolean) => unknown};

/** Raw mode on stdin is the sign that the live view is up: only it reads single keys. */
export function liveViewUp(stdin: In = process.stdin): boolean {
	return stdin.isTTY === true && stdin.isRaw === true;
}

/**
 * Show the cursor and, when the live view is up, leave the alternate screen and turn raw mode off. Outside
 * the live view "leave the alternate screen" would move the cursor to a stale saved position, so a Ctrl+C
 * during `keywatch check` writes only the cursor sequence.
 */
export function restoreTerminal(stdout: Out = process.stdout, stdin: In = process.stdin): void {
	const live = liveViewUp(stdin);
	if (stdout.isTTY) {
		try {
			stdout.write(live ? `${LEAVE_ALT_SCREEN}${SHOW_CURSOR}` : SHOW_CURSOR);
		} catch {}
	}
	if (live) {
		try {
			stdin.setRawMode?.(false);
		} catch {}
	}
}

type ProcessWithReallyExit = NodeJS.Process & {reallyExit?: (code: number) => never};
// Taken when this module loads (the bin loads it first), before signal-exit wraps process.reallyExit to run
// its exit hooks (Ink's unmount among them) on the way out.
const reallyExit = (process as ProcessWithReallyExit).reallyExit?.bind(process);

/**
 * Restore the terminal, say `message` (one line, on stderr, after the screen is back) and end the process.
 * With the live view up, 'exit' listeners are skipped: Ink's would draw its last frame onto the shell's screen
 * after the alternate screen was left. Node still resets the terminal mode on its way out.
 */
export function restoreAndExit(code: number, message?: string): never {
	const live = liveViewUp();
	restoreTerminal();
	if (message !== undefined) {
		try {
			process.stderr.write(`${message}\n`);
		} catch {}
	}
	if (live && reallyExit) reallyExit(code);
	return process.exit(code);
}
