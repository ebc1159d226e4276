import {text} from 'node:stream/consumers';
import {environmentKeysBeside} from '../app/keys.js';
import {UsageError} from '../app/options.js';
import {keyConfigSchema} from '../config/schema.js';
import {addKey, openConfig, permissionWarnings, removeKey, type ConfigStore} from '../config/store.js';
import {deleteFromKeyring, storeInKeyring} from '../secrets/keyring.js';
import {describeSecretRef} from '../secrets/resolve.js';
import {mask} from '../secrets/secret.js';
import {checkBaseUrl} from './keys-base-url.js';
import {PROVIDER_IDS, type KeyConfig, type ProviderId, type SecretRef} from '../types.js';

function providerId(input: string): ProviderId {
	const id = input.toLowerCase().replace(/-/g, '_');
	if ((PROVIDER_IDS as readonly string[]).includes(id)) return id as ProviderId;
	throw new UsageError(`unknown provider "${input}"; use one of: ${PROVIDER_IDS.join(', ').replace(/_/g, '-')}`);
}

/** The config, with the same warning as every other command when the folder or file is readable by others. */
export function openWarned(): ConfigStore {
	const store = openConfig();
	for (const warning of permissionWarnings(store.dir)) process.stderr.write(`keywatch: warning: ${warning}\n`);
	return store;
}

type SecretSource = {ref: SecretRef; keyringValue?: string};

async function readStdin(flag: string): Promise<string> {
	if (process.stdin.isTTY) process.stderr.write('Paste the key, then press Enter and Ctrl+D (it is not echoed back): ');
	const value = (await text(process.stdin)).trim();
	if (!value) throw new UsageError(`${flag} read nothing; pipe the key in, e.g. \`pass show openai | keywatch add openai --name prod ${flag}\``);
	return value;
}

async function secretFrom(options: Record<string, unknown>): Promise<SecretSource> {
	const sources = ['env', 'command', 'stdin', 'keyring'].filter(s => options[s] !== undefined && options[s] !== false);
	if (sources.length !== 1) {
		throw new UsageError('say where the key comes from with exactly one of --env VAR, --command "CMD", --stdin or --keyring');
	}
	if (typeof options.env === 'string') return {ref: {type: 'env', name: options.env}};
	if (typeof options.command === 'string') return {ref: {type: 'command', command: options.command}};
	// --keyring reads the key like --stdin, but the config file only ever holds the account it is stored under.
	if (options.keyring) return {ref: {type: 'keyring', account: String(options.name)}, keyringValue: await readStdin('--keyring')};
	return {ref: {type: 'value', value: await readStdin('--stdin')}};
}

/** Into the OS keyring, or a clear failure: never a silent fallback to the config file. */
async function storeKeyring(account: string, value: string): Promise<void> {
	const stored = await storeInKeyring(account, value);
	if (!stored.ok) throw new UsageError(`OS keyring unavailable: ${stored.reason}; use --env, --command or --stdin`);
}

export async function runAdd(providerInput: string, options: Record<string, unknown>): Promise<number> {
	const provider = providerId(providerInput);
	const {ref: secret, keyringValue} = await secretFrom(options);
	const admin: SecretRef | undefined =
		typeof options.adminEnv === 'string' ? {type: 'env', name: options.adminEnv} : typeof options.adminCommand === 'string' ? {type: 'command', command: options.adminCommand} : undefined;
	const settings = Object.fromEntries(
		Object.entries({
			model: options.model,
			deployment: options.deployment,
			apiVersion: options.apiVersion,
			tier: options.tier,
			budget: options.budget,
			lowThreshold: options.low,
			lowBalance: options.lowBalance,
		}).filter(([, v]) => v !== undefined),
	);
	if (provider === 'openai_compatible' && typeof options.baseUrl !== 'string') {
		throw new UsageError('openai-compatible needs --base-url, e.g. --base-url https://gateway.example.com/v1');
	}
	if (provider === 'azure_openai' && (typeof options.baseUrl !== 'string' || !settings.deployment)) {
		throw new UsageError('azure-openai needs --base-url https://RESOURCE.openai.azure.com and --deployment NAME (and optionally --api-version)');
	}
	if (typeof options.baseUrl === 'string') checkBaseUrl(provider, options.baseUrl);
	const candidate = {
		name: options.name,
		provider,
		secret,
		...(admin ? {admin} : {}),
		...(typeof options.baseUrl === 'string' ? {baseUrl: options.baseUrl} : {}),
		...(options.spend === false ? {noSpend: true} : {}),
		...(options.backup ? {backup: true} : {}),
		...(Object.keys(settings).length > 0 ? {settings} : {}),
	};
	const parsed = keyConfigSchema.safeParse(candidate);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new UsageError(`invalid ${issue?.path.join('.') || 'key'}: ${issue?.message ?? 'unknown problem'}`);
	}
	const store = openWarned();
	if (store.read().keys.some(k => k.name === parsed.data.name)) {
		throw new UsageError(`a key named "${parsed.data.name}" already exists; pick another --name or run keywatch remove ${parsed.data.name}`);
	}
	if (keyringValue !== undefined) await storeKeyring(parsed.data.name, keyringValue);
	addKey(store, parsed.data as KeyConfig);
	process.stdout.write(`added ${parsed.data.name} (${provider}, key: ${describeSecretRef(secret)}) to ${store.file}\n`);
	return 0;
}

function describeKey(key: KeyConfig): string {
	return key.secret.type === 'value' ? `stored value ${mask(key.secret.value)}` : describeSecretRef(key.secret);
}

export async function runList(options: {json?: boolean}): Promise<number> {
	const store = openWarned();
	const configured = store.read().keys as KeyConfig[];
	const fromEnv = environmentKeysBeside(configured);
	const rows = [
		...configured.map(k => ({name: k.name, provider: k.provider, source: describeKey(k), origin: 'config', baseUrl: k.baseUrl})),
		...fromEnv.map(k => ({name: k.name, provider: k.provider, source: describeKey(k), origin: 'environment', baseUrl: k.baseUrl})),
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

export async function runRemove(name: string): Promise<number> {
	const store = openWarned();
	const key = store.read().keys.find(k => k.name === name);
	if (!key || !removeKey(store, name)) throw new UsageError(`no configured key named "${name}"; see keywatch list`);
	process.stdout.write(`removed ${name}\n`);
	if (key.secret.type === 'keyring') {
		const deleted = await deleteFromKeyring(key.secret.account);
		if (!deleted.ok) process.stderr.write(`keywatch: warning: the key stays in the OS keyring (${deleted.reason})\n`);
	}
	return 0;
}
