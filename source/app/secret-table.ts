import {resolveSecret} from '../secrets/resolve.js';
import type {Secret} from '../secrets/secret.js';
import type {KeyConfig} from '../types.js';

/**
 * The proxy needs each key's secret by name. It resolves them once at start, like the monitor does, and keeps
 * them as `Secret`s so nothing but the header builder ever sees the value.
 */
export async function resolveSecretsByName(keys: readonly KeyConfig[]): Promise<(name: string) => string | undefined> {
	const table = new Map<string, Secret>();
	await Promise.all(
		keys.map(async key => {
			const resolved = await resolveSecret(key.secret);
			if ('secret' in resolved) table.set(key.name, resolved.secret);
		}),
	);
	return name => table.get(name)?.reveal();
}
