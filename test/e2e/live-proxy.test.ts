import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanEnv, cliPath, runCli, tempConfigDir} from '../helpers/cli.js';
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

	it('without the setting, a says how to turn the proxy on; P starts it in the view and stops it again', async () => {
		const dir = tempConfigDir();
		// Off, on a free port when P starts it (8787 may be taken on a test machine).
		writeFileSync(path.join(dir, 'config.json'), JSON.stringify({keys: [], settings: {proxy: {enabled: false, port: 0}}}), {mode: 0o600});
		session = TmuxSession.start(`node ${cliPath} --demo`, {cols: 150, rows: 45, env: {KEYWATCH_CONFIG_DIR: dir}});
		const s = session;
		let screen = await s.waitFor(text => text.includes('DENIED'), 'probe results');
		expect(screen).toContain('P proxy');
		await s.press('a');
		screen = await s.waitFor(text => text.includes('proxy is off'), 'the notice');
		expect(screen).toContain('proxy is off: P starts it here (or keywatch --proxy, or keywatch proxy enable)');
		expect(screen).not.toContain('⇄ proxy');
		await s.press('P');
		screen = await s.waitFor(text => /⇄ proxy http:\/\/127\.0\.0\.1:\d+/.test(text) && text.includes('proxy on at'), 'the proxy to start');
		expect(screen).toContain('● openai-prod');
		await s.press('2', 'a');
		await s.waitFor(text => text.includes('● openai-batch'), 'a to act on the proxy P started');
		await s.press('P');
		screen = await s.waitFor(text => text.includes('proxy stopped'), 'the proxy to stop');
		expect(screen).not.toContain('⇄ proxy');
		await s.press('q');
		await s.waitFor(text => text.includes('[exit=0]'), 'exit');
	});

	it('--proxy starts it with the view', async () => {
		session = TmuxSession.start(`node ${cliPath} --demo --proxy 0`, {cols: 150, rows: 45, env: {KEYWATCH_CONFIG_DIR: tempConfigDir()}});
		const s = session;
		const screen = await s.waitFor(text => text.includes('DENIED') && /⇄ proxy http:\/\/127\.0\.0\.1:\d+/.test(text), 'the proxy line');
		expect(screen).toContain('● openai-prod');
		await s.press('q');
		await s.waitFor(text => text.includes('[exit=0]'), 'exit');
	});

	it('keywatch proxy enable makes the next live view start it', async () => {
		const dir = tempConfigDir();
		const enabled = await runCli(['proxy', 'enable', '--port', '0'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
		expect(enabled.code).toBe(0);
		expect(enabled.stdout).toContain('the live view now starts the proxy');
		session = TmuxSession.start(`node ${cliPath} --demo`, {cols: 150, rows: 45, env: {KEYWATCH_CONFIG_DIR: dir}});
		await session.waitFor(text => text.includes('DENIED') && /⇄ proxy http:\/\/127\.0\.0\.1:\d+/.test(text), 'the proxy line');
		await session.press('q');
		await session.waitFor(text => text.includes('[exit=0]'), 'exit');
	});
});
