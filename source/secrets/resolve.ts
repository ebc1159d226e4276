// Turning a SecretRef into a Secret: an environment variable, a command's stdout (op read, pass show), or a
// value from the config file. Failures come back as a reason and a fix, never as a throw, and never with the key.

import {spawn} from 'node:child_process';
import type {SecretRef} from '../types.js';
import {readFromKeyring} from './keyring.js';
import {sanitize, scrub} from './scrub.js';
import {Secret} from './secret.js';

export type ResolvedSecret = {secret: Secret} | {error: string; fix: string};

export const SECRET_COMMAND_TIMEOUT_MS = 10_000;
const MAX_STDOUT = 64 * 1024;
const MAX_STDERR = 16 * 1024;
const MAX_COMMAND_SHOWN = 60;

/** Where a key comes from, for the detail pane and `keywatch list`: "env OPENAI_API_KEY", "command: op read …". */
export function describeSecretRef(ref: SecretRef): string {
	switch (ref.type) {
		case 'env':
			return `env ${ref.name}`;
		case 'command':
			return `command: ${shortCommand(ref.command)}`;
		case 'value':
			return 'stored in the config file';
		case 'keyring':
			return `OS keyring (${shortCommand(ref.account)})`;
	}
}

function shortCommand(command: string): string {
	const clean = sanitize(command).trim();
	return clean.length > MAX_COMMAND_SHOWN ? `${clean.slice(0, MAX_COMMAND_SHOWN - 1)}…` : clean;
}

const passedVariables = new Set(['PATH', 'HOME', 'USER', 'LANG', 'TERM']);
const passedPrefixes = ['OP_', 'PASSWORD_STORE_', 'GNUPG'];

/**
 * What a secret command sees of our environment: enough for op, pass and gpg to find their state,
 * and no other provider's key.
 */
export function secretCommandEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const out: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(env)) {
		if (value === undefined || /API_KEY/i.test(name)) continue;
		if (passedVariables.has(name) || passedPrefixes.some(p => name.startsWith(p))) out[name] = value;
	}
	return out;
}

type Normalized = {value: string} | {problem: string};

