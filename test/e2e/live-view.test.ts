import {afterEach, describe, expect, it} from 'vitest';
import {cliPath, tempConfigDir} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';

// The built CLI in a real pseudo-terminal: what a person sees in a tmux pane.
describe('live view end to end (tmux)', () => {
	let session: TmuxSession | undefined;
	afterEach(() => session?.kill());

	const start = (args: string, env: Record<string, string> = {}, size = {cols: 150, rows: 45}) => {
		session = TmuxSession.start(`node ${cliPath} ${args}`, {...size, env: {KEYWATCH_CONFIG_DIR: tempConfigDir(), ...env}});
		return session;
	};

	it('shows the demo table, opens a detail pane, closes it and quits with exit code 0, restoring the screen', async () => {
		// CI=true as on a CI runner: Ink draws nothing there until exit unless keywatch hides it (commands/live.ts).
		const s = start('--demo', {CI: 'true'});
		await s.waitFor(screen => /demo/i.test(screen) && screen.includes('openai-prod'), 'the demo table');
		await s.waitFor(screen => screen.includes('DENIED') && screen.includes('LIMITED') && /\bOK\b/.test(screen), 'probe results');
		await s.press('4'); // openai-trial: out of credit
		await s.press('Enter');
		const pane = await s.waitFor(screen => screen.includes('How to fix'), 'the detail pane');
		expect(pane).toContain('Why');
		expect(pane).toContain('Evidence');
		expect(pane).toMatch(/openai-trial/);
		expect(pane).toMatch(/sk-…\w{4}/);
		await s.press('Escape');
		await s.waitFor(screen => !screen.includes('How to fix'), 'the pane to close');
		await s.press('q');
		const after = await s.waitFor(screen => screen.includes('[exit='), 'exit');
		expect(after).toContain('[exit=0]');
		expect(after).not.toContain('openai-prod'); // the alternate screen was left
		expect(s.scrollback()).not.toMatch(/sk-test-[a-z_]+-demo\d{4}/);
	});

	it('moves between keys and the open pane follows the selection', async () => {
		const s = start('--demo');
		await s.waitFor(screen => screen.includes('DENIED'), 'probe results');
		await s.press('1', 'Enter');
		await s.waitFor(screen => /openai-prod · OpenAI · sk-…\w{4}/.test(screen) && screen.includes('Readings'), 'pane for row 1');
		await s.press('j', 'j', 'j', 'j'); // row 5: openai-old, an invalid key
		await s.waitFor(screen => /openai-old · OpenAI · sk-…\w{4}/.test(screen) && screen.includes('Invalid API key') && screen.includes('How to fix'), 'pane switched to openai-old');
		await s.press('C-c');
		const after = await s.waitFor(screen => screen.includes('[exit='), 'exit');
		expect(after).toContain('[exit=0]');
	});

	it('honours NO_COLOR: no colour sequences, statuses still readable as words', async () => {
		const s = start('--demo', {NO_COLOR: '1'});
		const screen = await s.waitFor(text => text.includes('DENIED') && text.includes('OK'), 'probe results');
		expect(screen).toContain('DENIED');
		const withEscapes = s.screen(true);
		expect(withEscapes).not.toMatch(/\u001B\[(?:3[0-7]|9[0-7]|38;[25])[;m]/);
		await s.press('q');
	});

	it('fits an 80x24 terminal without wrapping', async () => {
		const s = start('--demo', {}, {cols: 80, rows: 24});
		const screen = await s.waitFor(text => text.includes('DENIED'), 'probe results');
		const lines = screen.split('\n');
		expect(lines.length).toBeLessThanOrEqual(25);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
		expect(screen).toContain('openai-prod');
		await s.press('q');
	});
});
