import {spawn} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export function tempConfigDir(): string {
	return mkdtempSync(path.join(os.tmpdir(), 'keywatch-test-'));
}

/** An environment with no provider keys in it, so tests never pick up a developer's real keys. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/API_KEY|_ENDPOINT$|^NODE_OPTIONS$|^VITEST|^NO_COLOR$|^FORCE_COLOR$/.test(k)) continue;
		env[k] = v;
	}
	return {...env, ...extra};
}

export type RunResult = {code: number | null; stdout: string; stderr: string};

/** Run the built CLI as a user would, with stdin and stdout as pipes. */
export function runCli(args: string[], options: {env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number} = {}): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...args], {env: options.env ?? cleanEnv(), stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', d => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', d => (stderr += d));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`keywatch ${args.join(' ')} did not exit; stdout: ${stdout}\nstderr: ${stderr}`));
		}, options.timeoutMs ?? 30_000);
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
		child.stdin.end(options.input ?? '');
	});
}
