import { text } from 'node:stream/consumers';
import { keysFromEnvironment } from '../app/keys.js';
import { UsageError } from '../app/options.js';
import { keyConfigSchema } from '../config/schema.js';
import { addKey, openConfig, removeKey } from '../config/store.js';
import { describeSecretRef } from '../secrets/resolve.js';
import { mask } from '../secrets/secret.js';
import { PROVIDER_IDS } from '../types.js';
function providerId(input) {
    const id = input.toLowerCase().replace(/-/g, '_');
    if (PROVIDER_IDS.includes(id))
        return id;
    throw new UsageError(`unknown provider "${input}"; use one of: ${PROVIDER_IDS.join(', ').replace(/_/g, '-')}`);
}
async function secretFrom(options) {
    const sources = ['env', 'command', 'stdin'].filter(s => options[s] !== undefined && options[s] !== false);
    if (sources.length !== 1) {
        throw new UsageError('say where the key comes from with exactly one of --env VAR, --command "CMD" or --stdin');
    }
    if (typeof options.env === 'string')
        return { type: 'env', name: options.env };
    if (typeof options.command === 'string')
        return { type: 'command', command: options.command };
    if (process.stdin.isTTY)
        process.stderr.write('Paste the key, then press Enter and Ctrl+D (it is not echoed back): ');
    const value = (await text(process.stdin)).trim();
    if (!value)
        throw new UsageError('--stdin read nothing; pipe the key in, e.g. `pass show openai | keywatch add openai --name prod --stdin`');
    return { type: 'value', value };
}
export async function runAdd(providerInput, options) {
    const provider = providerId(providerInput);
    const secret = await secretFrom(options);
    const admin = typeof options.adminEnv === 'string' ? { type: 'env', name: options.adminEnv } : typeof options.adminCommand === 'string' ? { type: 'command', command: options.adminCommand } : undefined;
    const settings = Object.fromEntries(Object.entries({
        model: options.model,
        deployment: options.deployment,
        apiVersion: options.apiVersion,
        tier: options.tier,
        budget: options.budget,
        lowThreshold: options.low,
    }).filter(([, v]) => v !== undefined));
    if (provider === 'openai_compatible' && typeof options.baseUrl !== 'string') {
        throw new UsageError('openai-compatible needs --base-url, e.g. --base-url https://gateway.example.com/v1');
    }
    if (provider === 'azure_openai' && (typeof options.baseUrl !== 'string' || !settings.deployment)) {
        throw new UsageError('azure-openai needs --base-url https://RESOURCE.openai.azure.com and --deployment NAME (and optionally --api-version)');
    }
    const candidate = {
        name: options.name,
        provider,
        secret,
        ...(admin ? { admin } : {}),
        ...(typeof options.baseUrl === 'string' ? { baseUrl: options.baseUrl } : {}),
        ...(options.spend === false ? { noSpend: true } : {}),
        ...(options.backup ? { backup: true } : {}),
        ...(Object.keys(settings).length > 0 ? { settings } : {}),
    };
    const parsed = keyConfigSchema.safeParse(candidate);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UsageError(`invalid ${issue?.path.join('.') || 'key'}: ${issue?.message ?? 'unknown problem'}`);
    }
    const store = openConfig();
    addKey(store, parsed.data);
    process.stdout.write(`added ${parsed.data.name} (${provider}, key from ${describeSecretRef(secret)}) to ${store.file}\n`);
    return 0;
}
function describeKey(key) {
    return key.secret.type === 'value' ? `stored value ${mask(key.secret.value)}` : describeSecretRef(key.secret);
}
export async function runList(options) {
    const store = openConfig();
    const configured = store.read().keys;
    const fromEnv = keysFromEnvironment();
    const rows = [
        ...configured.map(k => ({ name: k.name, provider: k.provider, source: describeKey(k), origin: 'config', baseUrl: k.baseUrl })),
        ...fromEnv.map(k => ({ name: k.name, provider: k.provider, source: describeKey(k), origin: 'environment', baseUrl: k.baseUrl })),
    ];
    if (options.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return 0;
    }
    if (rows.length === 0) {
        process.stdout.write(`no keys configured (${store.file}); add one with: keywatch add openai --name prod --env OPENAI_API_KEY\n`);
        return 0;
    }
    const width = Math.max(...rows.map(r => r.name.length));
    for (const row of rows) {
        process.stdout.write(`${row.name.padEnd(width)}  ${row.provider.padEnd(17)}  ${row.source}${row.origin === 'environment' ? ' (found in environment)' : ''}${row.baseUrl ? `  ${row.baseUrl}` : ''}\n`);
    }
    return 0;
}
export async function runRemove(name) {
    const store = openConfig();
    if (!removeKey(store, name))
        throw new UsageError(`no configured key named "${name}"; see keywatch list`);
    process.stdout.write(`removed ${name}\n`);
    return 0;
}
