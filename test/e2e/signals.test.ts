// Issue #6, "Long runs": the built live view in a real pseudo-terminal (tmux), ended by a signal the way a
// closed pane, `kill` or a service manager ends it, and resized while it draws.

import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {afterEach, describe, expect, it} from 'vitest';
import {cliPath, tempConfigDir} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';

type Started = {session: TmuxSession; pid: () => number; stty: string; stderr: string};

function tmux(session: TmuxSession, format: string): string {
	return execFileSync('tmux', ['-L', session.socket, 'display', '-p', '-t', 'main', format], {encoding: 'utf8'}).trim();
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe('the live view under signals and resizes (tmux)', () => {
	let session: TmuxSession | undefined;
	afterEach(() => session?.kill());

	/** The demo, with its pid written down, its stderr kept, and the terminal's modes recorded once it has exited. */
	function start(size = {cols: 120, rows: 40}): Started {
		const dir = tempConfigDir();
		const files = {pid: path.join(dir, 'pid'), stty: path.join(dir, 'stty'), stderr: path.join(dir, 'stderr')};
		const command = `sh -c 'echo $$ > ${files.pid}; exec node ${cliPath} --demo 2>${files.stderr}'; code=$?; stty -a > ${files.stty}; (exit $code)`;
		session = TmuxSession.start(command, {...size, env: {KEYWATCH_CONFIG_DIR: dir}});
		return {session, pid: () => Number(readFileSync(files.pid, 'utf8').trim()), stty: files.stty, stderr: files.stderr};
	}

	it.each([
		['SIGINT', 130],
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const)('%s restores the terminal and exits with %i', async (signal, code) => {
		const s = start();
		await s.session.waitFor(screen => screen.includes('openai-prod') && screen.includes('DENIED'), 'the demo table with results');
		expect(tmux(s.session, '#{alternate_on}')).toBe('1');
		process.kill(s.pid(), signal);
		const after = await s.session.waitFor(screen => screen.includes('[exit='), 'the shell again');
		expect(after).toContain(`[exit=${code}]`);
		// The alternate screen was left (the table is gone with it) and the cursor is visible again.
		expect(after).not.toContain('openai-prod');
		expect(tmux(s.session, '#{alternate_on} #{cursor_flag}')).toBe('0 1');
		// The terminal is back in cooked mode: line editing and echo on.
		await waitForFile(s.stty);
		const modes = readFileSync(s.stty, 'utf8');
		expect(modes).toMatch(/(?:^|\s)icanon(?:\s|$)/);
		expect(modes).toMatch(/(?:^|\s)echo(?:\s|$)/);
		// A clean exit: no stack trace, no message (Ink shows the cursor on stderr; that is all there is).
		expect(words(readFileSync(s.stderr, 'utf8'))).toBe('');
	});

	it('survives a resize storm mid-render and still shows the table', async () => {
		const s = start();
		await s.session.waitFor(screen => screen.includes('openai-prod') && screen.includes('DENIED'), 'the demo table with results');
		for (let round = 0; round < 6; round++) {
			for (const [cols, rows] of [
				[40, 12],
				[200, 60],
				[120, 40],
			] as const) {
				s.session.resize(cols, rows);
				await sleep(40);
			}
		}
		s.session.resize(40, 12);
		await sleep(200);
		s.session.resize(120, 40);
		const screen = await s.session.waitFor(text => text.includes('openai-prod') && text.includes('claude-main') && text.includes('DENIED'), 'the table after the storm');
		expect(screen).not.toContain('[exit=');
		expect(alive(s.pid())).toBe(true);
		// Nothing drawn wider than the terminal it is drawn on.
		for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
		await s.session.press('q');
		const after = await s.session.waitFor(text => text.includes('[exit='), 'exit');
		expect(after).toContain('[exit=0]');
		expect(words(readFileSync(s.stderr, 'utf8'))).toBe('');
	});
});

/** Text left once terminal control sequences are taken out. */
function words(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\u001B\[[0-?]*[ -/]*[@-~]/g, '').trim();
}

async function waitForFile(file: string): Promise<void> {
	for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(50);
	await sleep(50);
}
