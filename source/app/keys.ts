import {ADAPTERS} from '../providers/registry.js';
import {openConfig, permissionWarnings, type ConfigStore} from '../config/store.js';
import type {KeyConfig} from '../types.js';
import {startDemo, type Demo} from './demo.js';

/** Keys whose variables are set in the environment, marked as coming from there. */
function keysFromEnvironment(env: NodeJS.ProcessEnv = process.env): KeyConfig[] {
	const found: KeyConfig[] = [];
	for (const adapter of ADAPTERS) {
		const variable = adapter.envVars.find(name => env[name]?.trim());
		if (!variable) continue;
		const key: KeyConfig = {name: `env-${adapter.id.replace('_', '-')}`, provider: adapter.id, secret: {type: 'env', name: variable}, origin: 'env'};
		if (adapter.id === 'azure_openai') {
			// Azure needs its resource endpoint; without it there is nothing to probe.
			if (!env.AZURE_OPENAI_ENDPOINT?.trim()) continue;
			key.baseUrl = env.AZURE_OPENAI_ENDPOINT.trim();
		}
		found.push(key);
	}
	return found;
}

/**
 * The environment keys not already configured: a configured key that reads OPENAI_API_KEY is the same key
 * as `env-openai`, so the monitor and `keywatch list` show it once.
 */
export function environmentKeysBeside(configured: readonly KeyConfig[], env: NodeJS.ProcessEnv = process.env): KeyConfig[] {
	const referenced = new Set(configured.flatMap(k => (k.secret.type === 'env' ? [k.secret.name] : [])));
	return keysFromEnvironment(env).filter(k => k.secret.type === 'env' && !referenced.has(k.secret.name));
}

export type LoadedKeys = {keys: KeyConfig[]; demo?: Demo; warnings: string[]; store: ConfigStore};

/**
 * Configured keys plus environment keys; with neither (or with --demo) the built-in demo.
 */
export async function loadKeys(options: {demo?: boolean; allowDemo: boolean}): Promise<LoadedKeys> {
	const store = openConfig();
	const config = store.read();
	const warnings = permissionWarnings(store.dir);
	if (store.problem) warnings.push(`the config folder ${store.dir} cannot be created (${store.problem}); running without saving anything (trend history, the status line)`);
	if (options.demo) {
		const demo = await startDemo();
		return {keys: demo.keys, demo, warnings, store};
	}
	const configured = config.keys.map(k => ({...k, origin: 'config' as const})) as KeyConfig[];
	const fromEnv = environmentKeysBeside(configured);
	const keys = [...configured, ...fromEnv];
	if (keys.length === 0 && options.allowDemo) {
		const demo = await startDemo();
		return {keys: demo.keys, demo, warnings, store};
	}
	return {keys, warnings, store};
}
