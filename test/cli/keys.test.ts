import {chmodSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {cleanEnv, runCli, tempConfigDir} from '../helpers/cli.js';

const env = (dir: string, extra: Record<string, string> = {}) => cleanEnv({KEYWATCH_CONFIG_DIR: dir, ...extra});

describe('keywatch add / list / remove', () => {
	it('stores an env reference, never the value, in a 0600 file inside a 0700 folder', async () => {
		const dir = tempConfigDir();
		const added = await runCli(['add', 'openai', '--name', 'prod', '--env', 'MY_OPENAI_KEY'], {env: env(dir)});
		expect(added.code).toBe(0);
		expect(added.stdout).toContain('env MY_OPENAI_KEY');
		const file = path.join(dir, 'config.json');
		const config = JSON.parse(readFileSync(file, 'utf8'));
		expect(config.keys).toEqual([{name: 'prod', provider: 'openai', secret: {type: 'env', name: 'MY_OPENAI_KEY'}}]);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(statSync(dir).mode & 0o777).toBe(0o700);
	});

	it('add, list and remove warn about a config folder and file readable by others, and still work', async () => {
		const dir = tempConfigDir();
		chmodSync(dir, 0o755);
		const added = await runCli(['add', 'openai', '--name', 'prod', '--env', 'MY_OPENAI_KEY'], {env: env(dir)});
		expect(added.code).toBe(0);
		expect(added.stderr).toContain(`keywatch: warning: ${dir} is readable by others (mode 755); run: chmod 700 '${dir}'`);
		const file = path.join(dir, 'config.json');
		chmodSync(file, 0o644);
		const listed = await runCli(['list'], {env: env(dir)});
		expect(listed.code).toBe(0);
		expect(listed.stdout).toContain('prod');
		expect(listed.stderr).toContain(`${file} is readable by others (mode 644); run: chmod 600 '${file}'`);
		const removed = await runCli(['remove', 'prod'], {env: env(dir)});
		expect(removed.code).toBe(0);
		expect(removed.stderr).toContain(`${dir} is readable by others`);
		chmodSync(dir, 0o700);
		chmodSync(file, 0o600);
		const quiet = await runCli(['list'], {env: env(dir)});
		expect(quiet.stderr).not.toContain('readable by others');
	});

	it('stores a --stdin value but lists it masked', async () => {
		const dir = tempConfigDir();
		const key = 'sk-test-stdinvalue-0123456789abcdef';
		const added = await runCli(['add', 'anthropic', '--name', 'claude', '--stdin'], {env: env(dir), input: `${key}\n`});
		expect(added.code).toBe(0);
		expect(added.stdout + added.stderr).not.toContain(key);
		const listed = await runCli(['list'], {env: env(dir)});
		expect(listed.stdout).toContain('claude');
		expect(listed.stdout).toContain('sk-…cdef');
		expect(listed.stdout).not.toContain('stdinvalue');
	});

	it('lists keys found in the standard environment variables', async () => {
		const dir = tempConfigDir();
		const listed = await runCli(['list', '--json'], {env: env(dir, {OPENAI_API_KEY: 'sk-test-fromenv-00000000000000001111'})});
		const rows = JSON.parse(listed.stdout);
		expect(rows).toContainEqual(expect.objectContaining({provider: 'openai', origin: 'environment', source: 'env OPENAI_API_KEY'}));
		expect(listed.stdout).not.toContain('fromenv');
	});

	it('refuses a key passed on the command line without echoing it', async () => {
		const dir = tempConfigDir();
		const key = 'sk-test-argvleak-00000000000000002222';
		const result = await runCli(['add', 'openai', '--name', 'x', `--key=${key}`], {env: env(dir)});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/looks like an API key/);
		expect(result.stdout + result.stderr).not.toContain('argvleak');
	});

	it('rejects an unknown provider, a missing secret source and a duplicate name with exit code 2', async () => {
		const dir = tempConfigDir();
		expect((await runCli(['add', 'nope', '--name', 'x', '--env', 'X'], {env: env(dir)})).stderr).toMatch(/unknown provider "nope"/);
		const noSource = await runCli(['add', 'openai', '--name', 'x'], {env: env(dir)});
		expect(noSource.code).toBe(2);
		expect(noSource.stderr).toMatch(/exactly one of --env/);
		await runCli(['add', 'openai', '--name', 'x', '--env', 'X'], {env: env(dir)});
		const duplicate = await runCli(['add', 'openai', '--name', 'x', '--env', 'Y'], {env: env(dir)});
		expect(duplicate.code).toBe(2);
		expect(duplicate.stderr).toMatch(/already exists/);
	});

	it('removes a key by name and says so when there is none', async () => {
		const dir = tempConfigDir();
		await runCli(['add', 'groq', '--name', 'fast', '--env', 'GROQ_KEY'], {env: env(dir)});
		expect((await runCli(['remove', 'fast'], {env: env(dir)})).code).toBe(0);
		expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')).keys).toEqual([]);
		const again = await runCli(['remove', 'fast'], {env: env(dir)});
		expect(again.code).toBe(2);
		expect(again.stderr).toMatch(/no configured key named "fast"/);
	});

	it('reports a config file that does not parse and never overwrites it', async () => {
		const dir = tempConfigDir();
		const file = path.join(dir, 'config.json');
		const broken = '{"keys": [ {"name": "prod", ';
		writeFileSync(file, broken, {mode: 0o600});
		for (const args of [['list'], ['add', 'openai', '--name', 'x', '--env', 'X'], ['check']]) {
			const result = await runCli(args, {env: env(dir)});
			expect(result.code).toBe(2);
			expect(result.stderr.trim().split('\n')).toHaveLength(1);
			expect(result.stderr).toContain(file);
			expect(result.stderr).toMatch(/does not parse/);
		}
		expect(readFileSync(file, 'utf8')).toBe(broken);
	});

	it('reports a config entry of the wrong shape with its path', async () => {
		const dir = tempConfigDir();
		writeFileSync(path.join(dir, 'config.json'), JSON.stringify({keys: [{name: 'p', provider: 'openai', secret: {type: 'env'}}]}), {mode: 0o600});
		const result = await runCli(['list'], {env: env(dir)});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/invalid at keys\.0\.secret/);
	});
});

describe('usage errors', () => {
	it('names a mistyped command, rejects a bad port and a key hidden inside a --command, all with exit 2', async () => {
		const dir = tempConfigDir();
		const unknown = await runCli(['chek'], {env: env(dir)});
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/unknown command 'chek'/);
		const badPort = await runCli(['serve', '--port', 'abc'], {env: env(dir)});
		expect(badPort.code).toBe(2);
		expect(badPort.stderr).toMatch(/--port must be a whole number/);
		const hidden = await runCli(['add', 'anthropic', '--name', 'x', '--command', 'echo sk-ant-test-hiddenkey0000abcd1234'], {env: env(dir)});
		expect(hidden.code).toBe(2);
		expect(hidden.stdout + hidden.stderr).not.toContain('hiddenkey');
	});

	it('--remote without a terminal reads the serve and never probes local keys', async () => {
		const dir = tempConfigDir();
		await runCli(['add', 'openai', '--name', 'local', '--env', 'NOT_SET_ANYWHERE'], {env: env(dir)});
		const result = await runCli(['--remote', 'http://127.0.0.1:1'], {env: env(dir)});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/cannot read http:\/\/127\.0\.0\.1:1\/snapshot/);
		expect(result.stdout).not.toContain('local');
	});
});
