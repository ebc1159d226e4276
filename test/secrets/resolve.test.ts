import {describe, expect, it} from 'vitest';
import {describeSecretRef, resolveSecret, secretCommandEnv} from '../../source/secrets/resolve.js';
import type {SecretRef} from '../../source/types.js';

const PATH = process.env.PATH ?? '/usr/bin:/bin';

async function revealed(ref: SecretRef, env: NodeJS.ProcessEnv = {PATH}): Promise<string> {
	const result = await resolveSecret(ref, {env});
	if (!('secret' in result)) throw new Error(`expected a secret, got: ${result.error}`);
	return result.secret.reveal();
}

async function failure(ref: SecretRef, env: NodeJS.ProcessEnv = {PATH}, timeoutMs?: number): Promise<{error: string; fix: string}> {
	const result = await resolveSecret(ref, {env, timeoutMs});
	if ('secret' in result) throw new Error('expected an error');
	return result;
}

describe('env references', () => {
	it('reads and trims the variable, and masks it everywhere', async () => {
		const result = await resolveSecret({type: 'env', name: 'OPENAI_API_KEY'}, {env: {OPENAI_API_KEY: '  sk-test-env-0123456789wxyz\n'}});
		expect('secret' in result && result.secret.reveal()).toBe('sk-test-env-0123456789wxyz');
		expect(JSON.stringify(result)).toBe('{"secret":"sk-…wxyz"}');
	});

	it('undoes surrounding quotes and a Bearer prefix (common paste mistakes)', async () => {
		expect(await revealed({type: 'env', name: 'K'}, {K: '"sk-test-quoted-0123456789"'})).toBe('sk-test-quoted-0123456789');
		expect(await revealed({type: 'env', name: 'K'}, {K: "'sk-test-quoted-0123456789'"})).toBe('sk-test-quoted-0123456789');
		expect(await revealed({type: 'env', name: 'K'}, {K: 'Bearer sk-test-bearer-0123456789'})).toBe('sk-test-bearer-0123456789');
	});

	it.each([undefined, '', '   ', '\n', '""'])('reports %j as not set, with a fix', async value => {
		const result = await failure({type: 'env', name: 'OPENAI_API_KEY'}, value === undefined ? {} : {OPENAI_API_KEY: value});
		expect(result.error).toBe('OPENAI_API_KEY is not set');
		expect(result.fix).toContain('export OPENAI_API_KEY=');
	});

	it('rejects a value with spaces inside without echoing it', async () => {
		const result = await failure({type: 'env', name: 'K'}, {K: 'sk-test-one-0123456789 sk-test-two-0123456789'});
		expect(result.error).toContain('K contains spaces');
		expect(JSON.stringify(result)).not.toContain('0123456789');
	});

	it('reads process.env by default', async () => {
		process.env.KEYWATCH_TEST_RESOLVE_KEY = 'sk-test-default-env-0123456789';
		try {
			const result = await resolveSecret({type: 'env', name: 'KEYWATCH_TEST_RESOLVE_KEY'});
			expect('secret' in result && result.secret.masked).toBe('sk-…6789');
		} finally {
			delete process.env.KEYWATCH_TEST_RESOLVE_KEY;
		}
	});
});

describe('value references', () => {
	it('uses the stored value, and reports an empty one', async () => {
		expect(await revealed({type: 'value', value: 'sk-test-stored-0123456789\n'})).toBe('sk-test-stored-0123456789');
		expect((await failure({type: 'value', value: '  '})).error).toBe('The key stored in the config file is empty');
	});
});

