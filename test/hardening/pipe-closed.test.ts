// reliability-notes #47: stdout closed early, as in `keywatch check | head -1`. The built CLI, a real shell
// pipeline and the fake provider: the reader takes what it wants and goes, and keywatch exits 0 with nothing on
// stderr (no EPIPE, no stack trace), whether the pipe closed after the write, during it, or before it.

import {spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import type {KeyConfig} from '../../source/types.js';
import {cleanEnv, cliPath} from '../helpers/cli.js';
import {writeConfig} from './helpers.js';

let fake: FakeProvider;
let small: string;
let large: string;

const healthyKeys = (count: number, baseUrl: (p: 'openai') => string): KeyConfig[] =>
	Array.from({length: count}, (_, i) => ({name: `k${i}`, provider: 'openai', secret: {type: 'value', value: `sk-test-healthy-pipe${randomBytes(8).toString('hex')}`}, baseUrl: baseUrl('openai')}));

beforeAll(async () => {
	fake = await startFakeProvider();
	small = writeConfig(healthyKeys(3, p => fake.baseUrl(p)));
	// check --json on 150 keys is several times the 64 KiB a pipe holds: the write is still going when head leaves.
	large = writeConfig(healthyKeys(150, p => fake.baseUrl(p)));
});
afterAll(() => fake.close());

type Piped = {keywatch: number; reader: number; stdout: string; stderr: string};

/** `sh -c 'node cli.js ARGS | READER'`, reporting both exit codes; keywatch's stderr is kept apart. */
function pipeline(dir: string, args: string, reader: string): Promise<Piped> {
	const script = `node "$0" ${args} 2>"$1/stderr.txt" | ${reader}; echo "codes=\${PIPESTATUS[0]},\${PIPESTATUS[1]}" >&2; cat "$1/stderr.txt" >&2`;
	return new Promise((resolve, reject) => {
		const child = spawn('bash', ['-c', script, cliPath, dir], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir}), stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', d => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', d => (stderr += d));
		child.on('error', reject);
		child.on('close', () => {
			const codes = /^codes=(\d+),(\d+)\n/.exec(stderr);
			if (!codes) return reject(new Error(`no exit codes: ${stderr}`));
			resolve({keywatch: Number(codes[1]), reader: Number(codes[2]), stdout, stderr: stderr.slice(codes[0].length)});
		});
	});
}

describe('keywatch check with stdout closed early (the built CLI, a real pipe)', () => {
	it('`check | head -1`: the table’s first line, exit 0, nothing on stderr', {timeout: 60_000}, async () => {
		const result = await pipeline(small, 'check --no-spend', 'head -1');
		expect(result.stdout.split('\n')).toHaveLength(2);
		expect(result.stdout).toMatch(/^\S.*\n$/);
		expect(result.keywatch).toBe(0);
		expect(result.reader).toBe(0);
		expect(result.stderr).toBe('');
	});

	it('`check --json | head -c 100` on 150 keys: the pipe closes mid-write, still exit 0 and nothing on stderr', {timeout: 60_000}, async () => {
		const result = await pipeline(large, 'check --json --no-spend', 'head -c 100');
		expect(result.stdout).toHaveLength(100);
		expect(result.stdout.startsWith('[')).toBe(true);
		expect(result.keywatch).toBe(0);
		expect(result.stderr).toBe('');
	});

	it('`check | true`: the reader is gone before keywatch writes a byte, still exit 0 and nothing on stderr', {timeout: 60_000}, async () => {
		// `true` exits at once; keywatch writes only after probing every key.
		const result = await pipeline(small, 'check --no-spend', 'true');
		expect(result.stdout).toBe('');
		expect(result.keywatch).toBe(0);
		expect(result.stderr).toBe('');
	});

	it('a closed pipe is real EPIPE: the same write to a pipe nobody reads fails for a plain node program', {timeout: 60_000}, async () => {
		// The control: without keywatch's handling, node reports the broken pipe on stderr and exits non-zero.
		const result = await new Promise<{code: number | null; stderr: string}>(resolve => {
			const script = `node -e "setTimeout(() => process.stdout.write('x'.repeat(1 << 20)), 300)" 2>"$0/stderr.txt" | true; echo "\${PIPESTATUS[0]}" >&2; cat "$0/stderr.txt" >&2`;
			const child = spawn('bash', ['-c', script, small], {stdio: ['ignore', 'ignore', 'pipe']});
			let stderr = '';
			child.stderr.setEncoding('utf8').on('data', d => (stderr += d));
			child.on('close', () => resolve({code: Number(stderr.split('\n')[0]), stderr}));
		});
		expect(result.code).not.toBe(0);
		expect(result.stderr).toMatch(/EPIPE/);
	});
});
