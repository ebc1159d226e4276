// Issue #6, "Secrets": canary keys of every provider's shape, all of them echoed back in full by the fake provider,
// then every way keywatch writes text is read back and searched for them: the check table and JSON, serve's
// /metrics, /state and /snapshot, the status line, webhook bodies, the live view's screen and scrollback, files
// keywatch leaves in its folder, and a crash message. Plus the config folder's permissions and the keyring.

import {execFileSync, spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createAlerter} from '../../source/alerts/alerter.js';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import {scrub} from '../../source/secrets/scrub.js';
import {Secret} from '../../source/secrets/secret.js';
import {startServe} from '../../source/serve/server.js';
import {statusLine} from '../../source/status-line/index.js';
import type {KeyConfig, ProviderId} from '../../source/types.js';
import {startReceiver} from '../alerts/receiver.js';
import {cleanEnv, cliPath, runCli, tempConfigDir} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';
import {expectNoControl, expectNoSecret, writeConfig} from './helpers.js';

const CANARY = 'CANARY';
const hex = () => randomBytes(8).toString('hex');

// One key of each family's shape, each asking the fake provider to echo it back in full in its error message.
const shapes: Array<[name: string, provider: ProviderId, prefix: string]> = [
	['c-openai', 'openai', 'sk-test-echo_key-'],
	['c-project', 'openai', 'sk-proj-test-echo_key-'],
	['c-anthropic', 'anthropic', 'sk-ant-test-echo_key-'],
	['c-gemini', 'gemini', 'AIza-test-echo_key-'],
	['c-groq', 'groq', 'gsk_test-echo_key-'],
	['c-xai', 'xai', 'xai-test-echo_key-'],
	['c-openrouter', 'openrouter', 'sk-or-v1-test-echo_key-'],
	['c-deepseek', 'deepseek', 'sk-test-echo_key-'],
];

let fake: FakeProvider;
let keys: KeyConfig[];
let secrets: string[];
let dir: string;

function leakCheck(text: string, where: string): void {
	expectNoSecret(text, secrets, where, [CANARY]);
	for (const secret of secrets) expect(text.includes(Buffer.from(secret).toString('base64')), `${where} holds a key in base64`).toBe(false);
}

beforeAll(async () => {
	fake = await startFakeProvider();
	keys = shapes.map(([name, provider, prefix]) => ({name, provider, secret: {type: 'value', value: `${prefix}${CANARY}${hex()}`}, baseUrl: fake.baseUrl(provider)}));
	secrets = keys.map(k => (k.secret.type === 'value' ? k.secret.value : ''));
	dir = writeConfig(keys);
});
afterAll(() => fake.close());