describe('command references', () => {
	it("uses the command's trimmed stdout", async () => {
		expect(await revealed({type: 'command', command: "printf '  sk-test-cmd-0123456789abcd\\n\\n'"})).toBe('sk-test-cmd-0123456789abcd');
	});

	it('takes the first line, the way pass stores a password above its notes', async () => {
		expect(await revealed({type: 'command', command: "printf 'sk-test-pass-0123456789\\nurl: https://example.test\\nuser: me\\n'"})).toBe('sk-test-pass-0123456789');
	});

	it('runs with a scrubbed environment: PATH, HOME, OP_*, PASSWORD_STORE_*, GNUPG*, never another key', async () => {
		const env = {
			PATH,
			HOME: '/home/test',
			OP_SESSION_team: 'session',
			PASSWORD_STORE_DIR: '/store',
			GNUPGHOME: '/gpg',
			OPENAI_API_KEY: 'sk-test-must-not-leak-0123456789',
			OP_API_KEY: 'sk-test-must-not-leak-either-0123456789',
			AWS_SECRET_ACCESS_KEY: 'nope',
		};
		const command = 'printf "%s|%s|%s|%s|%s|%s|%s" "${HOME:-x}" "${OP_SESSION_team:-x}" "${PASSWORD_STORE_DIR:-x}" "${GNUPGHOME:-x}" "${OPENAI_API_KEY:-x}" "${OP_API_KEY:-x}" "${AWS_SECRET_ACCESS_KEY:-x}"';
		expect(await revealed({type: 'command', command}, env)).toBe('/home/test|session|/store|/gpg|x|x|x');
		expect(Object.keys(secretCommandEnv(env)).sort()).toEqual(['GNUPGHOME', 'HOME', 'OP_SESSION_team', 'PASSWORD_STORE_DIR', 'PATH']);
	});

	it('names the exit code and passes stderr through the scrubber', async () => {
		const result = await failure({type: 'command', command: 'echo "[ERROR] not signed in; token sk-test-stderr-0123456789abcdef" >&2; exit 3'});
		expect(result.error).toContain('exited with code 3');
		expect(result.error).toContain('not signed in');
		expect(result.error).not.toContain('0123456789abcdef');
		expect(result.fix).toContain('in a shell');
	});

	it('keeps whatever the failing command printed on stdout out of the error', async () => {
		const result = await failure({type: 'command', command: 'echo plainsecretvalue42; echo "rejected plainsecretvalue42" >&2; exit 1'});
		expect(result.error).not.toContain('plainsecretvalue42');
	});

	it('strips terminal escapes from stderr', async () => {
		const result = await failure({type: 'command', command: "printf '\\033]0;pwned\\007\\033[2Jbad\\n' >&2; exit 2"});
		expect(result.error).toContain('bad');
		expect(result.error).not.toMatch(/\u001B/);
	});

	it('says when the command is not on PATH', async () => {
		const result = await failure({type: 'command', command: 'keywatch-no-such-command-xyz read op://x'});
		expect(result.error).toContain('exited with code 127');
		expect(result.fix).toContain('PATH');
	});

	it('reports a command that prints nothing', async () => {
		expect((await failure({type: 'command', command: 'true'})).error).toBe('The secret command printed nothing');
	});

	it('kills a command that hangs (waiting for a sign-in) at the timeout', async () => {
		const result = await failure({type: 'command', command: 'sleep 30'}, {PATH}, 200);
		expect(result.error).toContain('did not finish');
		expect(result.fix).toContain('sign-in');
	});
});

describe('never throws', () => {
	it('turns an unexpected reference into an error', async () => {
		const result = await resolveSecret({type: 'keyring'} as unknown as SecretRef);
		expect('error' in result).toBe(true);
	});
});

describe('describeSecretRef', () => {
	it('says where the key comes from without the key', () => {
		expect(describeSecretRef({type: 'env', name: 'OPENAI_API_KEY'})).toBe('env OPENAI_API_KEY');
		expect(describeSecretRef({type: 'command', command: 'op read op://Private/OpenAI/credential'})).toBe('command: op read op://Private/OpenAI/credential');
		expect(describeSecretRef({type: 'value', value: 'sk-test-secret-0123456789'})).toBe('stored in the config file');
	});

	it('shortens a long command and masks key-shaped text in it', () => {
		const long = describeSecretRef({type: 'command', command: `echo ${'a'.repeat(100)}`});
		expect(long.length).toBeLessThanOrEqual('command: '.length + 60);
		expect(long.endsWith('…')).toBe(true);
		expect(describeSecretRef({type: 'command', command: 'echo sk-test-inline-0123456789abcdef'})).not.toContain('0123456789abcdef');
	});
});