/** Undo common paste mistakes (surrounding quotes, a `Bearer ` prefix); reject what cannot be one key. */
function normalize(raw: string): Normalized {
	let value = raw.trim();
	const quoted = /^(["'`])(.*)\1$/s.exec(value);
	if (quoted) value = (quoted[2] ?? '').trim();
	value = value.replace(/^bearer\s+/i, '');
	if (value === '') return {problem: 'empty'};
	if (/\s/.test(value)) return {problem: 'contains spaces or line breaks inside the key'};
	// Every provider's keys are printable ASCII. Anything else (control bytes, a wrongly decoded blob) cannot go in a
	// header: sent, it fails as a confusing network error instead of the bad key it is.
	if (/[^\x21-\x7E]/.test(value)) return {problem: 'contains characters no API key has (control or non-ASCII)'};
	return {value};
}

/** Resolve a reference to a Secret. Never throws; an error never carries the key. */
export async function resolveSecret(ref: SecretRef, options: {env?: NodeJS.ProcessEnv; timeoutMs?: number} = {}): Promise<ResolvedSecret> {
	try {
		switch (ref.type) {
			case 'env':
				return fromEnv(ref.name, options.env ?? process.env);
			case 'value':
				return fromValue(ref.value);
			case 'command':
				return await fromCommand(ref.command, options.env ?? process.env, options.timeoutMs ?? SECRET_COMMAND_TIMEOUT_MS);
			case 'keyring':
				return await fromKeyring(ref.account);
		}
		return {error: 'Unknown kind of secret reference', fix: 'Remove the key and add it again with keywatch add'};
	} catch (error) {
		return {error: `Could not read the secret: ${sanitize(error instanceof Error ? error.message : String(error))}`, fix: 'Check how the key is configured (keywatch list)'};
	}
}

function fromEnv(name: string, env: NodeJS.ProcessEnv): ResolvedSecret {
	const normalized = normalize(env[name] ?? '');
	if ('value' in normalized) return {secret: new Secret(normalized.value)};
	if (normalized.problem === 'empty') {
		return {
			error: `${name} is not set`,
			fix: `Set ${name} in the environment keywatch starts from (export ${name}=…), or re-add the key with --command or --stdin`,
		};
	}
	return {error: `${name} ${normalized.problem}`, fix: `Check the value of ${name}: it must hold exactly one key on one line`};
}

function fromValue(value: string): ResolvedSecret {
	const normalized = normalize(value);
	if ('value' in normalized) return {secret: new Secret(normalized.value)};
	return {
		error: normalized.problem === 'empty' ? 'The key stored in the config file is empty' : `The key stored in the config file ${normalized.problem}`,
		fix: 'Store it again: keywatch remove NAME, then keywatch add PROVIDER --name NAME --stdin',
	};
}

async function fromKeyring(account: string): Promise<ResolvedSecret> {
	const read = await readFromKeyring(account);
	if (!read.ok) {
		return {error: `OS keyring unavailable: ${read.reason}`, fix: 'Unlock or start the OS keyring (Secret Service on Linux), or re-add the key with --env, --command or --stdin'};
	}
	if (read.value === null) {
		// A keyring that is locked or absent (headless Linux) reads as empty too: say both.
		return {
			error: `No key for "${account}" in the OS keyring (it is not there, or the keyring is locked or unavailable)`,
			fix: `Unlock the OS keyring, or store the key again: keywatch remove ${account}, then keywatch add PROVIDER --name ${account} --keyring (or --env, --command, --stdin)`,
		};
	}
	// A backend may hand back something that is not text at all; that is as corrupt as garbage text.
	const normalized = typeof read.value === 'string' ? normalize(read.value) : {problem: 'not text'};
	if ('value' in normalized) return {secret: new Secret(normalized.value)};
	return {error: `The key in the OS keyring for "${account}" is ${normalized.problem === 'empty' ? 'empty' : 'corrupt'}`, fix: `Store it again with keywatch add PROVIDER --name ${account} --keyring`};
}

async function fromCommand(command: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ResolvedSecret> {
	const shown = shortCommand(command);
	const result = await runCommand(command, secretCommandEnv(env), timeoutMs);
	// Whatever the command printed may be the key: keep it out of anything we show.
	const printed = result.stdout.trim();
	const detail = (text: string) => {
		const clean = sanitize(text, printed.length >= 8 ? [printed, ...printed.split(/\s+/)] : []).trim();
		return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
	};
	const withStderr = (text: string) => (result.stderr.trim() ? `${text}: ${detail(result.stderr)}` : text);

	if (result.spawnError) {
		return {error: `Could not run the secret command (${scrub(result.spawnError)})`, fix: `Check that /bin/sh exists and can run \`${shown}\``};
	}
	if (result.timedOut) {
		return {
			error: `The secret command did not finish within ${Math.round(timeoutMs / 1000)} s`,
			fix: `It may be waiting for a sign-in or a passphrase: run \`${shown}\` in a shell first (e.g. op signin), then restart keywatch`,
		};
	}
	if (result.code !== 0) {
		const how = result.code === null ? `was killed by ${result.signal ?? 'a signal'}` : `exited with code ${result.code}`;
		const fix =
			result.code === 127
				? `The command was not found on PATH: install it or use its full path in the key's --command`
				: `Run \`${shown}\` in a shell to see why (signed in to your password manager? GPG key unlocked?)`;
		return {error: withStderr(`The secret command ${how}`), fix};
	}
	// `pass show` prints the password on the first line and notes after it.
	const firstLine = printed.split(/\r?\n/).find(line => line.trim() !== '') ?? '';
	const normalized = normalize(firstLine);
	if ('value' in normalized) return {secret: new Secret(normalized.value)};
	return {
		error: normalized.problem === 'empty' ? 'The secret command printed nothing' : `The secret command's output ${normalized.problem}`,
		fix: `\`${shown}\` must print the key, and only the key, on stdout`,
	};
}

type CommandResult = {code: number | null; signal: string | null; stdout: string; stderr: string; timedOut: boolean; spawnError?: string};

function runCommand(command: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CommandResult> {
	return new Promise(resolve => {
		let stdout = '';
		let stderr = '';
		let settled = false;
		const child = spawn('/bin/sh', ['-c', command], {env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true});
		const finish = (result: Omit<CommandResult, 'stdout' | 'stderr'>) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve({...result, stdout, stderr});
		};
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			// A grandchild may still hold the pipes open; do not wait for it.
			child.stdout.destroy();
			child.stderr.destroy();
			finish({code: null, signal: 'SIGKILL', timedOut: true});
		}, timeoutMs);
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			if (stdout.length < MAX_STDOUT) stdout += chunk.slice(0, MAX_STDOUT - stdout.length);
		});
		child.stderr.on('data', (chunk: string) => {
			if (stderr.length < MAX_STDERR) stderr += chunk.slice(0, MAX_STDERR - stderr.length);
		});
		child.on('error', error => finish({code: null, signal: null, timedOut: false, spawnError: (error as NodeJS.ErrnoException).code ?? error.message}));
		child.on('close', (code, signal) => finish({code, signal, timedOut: false}));
	});
}