describe('canary keys never leave keywatch', () => {
	it('not in `check`, `check --json`, `list` or `list --json`, while every key is reported as rejected', async () => {
		const env = cleanEnv({KEYWATCH_CONFIG_DIR: dir});
		const json = await runCli(['check', '--json'], {env});
		const rows = JSON.parse(json.stdout) as Array<{name: string; kind: string; masked: string}>;
		expect(rows.map(r => [r.name, r.kind])).toEqual(keys.map(k => [k.name, 'invalid_key']));
		for (const row of rows) expect(row.masked).toMatch(/^(?:sk-|AIza|gsk_|xai-)?…[0-9a-f]{4}$/);
		const table = await runCli(['check'], {env});
		expect(table.stdout).toContain('Invalid API key');
		const list = await runCli(['list'], {env});
		const listJson = await runCli(['list', '--json'], {env});
		expect(list.stdout).toContain('c-anthropic');
		for (const [where, result] of Object.entries({'check --json': json, check: table, list, 'list --json': listJson})) {
			leakCheck(result.stdout + result.stderr, where);
			expectNoControl(result.stdout + result.stderr, where);
		}
	});

	it('not in serve /metrics, /state, /snapshot, the status line or webhook bodies, though the provider echoed every key', async () => {
		const transport = createTransport({timeoutMs: 5_000});
		const monitor = createMonitor({keys, transport, diagnose, statusOf, noSpend: true});
		const receiver = await startReceiver();
		const alerter = createAlerter(monitor, {webhooks: [{url: `${receiver.url}/slack`, format: 'slack'}, {url: `${receiver.url}/json`, format: 'json'}], hysteresis: 1}, undefined, {groupWindowMs: 0});
		const serve = await startServe(monitor, {port: 0, defaultMetrics: false});
		try {
			// A healthy baseline first, then the echoing answers: a change, so alerts carry the provider's words.
			for (const secret of secrets) fake.setScenario(secret, 'healthy');
			await monitor.checkOnce();
			for (const secret of secrets) fake.setScenario(secret, undefined);
			const snapshot = await monitor.checkOnce();
			expect(snapshot.keys.every(k => k.verdict?.kind === 'invalid_key')).toBe(true);
			// The provider really did echo the keys: the scrubbed message still says where one was.
			expect(snapshot.keys.some(k => /…[0-9a-f]{4}/.test(k.verdict?.evidence.message ?? ''))).toBe(true);
			await waitFor(() => receiver.received.length >= 2, 'webhook posts');
			await alerter.stop();

			const outputs: Record<string, string> = {};
			for (const route of ['/metrics', '/state', '/snapshot', '/healthz']) outputs[`serve ${route}`] = await (await fetch(`${serve.url}${route}`)).text();
			outputs['status line'] = statusLine(snapshot);
			const remote = await runCli(['status', '--remote', serve.url], {env: cleanEnv({KEYWATCH_CONFIG_DIR: tempConfigDir()})});
			outputs['status --remote'] = remote.stdout + remote.stderr;
			outputs['webhook bodies'] = receiver.received.map(r => `${r.path} ${r.body}`).join('\n');
			outputs.snapshot = JSON.stringify(snapshot);
			expect(outputs['serve /metrics']).toContain('c-anthropic');
			expect(outputs['status --remote']).toMatch(/keywatch/);
			expect(outputs['webhook bodies']).toMatch(/\/json .*c-/);
			for (const [where, text] of Object.entries(outputs)) {
				leakCheck(text, where);
				expectNoControl(text, where);
			}
		} finally {
			await serve.close();
			await receiver.close();
			await monitor.stop();
			await transport.close();
		}
	});

	it('not on the live view’s screen or in its scrollback, with the echoing key’s detail pane open; no escape takes effect', async () => {
		const liveKeys: KeyConfig[] = [
			keys[0]!,
			{name: 'escapes', provider: 'openai', secret: {type: 'value', value: `sk-test-escapes-${CANARY}${hex()}`}, baseUrl: fake.baseUrl('openai')},
			...keys.slice(1),
		];
		const liveSecrets = liveKeys.map(k => (k.secret.type === 'value' ? k.secret.value : ''));
		const liveDir = writeConfig(liveKeys);
		const session = TmuxSession.start(`node ${cliPath} --no-spend`, {cols: 160, rows: 45, env: {KEYWATCH_CONFIG_DIR: liveDir}});
		try {
			await session.waitFor(screen => (screen.match(/DENIED/g) ?? []).length >= liveKeys.length, 'every key denied', 30_000);
			await session.press('1', 'Enter');
			const pane = await session.waitFor(screen => screen.includes('How to fix') && screen.includes('c-openai'), 'the detail pane of the echoing key');
			expect(pane).toMatch(/…[0-9a-f]{4}/);
			await session.press('Escape', '2', 'Enter');
			const escapes = await session.waitFor(screen => screen.includes('How to fix') && /Invalid request\s+RED/.test(screen), 'the detail pane of the key whose provider sends escapes');
			// The message could not clear the screen, move the cursor or set the window title.
			expect(escapes).toContain('c-anthropic');
			expect(execFileSync('tmux', ['-L', session.socket, 'display', '-p', '-t', 'main', '#{pane_title}'], {encoding: 'utf8'})).not.toContain('pwned');
			await session.press('Escape', 'q');
			await session.waitFor(screen => screen.includes('[exit='), 'exit');
			for (const [where, text] of Object.entries({screen: pane + escapes, scrollback: session.scrollback()})) {
				expectNoSecret(text, liveSecrets, `live view ${where}`, [CANARY]);
			}
			// What it left in its folder (the status-line cache) is clean too.
			for (const file of readdirSync(liveDir).filter(f => f !== 'config.json')) leakCheck(readFileSync(path.join(liveDir, file), 'utf8'), `${file} in the config folder`);
		} finally {
			session.kill();
		}
	});
});

