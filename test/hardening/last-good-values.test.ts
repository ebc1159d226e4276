// reliability-notes #13/#14: a key that was read fine, then answers 200 with a body cut short, not JSON, or an
// HTML page. The row says so (DOWN, with the reason), the broken answer adds no numbers, the last good credit and
// rate-limit windows stay as they were read, and the key recovers by itself. Real requests to the fake provider.

import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import type {Fault} from '../../source/fake/types.js';
import type {KeyConfig, KeyState} from '../../source/types.js';
import {expectNoBadNumbers} from './helpers.js';

describe('last good values after an unreadable answer', () => {
	let fake: FakeProvider;
	beforeAll(async () => {
		fake = await startFakeProvider();
	});
	afterAll(() => fake.close());

	// OpenRouter's key endpoint carries the key's own credit; OpenAI's headroom probe carries rate-limit windows.
	const cases: Array<[Fault, 'openrouter' | 'openai', string]> = [
		['truncated_json', 'openrouter', 'sk-or-v1-'],
		['truncated_json', 'openai', 'sk-'],
		['not_json', 'openrouter', 'sk-or-v1-'],
		['html', 'openai', 'sk-'],
	];

	it.each(cases)('after %s from %s: DOWN with the reason, the last credit and windows kept as read, back to OK by itself', async (fault, provider, prefix) => {
		const secret = `${prefix}test-healthy-lastgood${fault.replace(/_/g, '')}0123456789`;
		const keys: KeyConfig[] = [{name: 'k', provider, secret: {type: 'value', value: secret}, baseUrl: fake.baseUrl(provider)}];
		const transport = createTransport({timeoutMs: 5_000});
		const monitor = createMonitor({keys, transport, diagnose, statusOf});
		try {
			const good = (await monitor.checkOnce()).keys[0]!;
			expect(good.status).toBe('OK');
			const goodWindows = good.windows.filter(w => w.remaining !== undefined);
			if (provider === 'openrouter') expect(good.credit?.remaining).toEqual(expect.any(Number));
			else expect(goodWindows.length).toBeGreaterThan(0);

			fake.setScenario(secret, fault);
			const bad = (await monitor.checkOnce()).keys[0]!;
			expect(bad.status).toBe('DOWN');
			expect(bad.verdict?.kind === 'unknown' || bad.verdict?.kind === 'outage').toBe(true);
			expect(bad.verdict?.title).not.toMatch(/works/i);
			// The row's age is the failed reading's: it is not passed off as the good one's.
			expect(bad.checkedAt).toBeGreaterThanOrEqual(good.checkedAt!);
			// Kept exactly as the good answer said: not zeroed, not half-parsed from the broken body.
			expect(bad.credit).toEqual(good.credit);
			for (const window of goodWindows) expect(bad.windows).toContainEqual(window);
			expectNoBadNumbers(JSON.stringify(bad), 'the key after the unreadable answer');
			const failed = readingsOf(bad).at(-1);
			expect(failed?.verdict.kind).not.toBe('ok');
			expect(failed?.credit).toBeUndefined();

			fake.setScenario(secret, undefined);
			const back = (await monitor.checkOnce()).keys[0]!;
			expect(back.status).toBe('OK');
		} finally {
			await monitor.stop();
			await transport.close();
		}
	});
});

function readingsOf(key: KeyState) {
	return key.recent;
}
