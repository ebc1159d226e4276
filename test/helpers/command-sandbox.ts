// Commands run in-process against a config folder of their own, with stdout and stderr captured.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, vi} from 'vitest';

export type CommandSandbox = {dir: string; out: string; err: string};

/**
 * Registers the hooks for the calling test file. Provider variables are cleared so keys from the developer's
 * shell never show up in a listing; the environment is put back after each test.
 */
export function commandSandbox(prefix: string): CommandSandbox {
	const box: CommandSandbox = {dir: '', out: '', err: ''};
	const saved = {...process.env};
	beforeEach(() => {
		box.dir = mkdtempSync(path.join(os.tmpdir(), prefix));
		for (const name of Object.keys(process.env)) if (/API_KEY$|_ENDPOINT$/.test(name)) delete process.env[name];
		process.env.KEYWATCH_CONFIG_DIR = box.dir;
		box.out = '';
		box.err = '';
		vi.spyOn(process.stdout, 'write').mockImplementation(chunk => {
			box.out += String(chunk);
			return true;
		});
		vi.spyOn(process.stderr, 'write').mockImplementation(chunk => {
			box.err += String(chunk);
			return true;
		});
	});
	afterEach(() => {
		vi.restoreAllMocks();
		process.env = {...saved};
		rmSync(box.dir, {recursive: true, force: true});
	});
	return box;
}
