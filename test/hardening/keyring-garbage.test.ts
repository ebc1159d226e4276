// reliability-notes #35: the OS keyring answers, but with an empty entry or garbage (control bytes, a wrongly
// decoded blob, something that is not text). Each such key reads "missing/corrupt" by name, no request is sent
// with it, nothing of the garbage reaches the output, and the other keys are probed as usual.

import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import {snapshotToJson} from '../../source/serve/state-json.js';
import type {KeyConfig} from '../../source/types.js';
import {expectNoControl} from './helpers.js';

// A stand-in for the native backend: the platform store is not available here, and what it returns is the fault.
const stored = vi.hoisted(() => new Map<string, unknown>());
vi.mock('@napi-rs/keyring', () => ({
	Entry: class {
		constructor(
			readonly service: string,
			readonly account: string,
		) {}
		getPassword() {
			return stored.get(this.account) ?? null;
		}
		setPassword(value: string) {
			stored.set(this.account, value);
		}
		deletePassword() {
			return stored.delete(this.account);
		}
	},
}));

const GARBAGE_MARK = 'GARBAGEMARK';

describe('a keyring that returns an empty entry or garbage', () => {
	let fake: FakeProvider;
	beforeAll(async () => {
		fake = await startFakeProvider();
	});
	afterAll(() => fake.close());

	it('names each broken key as empty or corrupt, never sends it, leaks none of it, and the other keys work', async () => {
		const entries: Record<string, unknown> = {
			'kr-empty': '',
			'kr-blank': '  \n ',
			'kr-control': `sk-test-healthy-${GARBAGE_MARK}\u0000\u0007\u001b[2J\u001b]0;pwned\u0007`,
			'kr-decoded': `\u00ff\u00fe${GARBAGE_MARK}\ufffd\ufffd\u00e9`,
			'kr-spaced': `sk-test-healthy-${GARBAGE_MARK} second-half`,
			'kr-object': {secret: GARBAGE_MARK},
			'kr-good': 'sk-test-healthy-keyring0123456789abcdef',
		};
		for (const [account, value] of Object.entries(entries)) stored.set(account, value);
		const keys: KeyConfig[] = [
			...Object.keys(entries).map(account => ({name: account, provider: 'openai' as const, secret: {type: 'keyring' as const, account}, baseUrl: fake.baseUrl('openai')})),
			{name: 'plain', provider: 'anthropic', secret: {type: 'value', value: 'sk-ant-test-healthy-plain0123456789abcdef'}, baseUrl: fake.baseUrl('anthropic')},
		];
		const sentWith: string[] = [];
		const real = createTransport({timeoutMs: 5_000});
		const transport = {
			send: (...args: Parameters<typeof real.send>) => {
				const {authorization, 'x-api-key': apiKey} = args[0].headers;
				sentWith.push(String(authorization ?? apiKey ?? '').replace(/^Bearer /, ''));
				return real.send(...args);
			},
			close: () => real.close(),
		};
		const monitor = createMonitor({keys, transport, diagnose, statusOf, noSpend: true});
		try {
			const snapshot = await monitor.checkOnce();
			const byName = Object.fromEntries(snapshot.keys.map(k => [k.name, k]));
			const broken: Record<string, RegExp> = {
				'kr-empty': /^No key: The key in the OS keyring for "kr-empty" is empty$/,
				'kr-blank': /^No key: The key in the OS keyring for "kr-blank" is empty$/,
				'kr-control': /^No key: The key in the OS keyring for "kr-control" is corrupt$/,
				'kr-decoded': /^No key: The key in the OS keyring for "kr-decoded" is corrupt$/,
				'kr-spaced': /^No key: The key in the OS keyring for "kr-spaced" is corrupt$/,
				'kr-object': /^No key: The key in the OS keyring for "kr-object" is corrupt$/,
			};
			for (const [name, title] of Object.entries(broken)) {
				const key = byName[name]!;
				expect(key.status, name).toBe('DENIED');
				expect(key.verdict?.title, name).toMatch(title);
				expect(key.verdict?.fix.join(' '), name).toContain(`keywatch add PROVIDER --name ${name} --keyring`);
			}
			expect(byName['kr-good']?.status).toBe('OK');
			expect(byName.plain?.status).toBe('OK');
			// Only the two good keys were ever sent.
			expect(new Set(sentWith)).toEqual(new Set(['sk-test-healthy-keyring0123456789abcdef', 'sk-ant-test-healthy-plain0123456789abcdef']));
			const text = JSON.stringify(snapshotToJson(snapshot));
			expect(text).not.toContain(GARBAGE_MARK);
			expect(text).not.toContain('pwned');
			expectNoControl(text, 'check --json of the keyring keys');
		} finally {
			await monitor.stop();
			await transport.close();
		}
	});
});
