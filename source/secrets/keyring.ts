// The OS keyring (macOS Keychain, Windows Credential Manager, Secret Service on Linux) through the optional
// native @napi-rs/keyring. Unavailable is a normal state (headless Linux has no Secret Service): every failure
// comes back as a reason, never as a throw, and never makes anyone fall back to plain text.

import {sanitize} from './scrub.js';

export const KEYRING_SERVICE = 'keywatch';

type Entry = {setPassword(value: string): void; getPassword(): string | null | undefined; deletePassword(): boolean | void};
type KeyringModule = {Entry: new (service: string, account: string) => Entry};

export type KeyringResult<T> = {ok: true; value: T} | {ok: false; reason: string};

let loaded: Promise<KeyringModule | string> | undefined;

/** The native module, or why it cannot be loaded (not installed, no prebuilt binary for this platform). */
function load(): Promise<KeyringModule | string> {
	const name = '@napi-rs/keyring';
	loaded ??= import(name).then(
		(module: Partial<KeyringModule> & {default?: Partial<KeyringModule>}) => {
			const Entry = module.Entry ?? module.default?.Entry;
			return Entry ? {Entry} : `${name} has no Entry class`;
		},
		(error: unknown) => `${name} is not installed or cannot load (${describe(error)})`,
	);
	return loaded;
}

function describe(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return sanitize(text.split('\n')[0] ?? '').slice(0, 200);
}

async function withEntry<T>(account: string, use: (entry: Entry) => T): Promise<KeyringResult<T>> {
	const module = await load();
	if (typeof module === 'string') return {ok: false, reason: module};
	try {
		return {ok: true, value: use(new module.Entry(KEYRING_SERVICE, account))};
	} catch (error) {
		return {ok: false, reason: describe(error)};
	}
}

/**
 * Store `value` under `account` and read it back: a keyring that accepts a write it cannot return is as
 * unavailable as one that refuses it. A failed store leaves nothing behind that keywatch knows of.
 */
export async function storeInKeyring(account: string, value: string): Promise<KeyringResult<void>> {
	const stored = await withEntry(account, entry => {
		entry.setPassword(value);
		return entry.getPassword();
	});
	if (!stored.ok) return stored;
	if (stored.value !== value) return {ok: false, reason: 'the keyring accepted the key but did not return it'};
	return {ok: true, value: undefined};
}

/** The stored key; `null` when the keyring works and holds nothing for this account. */
export async function readFromKeyring(account: string): Promise<KeyringResult<string | null>> {
	const read = await withEntry(account, entry => entry.getPassword());
	return read.ok ? {ok: true, value: read.value ?? null} : read;
}

export async function deleteFromKeyring(account: string): Promise<KeyringResult<void>> {
	const deleted = await withEntry(account, entry => {
		entry.deletePassword();
	});
	return deleted;
}
