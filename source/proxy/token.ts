// The local token apps send instead of a provider key. It only proves "a process on this machine that
// can read keywatch's config folder"; provider keys never leave keywatch.
import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import {chmodSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import type {IncomingHttpHeaders} from 'node:http';
import {join} from 'node:path';
import {ConfigError} from '../config/store.js';
import {registerSecret} from '../secrets/scrub.js';

export const TOKEN_FILE = 'proxy-token';
const TOKEN_PREFIX = 'kwp-';
const TOKEN_BYTES = 32;
/** The prefix and 32 random bytes in unpadded base64url (43 characters): anything else was cut short or damaged. */
const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{${Math.ceil((TOKEN_BYTES * 4) / 3)}}$`);

export function isValidToken(token: string): boolean {
	return TOKEN_SHAPE.test(token);
}

/** A token file read back in the wrong shape (a write cut short by a full disk, or a damaged file) is not used. */
function checkedToken(token: string, path: string): string {
	if (isValidToken(token)) return token;
	throw new ConfigError(`the proxy token file ${path} is damaged or incomplete (not a full kwp- token); delete it and keywatch makes a new one (apps then need the new token)`);
}

/** How long an empty token file is read again before it counts as damaged (see `readToken`). */
const EMPTY_FILE_WAIT_MS = 200;

/**
 * The file's token, trimmed. Empty is what another proxy's file looks like between its `wx` create and its
 * write, so an empty read is retried for a moment before it is taken as it is.
 */
function readToken(path: string): string {
	let token = readFileSync(path, 'utf8').trim();
	const deadline = Date.now() + EMPTY_FILE_WAIT_MS;
	while (token === '' && Date.now() < deadline) {
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
		token = readFileSync(path, 'utf8').trim();
	}
	return token;
}

export function tokenPath(configDir: string): string {
	return join(configDir, TOKEN_FILE);
}

/**
 * Read the token, or create it (0600, folder 0700) on first use. A file left readable by others is tightened.
 * A file that holds no whole token (empty, cut short, damaged) is refused with a ConfigError saying to delete it:
 * running with what is left would accept a shorter, guessable token.
 */
export function loadOrCreateToken(configDir: string): string {
	const path = tokenPath(configDir);
	let token: string | undefined;
	try {
		token = readToken(path);
		if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	if (token === undefined) {
		mkdirSync(configDir, {recursive: true, mode: 0o700});
		token = TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
		// `wx`: two proxies starting at once must not overwrite each other's token.
		try {
			writeFileSync(path, `${token}\n`, {mode: 0o600, flag: 'wx'});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			token = readToken(path);
		}
	}
	token = checkedToken(token, path);
	registerSecret(token);
	return token;
}

/** Every header an SDK puts its key in. These are removed before forwarding, token or not. */
export const CLIENT_AUTH_HEADERS = ['authorization', 'x-api-key', 'x-goog-api-key', 'api-key'] as const;

function first(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/** What the client offered as a token, wherever its SDK puts a key (Gemini's `?key=` included). */
export function offeredTokens(headers: IncomingHttpHeaders, query: string): string[] {
	const offered: string[] = [];
	const authorization = first(headers.authorization);
	if (authorization) offered.push(authorization.replace(/^Bearer\s+/i, '').trim());
	for (const name of CLIENT_AUTH_HEADERS.slice(1)) {
		const value = first(headers[name]);
		if (value) offered.push(value.trim());
	}
	const key = new URLSearchParams(query).get('key');
	if (key) offered.push(key);
	return offered;
}

function digest(text: string): Buffer {
	return createHash('sha256').update(text).digest();
}

/** Constant time in the token's content (hashing first makes lengths equal). */
export function tokenMatches(expected: string, offered: readonly string[]): boolean {
	const want = digest(expected);
	let ok = false;
	for (const candidate of offered) {
		if (timingSafeEqual(want, digest(candidate))) ok = true;
	}
	return ok;
}
