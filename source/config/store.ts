import {mkdirSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type {KeyConfig} from '../types.js';
import {writeAtomically} from '../util/write-atomically.js';
import {configSchema, type ConfigFile} from './schema.js';

/** A configuration problem the user must fix; the message is one line naming the problem and the fix. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env.KEYWATCH_CONFIG_DIR) return path.resolve(env.KEYWATCH_CONFIG_DIR);
	const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
	return path.join(base, 'keywatch');
}

/** Loose permissions on a folder that may hold keys are worth a warning, not a refusal. */
export function permissionWarnings(dir: string): string[] {
	const warnings: string[] = [];
	const check = (target: string, wanted: number) => {
		try {
			const mode = statSync(target).mode & 0o777;
			if (mode & 0o077) {
				warnings.push(`${target} is readable by others (mode ${mode.toString(8)}); run: chmod ${wanted.toString(8)} '${target}'`);
			}
		} catch {}
	};
	check(dir, 0o700);
	check(path.join(dir, 'config.json'), 0o600);
	return warnings;
}

export type ConfigStore = {
	dir: string;
	file: string;
	/**
	 * Why the folder cannot be created (a path through a file, a read-only disk), when it cannot: keywatch then runs
	 * on what it has in memory, and only a command that must save fails.
	 */
	problem?: string;
	read(): ConfigFile;
	write(config: ConfigFile): void;
};

function reasonOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0] ?? message;
}

export function openConfig(dir = configDir()): ConfigStore {
	const file = path.join(dir, 'config.json');
	try {
		mkdirSync(dir, {recursive: true, mode: 0o700});
	} catch (error) {
		// A folder that cannot exist holds no config: reading gives the defaults, saving says why it cannot.
		const problem = reasonOf(error);
		return {
			dir,
			file,
			problem,
			read: () => configSchema.parse({}),
			write() {
				throw new ConfigError(`cannot save the config: the folder ${dir} cannot be created (${problem}); nothing was saved. Set KEYWATCH_CONFIG_DIR to a writable folder`);
			},
		};
	}
	// conf never resets a broken file with clearInvalidConfig false; we report it and leave it as it is.
	const unreadable = (error: unknown) => new ConfigError(`config file ${file} does not parse (${reasonOf(error)}); fix or move it, keywatch will not overwrite it`);
	let conf: Conf<Record<string, unknown>>;
	try {
		conf = new Conf<Record<string, unknown>>({
			cwd: dir,
			configName: 'config',
			projectName: 'keywatch',
			configFileMode: 0o600,
			clearInvalidConfig: false,
			watch: false,
		});
	} catch (error) {
		throw unreadable(error);
	}
	return {
		dir,
		file,
		read() {
			let raw: unknown;
			try {
				raw = conf.store;
			} catch (error) {
				throw unreadable(error);
			}
			const parsed = configSchema.safeParse(raw);
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				const where = issue?.path.join('.') || '(root)';
				throw new ConfigError(`config file ${file} is invalid at ${where}: ${issue?.message ?? 'unknown problem'}; fix or delete that entry in the file (keywatch will not rewrite a file it cannot read)`);
			}
			return parsed.data;
		},
		write(config) {
			const data = configSchema.parse(config) as Record<string, unknown>;
			try {
				// Not conf's own write: it ignores a write that stops short, so a full disk renamed a truncated file
				// over the config and reported success. The same text conf would write (it reads it back as usual),
				// in a new 0600 file renamed over the old one, so a looser mode on the old file goes with it.
				writeAtomically(file, JSON.stringify(data, undefined, '\t'));
			} catch (error) {
				throw new ConfigError(`could not save ${file} (${reasonOf(error)}); the file was left as it was. Free some disk space or make the folder writable, then try again`);
			}
		},
	};
}

export function addKey(store: ConfigStore, key: KeyConfig): void {
	const config = store.read();
	if (config.keys.some(k => k.name === key.name)) {
		throw new ConfigError(`a key named "${key.name}" already exists; pick another --name or run keywatch remove ${key.name}`);
	}
	config.keys.push(key);
	store.write(config);
}

export function removeKey(store: ConfigStore, name: string): boolean {
	const config = store.read();
	const before = config.keys.length;
	config.keys = config.keys.filter(k => k.name !== name);
	if (config.keys.length === before) return false;
	store.write(config);
	return true;
}
