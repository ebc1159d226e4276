// The local token apps send instead of a provider key. It only proves "a process on this machine that
// can read keywatch's config folder"; provider keys never leave keywatch.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerSecret } from '../secrets/scrub.js';
export const TOKEN_FILE = 'proxy-token';
const TOKEN_PREFIX = 'kwp-';
export function tokenPath(configDir) {
    return join(configDir, TOKEN_FILE);
}
/** Read the token, or create it (0600, folder 0700) on first use. A file left readable by others is tightened. */
export function loadOrCreateToken(configDir) {
    const path = tokenPath(configDir);
    let token;
    try {
        token = readFileSync(path, 'utf8').trim();
        if ((statSync(path).mode & 0o077) !== 0)
            chmodSync(path, 0o600);
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw error;
    }
    if (!token) {
        mkdirSync(configDir, { recursive: true, mode: 0o700 });
        token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
        // `wx`: two proxies starting at once must not overwrite each other's token.
        try {
            writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
            token = readFileSync(path, 'utf8').trim();
        }
    }
    registerSecret(token);
    return token;
}
/** Every header an SDK puts its key in. These are removed before forwarding, token or not. */
export const CLIENT_AUTH_HEADERS = ['authorization', 'x-api-key', 'x-goog-api-key', 'api-key'];
function first(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** What the client offered as a token, wherever its SDK puts a key (Gemini's `?key=` included). */
export function offeredTokens(headers, query) {
    const offered = [];
    const authorization = first(headers.authorization);
    if (authorization)
        offered.push(authorization.replace(/^Bearer\s+/i, '').trim());
    for (const name of CLIENT_AUTH_HEADERS.slice(1)) {
        const value = first(headers[name]);
        if (value)
            offered.push(value.trim());
    }
    const key = new URLSearchParams(query).get('key');
    if (key)
        offered.push(key);
    return offered;
}
function digest(text) {
    return createHash('sha256').update(text).digest();
}
/** Constant time in the token's content (hashing first makes lengths equal). */
export function tokenMatches(expected, offered) {
    const want = digest(expected);
    let ok = false;
    for (const candidate of offered) {
        if (timingSafeEqual(want, digest(candidate)))
            ok = true;
    }
    return ok;
}