describe('a crash', () => {
	const crashScript = () => {
		const scriptDir = mkdtempSync(path.join(os.tmpdir(), 'keywatch-crash-'));
		const script = path.join(scriptDir, 'crash.mjs');
		const dist = path.dirname(cliPath);
		writeFileSync(
			script,
			[
				`import {installCrashHandlers} from ${JSON.stringify(path.join(dist, 'app/crash.js'))};`,
				`import {Secret} from ${JSON.stringify(path.join(dist, 'secrets/secret.js'))};`,
				'installCrashHandlers();',
				'const key = new Secret(process.env.CRASH_KEY);',
				// What the live view does: the alternate screen, raw keys, no cursor.
				"if (process.stdout.isTTY) { process.stdout.write('\\u001B[?1049h\\u001B[?25lLIVE VIEW'); process.stdin.setRawMode(true); }",
				'setTimeout(() => { throw new Error(`provider said: Incorrect API key provided: ${key.reveal()}\\n    at second line ${key.reveal()}`); }, 200);',
				'setInterval(() => {}, 1000);',
			].join('\n'),
		);
		return {script, scriptDir};
	};
	const crashKey = `sk-proj-test-crash-${CANARY}${hex()}`;

	it('prints one scrubbed line on stderr and exits non-zero', async () => {
		const {script} = crashScript();
		const child = spawn(process.execPath, [script], {env: cleanEnv({CRASH_KEY: crashKey}), stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', d => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', d => (stderr += d));
		const code = await new Promise<number | null>(resolve => child.on('close', resolve));
		expect(code).toBe(70);
		expect(stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(/^keywatch crashed: Error: provider said: Incorrect API key provided: sk-…[0-9a-f]{4}\n$/);
		expectNoSecret(stdout + stderr, [crashKey], 'crash output', [CANARY]);
		// Not a terminal: nothing to restore, so no escape sequence pollutes a pipe.
		expect(stdout).toBe('');
	});

	it('in a terminal, leaves the alternate screen, shows the cursor and prints the line on the shell’s screen', async () => {
		const {script, scriptDir} = crashScript();
		const errors = path.join(scriptDir, 'stderr.txt');
		const session = TmuxSession.start(`node ${script} 2>${errors}`, {cols: 120, rows: 20, env: {CRASH_KEY: crashKey}});
		try {
			const after = await session.waitFor(screen => screen.includes('[exit='), 'the crash');
			expect(after).toContain('[exit=70]');
			expect(after).not.toContain('LIVE VIEW');
			expect(execFileSync('tmux', ['-L', session.socket, 'display', '-p', '-t', 'main', '#{alternate_on} #{cursor_flag}'], {encoding: 'utf8'}).trim()).toBe('0 1');
			const stderr = readFileSync(errors, 'utf8');
			expect(stderr.trimEnd().split('\n')).toHaveLength(1);
			expect(stderr).toMatch(/^keywatch crashed: Error: provider said: Incorrect API key provided: sk-…[0-9a-f]{4}\n$/);
			expectNoSecret(stderr + session.scrollback(), [crashKey], 'crash in a terminal', [CANARY]);
		} finally {
			session.kill();
		}
	});
});

describe('the config folder and file', () => {
	it('warns at start when the folder is not 0700 or the file not 0600, naming the chmod that fixes it', async () => {
		const loose = writeConfig([{name: 'k', provider: 'openai', secret: {type: 'value', value: `sk-test-healthy-${hex()}`}, baseUrl: fake.baseUrl('openai')}]);
		const env = cleanEnv({KEYWATCH_CONFIG_DIR: loose});
		const tight = await runCli(['check', '--json'], {env});
		expect(tight.code).toBe(0);
		expect(tight.stderr).toBe('');
		chmodSync(loose, 0o755);
		chmodSync(path.join(loose, 'config.json'), 0o644);
		const warned = await runCli(['check', '--json'], {env});
		expect(warned.code).toBe(0);
		expect(warned.stderr).toContain(`keywatch: warning: ${loose} is readable by others (mode 755); run: chmod 700 '${loose}'`);
		expect(warned.stderr).toContain(`keywatch: warning: ${path.join(loose, 'config.json')} is readable by others (mode 644); run: chmod 600 '${path.join(loose, 'config.json')}'`);
		// The warning does not spoil the machine-readable output.
		expect(() => JSON.parse(warned.stdout)).not.toThrow();
	});

	it('creates the folder 0700 and the file 0600 on `add`', async () => {
		const fresh = path.join(tempConfigDir(), 'nested', 'keywatch');
		const added = await runCli(['add', 'openai', '--name', 'k', '--env', 'OPENAI_API_KEY'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: fresh})});
		expect(added.code).toBe(0);
		expect(statSync(fresh).mode & 0o777).toBe(0o700);
		expect(statSync(path.join(fresh, 'config.json')).mode & 0o777).toBe(0o600);
	});
});

