import {afterEach, describe, expect, it} from 'vitest';
import {cliPath, tempConfigDir} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';

// The built CLI in terminals it cannot lay out: too small, and one that cannot move the cursor.
describe('terminals the live view cannot use (tmux)', () => {
	let session: TmuxSession | undefined;
	afterEach(() => session?.kill());

	it('says a 20x5 terminal is too small, draws the view when it grows, and quits with q', async () => {
		session = TmuxSession.start(`node ${cliPath} --demo`, {cols: 20, rows: 5, env: {KEYWATCH_CONFIG_DIR: tempConfigDir()}});
		const s = session;
		let screen = await s.waitFor(text => text.includes('need 40×8'), 'the too-small line');
		expect(screen.split('\n').filter(line => line.trim() !== '')).toEqual(['too small: need 40×8']);
		s.resize(100, 30);
		screen = await s.waitFor(text => /^keywatch \d\d:\d\d/.test(text) && text.includes('q quit'), 'the view');
		await s.press('q');
		await s.waitFor(text => text.includes('[exit=0]'), 'exit');
	});

	it('with TERM=dumb prints one check instead of drawing a screen, and says why', async () => {
		session = TmuxSession.start(`node ${cliPath} --demo`, {cols: 120, rows: 40, env: {KEYWATCH_CONFIG_DIR: tempConfigDir(), TERM: 'dumb'}});
		const screen = await session.waitFor(text => text.includes('[exit='), 'the check to finish', 30_000);
		expect(screen).toContain('TERM=dumb cannot redraw a screen: printing one check instead');
		expect(screen).toMatch(/openai-prod\s+openai\s+OK/i);
		// The demo has denied keys: check's exit code.
		expect(screen).toContain('[exit=1]');
		expect(session.scrollback()).not.toContain('\u001B[?1049h');
	});
});
