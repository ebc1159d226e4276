import { ADAPTERS } from '../providers/registry.js';
import { openConfig, permissionWarnings } from '../config/store.js';
import { startDemo } from './demo.js';
/** Keys whose variables are set in the environment, marked as coming from there. */
export function keysFromEnvironment(env = process.env) {
    const found = [];
    for (const adapter of ADAPTERS) {
        const variable = adapter.envVars.find(name => env[name]?.trim());
        if (!variable)
            continue;
        const key = { name: `env-${adapter.id.replace('_', '-')}`, provider: adapter.id, secret: { type: 'env', name: variable }, origin: 'env' };
        if (adapter.id === 'azure_openai') {
            // Azure needs its resource endpoint; without it there is nothing to probe.
            if (!env.AZURE_OPENAI_ENDPOINT?.trim())
                continue;
            key.baseUrl = env.AZURE_OPENAI_ENDPOINT.trim();
        }
        found.push(key);
    }
    return found;
}
/**
 * Configured keys plus environment keys; with neither (or with --demo) the built-in demo.
 * Environment keys that duplicate a configured env reference are not listed twice.
 */
export async function loadKeys(options) {
    const store = openConfig();
    const config = store.read();
    const warnings = permissionWarnings(store.dir);
    if (options.demo) {
        const demo = await startDemo();
        return { keys: demo.keys, demo, warnings, store };
    }
    const configured = config.keys.map(k => ({ ...k, origin: 'config' }));
    const referenced = new Set(configured.flatMap(k => (k.secret.type === 'env' ? [k.secret.name] : [])));
    const fromEnv = keysFromEnvironment().filter(k => k.secret.type === 'env' && !referenced.has(k.secret.name));
    const keys = [...configured, ...fromEnv];
    if (keys.length === 0 && options.allowDemo) {
        const demo = await startDemo();
        return { keys: demo.keys, demo, warnings, store };
    }
    return { keys, warnings, store };
}