describe('OS keyring storage (--keyring)', () => {
	it('fails clearly with exit code 2 where there is no keyring, and never falls back to the config file', async () => {
		const keyringDir = tempConfigDir();
		const key = `sk-proj-test-keyring-${CANARY}${hex()}`;
		const result = await runCli(['add', 'openai', '--name', 'vault', '--keyring'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: keyringDir}), input: `${key}\n`});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^keywatch: OS keyring unavailable: .+; use --env, --command or --stdin\n$/);
		expect(result.stdout).toBe('');
		leakCheck(result.stdout + result.stderr, 'add --keyring');
		// Nothing was written anywhere in the folder: not the key, not even a reference to a key that is not stored.
		for (const file of readdirSync(keyringDir)) expect(readFileSync(path.join(keyringDir, file), 'utf8')).not.toContain(CANARY);
		const file = path.join(keyringDir, 'config.json');
		if (existsSync(file)) expect(readFileSync(file, 'utf8')).not.toContain('vault');
	});

	it('reads a keyring reference at start, and says clearly when the keyring holds nothing for it', async () => {
		const refDir = writeConfig([{name: 'vault', provider: 'openai', secret: {type: 'keyring', account: 'vault'}, baseUrl: fake.baseUrl('openai')}]);
		const list = await runCli(['list'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: refDir})});
		expect(list.stdout).toMatch(/vault\s+openai\s+OS keyring \(vault\)/);
		const check = await runCli(['check', '--json'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: refDir})});
		expect(check.code).toBe(1);
		const [row] = JSON.parse(check.stdout) as Array<{status: string; title: string}>;
		expect(row?.status).toBe('DENIED');
		expect(row?.title).toMatch(/OS keyring/);
	});
});

describe('the scrubber, on any text', () => {
	it('leaves no 12-character run of a registered key, wherever and however often it is embedded', () => {
		const key = `sk-proj-${hex()}${hex()}`;
		new Secret(key);
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.integer({min: 0, max: key.length - 12}), fc.integer({min: 12, max: key.length}), (before, after, start, length) => {
				const piece = key.slice(start, Math.min(key.length, start + length));
				const out = scrub(`${before}${piece}${after}${key}${before}`);
				for (let i = 0; i + 12 <= key.length; i++) expect(out.includes(key.slice(i, i + 12))).toBe(false);
			}),
			{seed: 6, numRuns: 500},
		);
	});

	it('scrubs a text holding a thousand different registered keys in one pass', () => {
		const many = Array.from({length: 1_000}, () => `sk-test-many-${hex()}${hex()}`);
		for (const key of many) new Secret(key);
		const out = scrub(many.map((k, i) => `key ${i}: ${k}`).join('\n'));
		expectNoSecret(out, many, 'scrubbed text');
		expect(out.split('\n')[7]).toBe(`key 7: sk-…${many[7]!.slice(-4)}`);
	});
});

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}
