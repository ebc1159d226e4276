import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ConfigError} from '../../source/config/store.js';
import {isValidToken, loadOrCreateToken, offeredTokens, tokenMatches, tokenPath} from '../../source/proxy/token.js';

/** A whole token: the prefix and 43 base64url characters (32 random bytes). */
const EXISTING = `kwp-${'Ab0_-'.repeat(8)}Ab0`;

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'kw-token-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

describe('loadOrCreateToken', () => {
	it('creates a random token once, 0600, in a 0700 folder, and reads it back afterwards', () => {
		const dir = join(tempDir(), 'config');
		const token = loadOrCreateToken(dir);
		expect(token).toMatch(/^kwp-[A-Za-z0-9_-]{43}$/);
		expect(statSync(tokenPath(dir)).mode & 0o777).toBe(0o600);
		expect(statSync(dir).mode & 0o777).toBe(0o700);
		expect(loadOrCreateToken(dir)).toBe(token);
		expect(loadOrCreateToken(tempDir())).not.toBe(token);
	});

	it('tightens a token file that others can read', () => {
		const dir = tempDir();
		writeFileSync(tokenPath(dir), `${EXISTING}\n`);
		chmodSync(tokenPath(dir), 0o644);
		expect(loadOrCreateToken(dir)).toBe(EXISTING);
		expect(statSync(tokenPath(dir)).mode & 0o777).toBe(0o600);
		expect(readFileSync(tokenPath(dir), 'utf8')).toBe(`${EXISTING}\n`);
	});

	it.each([
		['cut short by a full disk', `${EXISTING.slice(0, 20)}`],
		['empty', ''],
		['one character short', EXISTING.slice(0, -1)],
		['one character long', `${EXISTING}A`],
		['damaged', `${EXISTING.slice(0, 30)}\u0000\u0000${EXISTING.slice(32)}`],
		['without its prefix', `xxx-${EXISTING.slice(4)}`],
	])('refuses a token file %s, in one line naming the file and the fix, and never runs with what is left', (_name, content) => {
		const dir = tempDir();
		writeFileSync(tokenPath(dir), content);
		let error: unknown;
		try {
			loadOrCreateToken(dir);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const message = (error as Error).message;
		expect(message).not.toContain('\n');
		expect(message).toContain(tokenPath(dir));
		expect(message).toMatch(/delete it and keywatch makes a new one/);
		// The file is left for the user to see; nothing was overwritten.
		expect(readFileSync(tokenPath(dir), 'utf8')).toBe(content);
	});

	it('makes a new, whole token once the damaged file is deleted', () => {
		const dir = tempDir();
		writeFileSync(tokenPath(dir), 'kwp-abc\n');
		expect(() => loadOrCreateToken(dir)).toThrow(ConfigError);
		rmSync(tokenPath(dir));
		const token = loadOrCreateToken(dir);
		expect(isValidToken(token)).toBe(true);
		expect(token).toMatch(/^kwp-[A-Za-z0-9_-]{43}$/);
	});
});

describe('offeredTokens and tokenMatches', () => {
	it('accepts the token wherever an SDK puts its key', () => {
		const token = 'kwp-abc';
		for (const headers of [{authorization: 'Bearer kwp-abc'}, {'x-api-key': 'kwp-abc'}, {'x-goog-api-key': 'kwp-abc'}, {'api-key': 'kwp-abc'}]) {
			expect(tokenMatches(token, offeredTokens(headers, ''))).toBe(true);
		}
		expect(tokenMatches(token, offeredTokens({}, '?alt=sse&key=kwp-abc'))).toBe(true);
	});

	it('refuses missing, wrong, longer and shorter tokens', () => {
		const token = 'kwp-abc';
		expect(tokenMatches(token, offeredTokens({}, ''))).toBe(false);
		expect(tokenMatches(token, offeredTokens({authorization: 'Bearer kwp-abd'}, ''))).toBe(false);
		expect(tokenMatches(token, offeredTokens({'x-api-key': 'kwp-abcd'}, ''))).toBe(false);
		expect(tokenMatches(token, offeredTokens({'x-api-key': 'kwp-ab'}, ''))).toBe(false);
		expect(tokenMatches(token, offeredTokens({authorization: 'Basic kwp-abc'}, ''))).toBe(false);
	});
});
