// Putting the terminal back the way the shell expects it, from any way out (crash, signal, forced exit).

export const LEAVE_ALT_SCREEN = '\u001B[?1049l';
export const SHOW_CURSOR = '\u001B[?25h';

type Out = Pick<NodeJS.WriteStream, 'write'> & {isTTY?: boolean};
type In = {isTTY?: boolean; isRaw?: boolean; setRawMode?: (mode: boolean) => unknown};

/**
 * Show the cursor, leave the alternate screen and turn raw mode off. Raw mode on stdin is the sign that the
 * live view is up (only it reads keys); outside it, "leave the alternate screen" would move the cursor to a
 * stale saved position, so a Ctrl+C during `keywatch check` writes only the cursor sequence.
 */
export function restoreTerminal(stdout: Out = process.stdout, stdin: In = process.stdin): void {
	const live = stdin.isTTY === true && stdin.isRaw === true;
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
