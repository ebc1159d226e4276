import {chmodSync, mkdirSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type {KeyConfig} from '../types.js';
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
	read(): ConfigFile;
	write(config: ConfigFile): void;
};

export function openConfig(dir = configDir()): ConfigStore {
	mkdirSync(dir, {recursive: true, mode: 0o700});
	const file = path.join(dir, 'config.json');
	// conf never resets a broken file with clearInvalidConfig false; we report it and leave it as it is.
	const unreadable = (error: unknown) => {
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		return new ConfigError(`config file ${file} does not parse (${reason}); fix or move it, keywatch will not overwrite it`);
	};
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
			conf.store = configSchema.parse(config) as Record<string, unknown>;
			try {
				chmodSync(file, 0o600);
			} catch {}
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
