import {inspect} from 'node:util';
import {describe, expect, it} from 'vitest';
import {Secret, mask} from '../../source/secrets/secret.js';
import {sanitize, scrub, stripControl} from '../../source/secrets/scrub.js';

const key = 'sk-test-abcdefghijklmnop1234';

describe('Secret', () => {
	it('masks every text form and reveals only on request', () => {
		const secret = new Secret(key);
		expect(String(secret)).toBe('sk-…1234');
		expect(`${secret}`).toBe('sk-…1234');
		expect(JSON.stringify({secret})).toBe('{"secret":"sk-…1234"}');
		expect(inspect(secret)).toBe('Secret(sk-…1234)');
		expect(inspect({nested: {secret}}, {depth: 5})).not.toContain('abcdefgh');
		expect(secret.reveal()).toBe(key);
	});

	it.each([
		['sk-ant-api03-test-xxxxxxxxxxxxxxxxyyyy', 'sk-…yyyy'],
		['sk-or-v1-test0000000000000000000000abcd', 'sk-…abcd'],
		['sk-proj-test000000000000000000000wxyz', 'sk-…wxyz'],
		['AIzaTestxxxxxxxxxxxxxxxxxxxxxxxxxx9999', 'AIza…9999'],
		['gsk_test000000000000000000000000001111', 'gsk_…1111'],
		['xai-test00000000000000000000000002222', 'xai-…2222'],
		['short', '…'],
	])('masks %s as %s', (value, expected) => {
		expect(mask(value)).toBe(expected);
	});
});

describe('scrub', () => {
	it('removes a registered key and long fragments of it', () => {
		new Secret('sk-test-registered-ZYXWVUTSRQ9876');
		const out = scrub('key sk-test-registered-ZYXWVUTSRQ9876 and part registered-ZYXWVU end');
		expect(out).not.toContain('registered-ZYXWVUTSRQ');
		expect(out).not.toContain('registered-ZYXWVU');
		expect(out).toContain('…9876');
	});

	it('masks known key shapes it was never told about', () => {
		const text = 'a sk-proj-Q1w2E3r4T5y6U7i8O9p0 b AIzaSyQ1w2E3r4T5y6U7i8O9p0Lk c gsk_Q1w2E3r4T5y6U7i8 d xai-Q1w2E3r4T5y6U7i8 e Bearer abc.def.ghijkl';
		const out = scrub(text);
		for (const secretPart of ['Q1w2E3r4T5y6', 'abc.def.ghijkl']) expect(out).not.toContain(secretPart);
		expect(out).toContain('sk-…O9p0');
		expect(out).toContain('Bearer …');
	});
});

describe('stripControl', () => {
	it('drops escape sequences that clear the screen, move the cursor or set the title', () => {
		const hostile = 'ok\u001B[2J\u001B[H\u001B]0;pwned\u0007\u001B]8;;http://x\u001B\\link\u0007\u009B31m!';
		const out = stripControl(hostile);
		expect(out).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
		expect(out).toContain('ok');
		expect(out).not.toContain('pwned');
	});

	it('sanitize strips and scrubs together', () => {
		expect(sanitize('\u001B[31msk-fresh-QRSTUVWXYZ0123\u001B[0m')).toBe('sk-…0123');
	});
});

describe('scrub, keys that share a prefix', () => {
	it('never prints the rest of an unregistered key that shares a registered key’s prefix', () => {
		new Secret('sk-ant-api03-test-REGISTEREDAAAAAAAAAAAA0001');
		const other = 'sk-ant-api03-test-OTHERKEYBBBBBBBBBBBBBB9999';
		const out = scrub(`first ${other} then oops ${other.replace('sk-', 'xx-')} end`);
		expect(out).not.toContain('OTHERKEY');
		expect(out).toContain('sk-…9999');
	});

	it('masks a command’s stderr that carries a key of the same family', () => {
		new Secret('sk-test-healthy-abcd5678');
		const out = scrub('The secret command exited with code 3: oops sk-test-healthy-LEAKLEAKLEAK1234');
		expect(out).not.toContain('LEAK');
	});
});
