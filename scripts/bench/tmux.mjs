// A private tmux server (its own -L socket, no user config) whose panes are real pseudo-terminals,
// read back with capture-pane. One server serves every run; each run is its own session.
import {execFileSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Running and not a zombie. */
function alive(pid) {
	try {
		return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
	} catch {
		return false;
	}
}

const quote = value => `'${String(value).replace(/'/g, `'\\''`)}'`;

export class Tmux {
	#count = 0;

	constructor() {
		this.socket = `kw-bench-${process.pid}`;
		this.sessions = new Set();
	}

	#tmux(args, options = {}) {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8', ...options});
	}

	/**
	 * Start `argv` in a new session. The pane's shell writes the wall clock (ns) to a file and then execs the
	 * command, so `startedAt` is the moment the measured process begins and the pane's pid is that process.
	 * `env` is the whole environment (`env -i`): nothing leaks in from the tmux server's.
	 */
	start(argv, {env = {}, cols = 150, rows = 50} = {}) {
		const name = `run${this.#count++}`;
		const stamp = path.join(os.tmpdir(), `kw-bench-start-${process.pid}-${name}`);
		const vars = Object.entries({TERM: 'xterm-256color', ...env}).map(([k, v]) => `${k}=${quote(v)}`);
		const command = `date +%s%N > ${quote(stamp)}; exec env -i ${vars.join(' ')} ${argv.map(quote).join(' ')}`;
		const first = this.sessions.size === 0;
		this.#tmux([...(first ? ['-f', '/dev/null'] : []), 'new-session', '-d', '-x', String(cols), '-y', String(rows), '-s', name, command]);
		if (first) this.#tmux(['set-option', '-g', 'remain-on-exit', 'off']);
		this.sessions.add(name);
		return {name, stamp};
	}

	/** Wall-clock ms at which the run's process was exec'd, or undefined until the stamp is written. */
	startedAt(run) {
		try {
			const text = readFileSync(run.stamp, 'utf8').trim();
			return text ? Number(BigInt(text) / 1000n) / 1000 : undefined;
		} catch {
			return undefined;
		}
	}

	screen(run) {
		try {
			return this.#tmux(['capture-pane', '-p', '-t', run.name], {stdio: ['ignore', 'pipe', 'ignore']});
		} catch {
			return '';
		}
	}

	pid(run) {
		return Number(this.#tmux(['display-message', '-p', '-t', run.name, '#{pane_pid}']).trim());
	}

	/**
	 * End the run: tmux sends the pane's process SIGHUP. If it is still alive after `graceMs` (a process too
	 * busy to handle signals), it is killed with SIGKILL. Returns whether that was needed.
	 */
	kill(run, {graceMs = 5000} = {}) {
		let pid;
		try {
			pid = this.pid(run);
		} catch {}
		try {
			this.#tmux(['kill-session', '-t', run.name], {stdio: 'ignore'});
		} catch {}
		this.sessions.delete(run.name);
		if (run.stamp) rmSync(run.stamp, {force: true});
		if (!pid) return false;
		const deadline = Date.now() + graceMs;
		while (Date.now() < deadline) {
			if (!alive(pid)) return false;
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
		}
		try {
			process.kill(pid, 'SIGKILL');
		} catch {}
		return true;
	}

	/**
	 * Poll the screen every `everyMs` until `predicate` holds; returns the wall-clock ms of the first capture
	 * that showed it (capture-pane itself takes a few ms, which bounds the resolution).
	 */
	waitFor(run, predicate, {timeoutMs = 30_000, everyMs = 2} = {}) {
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		while (Date.now() < deadline) {
			const before = Date.now();
			screen = this.screen(run);
			if (predicate(screen)) return {at: before, screen};
			const wait = everyMs - (Date.now() - before);
			if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
		}
		throw new Error(`timed out; the screen was:\n${screen}`);
	}

	async waitForAsync(run, predicate, {timeoutMs = 120_000, everyMs = 250} = {}) {
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		while (Date.now() < deadline) {
			screen = this.screen(run);
			if (predicate(screen)) return screen;
			await new Promise(resolve => setTimeout(resolve, everyMs));
		}
		throw new Error(`timed out; the screen was:\n${screen}`);
	}

	close() {
		for (const name of [...this.sessions]) this.kill({name, stamp: ''}, {graceMs: 2000});
		try {
			this.#tmux(['kill-server'], {stdio: 'ignore'});
		} catch {}
	}
}
