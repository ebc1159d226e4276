// reliability-notes #42: the config folder cannot be written (it cannot even be created: its path runs through a
// regular file, which stops root too, unlike chmod) or the disk is full while the config is saved (a file-size limit
// of 1 KiB on the process: writes past it fail with EFBIG, as on a full disk). The answer is a clear one-line error
// naming the folder or file, the old file whole, no partial file left, and commands that need not save keep working.

import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConfigError, openConfig} from '../../source/config/store.js';
import {cleanEnv, cliPath, runCli, tempConfigDir} from '../helpers/cli.js';
import {expectNoSecret, writeConfig} from './helpers.js';

/** A path whose parent is a regular file: mkdir fails with ENOTDIR whoever runs it. */
function folderUnderAFile(): {file: string; dir: string} {
	const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'keywatch-notdir-')), 'a-file');
	writeFileSync(file, 'not a folder\n');
	return {file, dir: path.join(file, 'keywatch')};
}

const newKey = 'sk-test-healthy-unwritable0123456789abcdef';

describe('a config folder that cannot be created (openConfig)', () => {
	it('reads as an empty config, says why, and refuses to save with the folder named; nothing is created', () => {
		const {file, dir} = folderUnderAFile();
		const store = openConfig(dir);
		expect(store.problem).toMatch(/ENOTDIR/);
		expect(store.read()).toEqual({keys: [], settings: {}});
		const save = () => store.write({keys: [{name: 'k', provider: 'openai', secret: {type: 'value', value: newKey}}], settings: {}});
		expect(save).toThrow(ConfigError);
		expect(save).toThrow(new RegExp(`^cannot save the config: the folder ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be created \\(ENOTDIR`));
		try {
			save();
		} catch (error) {
			expectNoSecret(String(error), [newKey], 'the save error');
		}
		expect(statSync(file).isFile()).toBe(true);
		expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
	});
});

describe('the built CLI with a config folder that cannot be created', () => {
	it('`check --demo --json` runs in memory: its JSON on stdout, one warning naming the folder on stderr', async () => {
		const {dir} = folderUnderAFile();
		const result = await runCli(['check', '--demo', '--json'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
		// The demo has keys that need attention: 1, never the crash code.
		expect(result.code).toBe(1);
		const rows = JSON.parse(result.stdout) as Array<{name: string; status: string}>;
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.some(row => row.status === 'OK')).toBe(true);
		expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^keywatch: warning: the config folder ${escape(dir)} cannot be created \\(ENOTDIR`))]);
	});

	it('`add --stdin` fails with exit 2 and one line naming the folder; the key is neither saved nor echoed', async () => {
		const {file, dir} = folderUnderAFile();
		const result = await runCli(['add', 'openai', '--name', 'k', '--stdin'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir}), input: `${newKey}\n`});
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(new RegExp(`^keywatch: cannot save the config: the folder ${escape(dir)} cannot be created \\(ENOTDIR[^\\n]*; nothing was saved\\. Set KEYWATCH_CONFIG_DIR to a writable folder\\n$`));
		expectNoSecret(result.stdout + result.stderr, [newKey], 'add into an unwritable folder');
		expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
	});
});

/** Run the built CLI under a file-size limit (in KiB): a write past it fails with EFBIG, as on a full disk. */
function runLimited(limitKiB: number, args: string[], env: NodeJS.ProcessEnv, input: string): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		// Pipes, not files, for stdout and stderr: the limit applies to regular files, and must only hit the config.
		const child = spawn('bash', ['-c', `ulimit -f ${limitKiB} && exec "$0" "$@"`, process.execPath, cliPath, ...args], {env, stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', d => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', d => (stderr += d));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
		child.stdin.end(input);
	});
}

describe('a full disk while saving the config (the built CLI)', () => {
	it('`add` fails with exit 2 naming the file; the old config is byte for byte as it was, and no partial file is left', async () => {
		// Enough keys that the new file is larger than the limit: the write fails part way, not at its first byte.
		const keys = Array.from({length: 12}, (_, i) => ({name: `existing-${i}`, provider: 'openai' as const, secret: {type: 'env' as const, name: `KEY_${i}`}, baseUrl: 'http://127.0.0.1:9/v1'}));
		const dir = writeConfig(keys);
		const file = path.join(dir, 'config.json');
		const before = readFileSync(file);
		expect(before.length).toBeGreaterThan(1024);
		const result = await runLimited(1, ['add', 'openai', '--name', 'newcomer', '--stdin'], cleanEnv({KEYWATCH_CONFIG_DIR: dir}), `${newKey}\n`);
		expect(result.code, result.stderr).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(new RegExp(`^keywatch: could not save ${escape(file)} \\(EFBIG: file too large[^\\n]*\\); the file was left as it was\\. Free some disk space or make the folder writable, then try again\\n$`));
		expectNoSecret(result.stdout + result.stderr, [newKey], 'add on a full disk');
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(readdirSync(dir)).toEqual(['config.json']);
		// And with room again, the same command works: nothing was left half-done in the way.
		const retry = await runCli(['add', 'openai', '--name', 'newcomer', '--stdin'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir}), input: `${newKey}\n`});
		expect(retry.code, retry.stderr).toBe(0);
		expect(JSON.parse(readFileSync(file, 'utf8')).keys.map((k: {name: string}) => k.name)).toContain('newcomer');
	});

	it('the limit really stops writes to files (and only to files): the fault is real', () => {
		const probe = path.join(tempConfigDir(), 'probe');
		const out = execFileSync('bash', ['-c', `ulimit -f 1 && exec "$0" -e "try { require('fs').writeFileSync(process.argv[1], 'x'.repeat(4096)); console.log('written') } catch (e) { console.log(e.code) }" "$1"`, process.execPath, probe], {encoding: 'utf8'});
		expect(out.trim()).toBe('EFBIG');
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
