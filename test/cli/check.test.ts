import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {cleanEnv, runCli, tempConfigDir} from '../helpers/cli.js';

type Row = {name: string; provider: string; status: string; kind?: string; windows: Array<{limit?: number; remaining?: number; resetAt?: string}>};

describe('keywatch check', () => {
	let fake: FakeProvider;
	beforeAll(async () => {
		fake = await startFakeProvider();
	});
	afterAll(async () => {
		await fake.close();
	});

	async function configWith(keys: Array<{name: string; provider: string; key: string}>): Promise<string> {
		const dir = tempConfigDir();
		for (const k of keys) {
			const result = await runCli(['add', k.provider, '--name', k.name, '--stdin', '--base-url', fake.baseUrl(k.provider as never)], {
				env: cleanEnv({KEYWATCH_CONFIG_DIR: dir}),
				input: k.key,
			});
			expect(result.code, result.stderr).toBe(0);
		}
		return dir;
	}

	it('prints one JSON object per key with status, verdict kind and decoded windows; exit 0 when all are OK or LOW', async () => {
		const dir = await configWith([
			{name: 'oa', provider: 'openai', key: 'sk-test-healthy-aaaaaaaaaaaa0001'},
			{name: 'an', provider: 'anthropic', key: 'sk-test-healthy-aaaaaaaaaaaa0002'},
		]);
		const result = await runCli(['check', '--json'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
		expect(result.code, result.stderr).toBe(0);
		const rows = JSON.parse(result.stdout) as Row[];
		expect(rows.map(r => [r.name, r.status, r.kind])).toEqual([
			['oa', 'OK', 'ok'],
			['an', 'OK', 'ok'],
		]);
		for (const row of rows) {
			expect(row.windows.length).toBeGreaterThan(0);
			for (const w of row.windows) {
				if (w.limit !== undefined && w.remaining !== undefined) expect(w.remaining).toBeLessThanOrEqual(w.limit);
			}
		}
	});

	it('exits 1 when a key is denied or limited, and names the cause', async () => {
		const dir = await configWith([
			{name: 'ok', provider: 'openai', key: 'sk-test-healthy-bbbbbbbbbbbb0001'},
			{name: 'broke', provider: 'openai', key: 'sk-test-quota-bbbbbbbbbbbb0002'},
			{name: 'bad', provider: 'anthropic', key: 'sk-test-invalid-bbbbbbbbbbbb0003'},
		]);
		const result = await runCli(['check', '--json'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
		expect(result.code).toBe(1);
		const rows = JSON.parse(result.stdout) as Row[];
		expect(rows.find(r => r.name === 'broke')).toMatchObject({status: 'DENIED', kind: 'quota_exhausted'});
		expect(rows.find(r => r.name === 'bad')).toMatchObject({status: 'DENIED', kind: 'invalid_key'});
		// The whole verdict travels: why, the fix steps and whether it clears, as in the detail pane.
		const broke = rows.find(r => r.name === 'broke') as unknown as {verdict: {why: string; fix: string[]; clears: string; evidence: {status: number}}};
		expect(broke.verdict.clears).toBe('needs_action');
		expect(broke.verdict.fix.length).toBeGreaterThan(0);
		expect(broke.verdict.why).toMatch(/insufficient_quota/);
		expect(broke.verdict.evidence.status).toBe(429);
		const table = await runCli(['check'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
		expect(table.stdout).toMatch(/^NAME\s+PROVIDER\s+STATUS/);
		expect(table.stdout).toMatch(/broke\s+openai\s+DENIED/);
	});

	it('never prints a key, even when the provider echoes it back in full', async () => {
		const key = 'sk-test-echo_key-SECRETPART0123456789';
		const dir = await configWith([{name: 'echo', provider: 'openai', key}]);
		for (const args of [['check', '--json'], ['check']]) {
			const result = await runCli(args, {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
			expect(result.stdout.length).toBeGreaterThan(0);
			expect(result.stdout + result.stderr).not.toContain('SECRETPART');
		}
	});

	it('shows a missing environment variable as DENIED with the reason, without crashing', async () => {
		const dir = tempConfigDir();
		await runCli(['add', 'openai', '--name', 'gone', '--env', 'KEYWATCH_TEST_UNSET_VAR'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
		const result = await runCli(['check', '--json'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
		expect(result.code).toBe(1);
		const [row] = JSON.parse(result.stdout) as Array<Row & {title?: string}>;
		expect(row?.status).toBe('DENIED');
		expect(row?.title).toMatch(/KEYWATCH_TEST_UNSET_VAR/);
	});

	it('with no keys, says how to add one and exits 2', async () => {
		const result = await runCli(['check'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: tempConfigDir()})});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/no keys configured: add one with `keywatch add/);
	});

	it('runs the demo headless: every state appears and no full key is printed', async () => {
		const result = await runCli(['check', '--demo', '--json'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: tempConfigDir()})});
		expect(result.code).toBe(1);
		const rows = JSON.parse(result.stdout) as Row[];
		expect(rows.length).toBeGreaterThanOrEqual(8);
		const statuses = new Set(rows.map(r => r.status));
		for (const status of ['OK', 'LOW', 'LIMITED', 'DENIED', 'DOWN']) expect(statuses).toContain(status);
		expect(result.stdout).not.toMatch(/sk-test-[a-z_]+-demo\d{4}/);
	});

	it('behaves like check when stdout is not a terminal', async () => {
		const result = await runCli(['--demo', '--json'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: tempConfigDir()})});
		expect(result.code).toBe(1);
		expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
	});
});
