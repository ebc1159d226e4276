import * as fs from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';

// A second proxy starting while the first is creating the token can find the file the first made with `wx`
// before its token is written: an empty read is then a write in progress, not a damaged file.
let afterRead: ((path: string, text: string) => void) | undefined;
vi.mock('node:fs', async original => {
	const real = await original<typeof import('node:fs')>();
	const readFileSync = ((...args: Parameters<typeof real.readFileSync>) => {
		const text = real.readFileSync(...args);
		afterRead?.(String(args[0]), String(text));
		return text;
	}) as typeof real.readFileSync;
	return {...real, default: {...real, readFileSync}, readFileSync};
});

const {loadOrCreateToken, tokenPath} = await import('../../source/proxy/token.js');

const EXISTING = `kwp-${'Ab0_-'.repeat(8)}Ab0`;
const dirs: string[] = [];
afterEach(() => {
	afterRead = undefined;
	for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

describe('loadOrCreateToken with another proxy creating the token', () => {
	it('waits for the token the other proxy is writing instead of calling its new file damaged', () => {
		const dir = fs.mkdtempSync(join(tmpdir(), 'kw-token-race-'));
		dirs.push(dir);
		// The other proxy's `wx` open has made the file; its write lands just after this proxy's first read.
		fs.writeFileSync(tokenPath(dir), '', {mode: 0o600});
		afterRead = (path, text) => {
			if (path !== tokenPath(dir) || text !== '') return;
			afterRead = undefined;
			fs.writeFileSync(tokenPath(dir), `${EXISTING}\n`);
		};
		expect(loadOrCreateToken(dir)).toBe(EXISTING);
		expect(fs.readFileSync(tokenPath(dir), 'utf8')).toBe(`${EXISTING}\n`);
	});
});
