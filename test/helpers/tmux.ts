import {execFileSync} from 'node:child_process';
import {setTimeout as sleep} from 'node:timers/promises';

let counter = 0;

/** A private tmux server running one command in a real pseudo-terminal, read back with capture-pane. */
export class TmuxSession {
	private constructor(
		readonly socket: string,
		readonly cols: number,
		readonly rows: number,
	) {}

	static start(command: string, options: {cols?: number; rows?: number; env?: Record<string, string>} = {}): TmuxSession {
		const cols = options.cols ?? 120;
		const rows = options.rows ?? 40;
		const socket = `keywatch-test-${process.pid}-${counter++}`;
		const env = Object.entries({TERM: 'xterm-256color', ...options.env})
			.map(([k, v]) => `${k}='${v.replace(/'/g, `'\\''`)}'`)
			.join(' ');
		// The trailer keeps the pane open after exit so the test can read the exit code and the restored screen.
		const wrapped = `env ${env} ${command}; echo "[exit=$?]"; sleep 600`;
		execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-x', String(cols), '-y', String(rows), '-s', 'main', wrapped]);
		return new TmuxSession(socket, cols, rows);
	}

	/** The visible screen; with `escapes`, including the SGR colour sequences tmux saw. */
	screen(escapes = false): string {
		return execFileSync('tmux', ['-L', this.socket, 'capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'main'], {encoding: 'utf8'});
	}

	/** Whole scrollback, to prove nothing secret was ever printed. */
	scrollback(): string {
		return execFileSync('tmux', ['-L', this.socket, 'capture-pane', '-p', '-S', '-', '-t', 'main'], {encoding: 'utf8'});
	}

	/** tmux key names (Enter, Escape, Down, C-c) or literal characters, sent one at a time. */
	async press(...keys: string[]): Promise<void> {
		for (const key of keys) {
			execFileSync('tmux', ['-L', this.socket, 'send-keys', '-t', 'main', key]);
			await sleep(60);
		}
	}

	async waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		while (Date.now() < deadline) {
			screen = this.screen();
			if (predicate(screen)) return screen;
			await sleep(100);
		}
		throw new Error(`timed out waiting for ${what}; screen was:\n${screen}`);
	}

	resize(cols: number, rows: number): void {
		execFileSync('tmux', ['-L', this.socket, 'resize-window', '-t', 'main', '-x', String(cols), '-y', String(rows)]);
	}

	kill(): void {
		try {
			execFileSync('tmux', ['-L', this.socket, 'kill-server'], {stdio: 'ignore'});
		} catch {}
	}
}
