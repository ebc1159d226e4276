import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cliPath, tempConfigDir} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';

// The built CLI with `settings.proxy.enabled`: the proxy runs inside the live view, and `a`/`b` act on it.
describe('live view with the in-process proxy (tmux)', () => {
	let session: TmuxSession | undefined;
	afterEach(() => session?.kill());

	it('shows the proxy, marks the active key, switches it with a, marks a backup with b, and names the open incident', async () => {
		const dir = tempConfigDir();
		writeFileSync(path.join(dir, 'config.json'), JSON.stringify({keys: [], settings: {proxy: {enabled: true, port: 0}}}), {mode: 0o600});
		session = TmuxSession.start(`node ${cliPath} --demo`, {cols: 160, rows: 45, env: {KEYWATCH_CONFIG_DIR: dir}});
		const s = session;
		let screen = await s.waitFor(text => text.includes('DENIED') && /⇄ proxy http:\/\/127\.0\.0\.1:\d+/.test(text), 'the demo table with the proxy line');
		expect(screen).toContain('Req/min');
		expect(screen).toContain('● openai-prod');
		screen = await s.waitFor(text => text.includes('⚠ Anthropic: Elevated errors on Claude API (major)'), 'the incident banner');
		await s.press('2', 'a');
		screen = await s.waitFor(text => text.includes('● openai-batch'), 'the active marker to move');
		expect(screen).not.toContain('● openai-prod');
		expect(screen).toContain('openai-batch is now the active OpenAI key');
		await s.press('1', 'b');
		await s.waitFor(text => text.includes('b openai-prod') && text.includes('this run only'), 'openai-prod marked as a backup');
		await s.press('q');
		const after = await s.waitFor(text => text.includes('[exit='), 'exit');
		expect(after).toContain('[exit=0]');
	});

	it('without the setting, a says how to turn the proxy on', async () => {
		session = TmuxSession.start(`node ${cliPath} --demo`, {cols: 150, rows: 45, env: {KEYWATCH_CONFIG_DIR: tempConfigDir()}});
		const s = session;
		await s.waitFor(text => text.includes('DENIED'), 'probe results');
		await s.press('a');
		const screen = await s.waitFor(text => text.includes('proxy is off'), 'the notice');
		expect(screen).toContain('proxy is off: set settings.proxy.enabled in the config or run keywatch proxy');
		expect(screen).not.toContain('⇄ proxy');
		await s.press('q');
		await s.waitFor(text => text.includes('[exit=0]'), 'exit');
	});
});
