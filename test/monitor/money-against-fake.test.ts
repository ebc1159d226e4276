// Money and key-status answers end to end: the real monitor, transport, adapters and diagnosis against the fake
// provider. What a 2xx key-info or balance body says (blocked flags, an unusable balance, a key at its limit)
// reaches the key's status, and a key's own limit and its account's pool are both kept.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {teamId} from '../../source/fake/providers/xai.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import type {KeyConfig, KeySettings, KeyState, ProviderId} from '../../source/types.js';

let fake: FakeProvider;
let transport: Transport;

beforeAll(async () => {
	fake = await startFakeProvider();
	transport = createTransport({timeoutMs: 5000});
});

afterAll(async () => {
	await transport?.close();
	await fake?.close();
});

let serial = 0;

function key(provider: ProviderId, scenario: string, extra: {admin?: string; settings?: KeySettings} = {}): KeyConfig {
	serial++;
	return {
		name: `${provider}-${scenario}-${serial}`,
		provider,
		secret: {type: 'value', value: `sk-test-${scenario}-money${String(serial).padStart(4, '0')}`},
		baseUrl: fake.baseUrl(provider),
		...(extra.admin ? {admin: {type: 'value', value: extra.admin}} : {}),
		...(extra.settings ? {settings: extra.settings} : {}),
	};
}

/** One round of every probe, with --no-spend: only the free probes speak, as they do for a careful user. */
async function check(config: KeyConfig, noSpend = true): Promise<KeyState> {
	const monitor = createMonitor({keys: [config], transport, noSpend});
	try {
		const snapshot = await monitor.checkOnce();
		return snapshot.keys[0] as KeyState;
	} finally {
		await monitor.stop();
	}
}

describe('xAI key status (GET /v1/api-key) with --no-spend', () => {
	it('a blocked team reads DENIED suspended, not OK', async () => {
		const state = await check(key('xai', 'suspended'));
		expect([state.status, state.verdict?.kind, state.verdict?.title]).toEqual(['DENIED', 'suspended', 'Team blocked']);
		expect(state.verdict?.evidence).toMatchObject({status: 200, errorCode: 'team_blocked'});
	});

	it('a disabled key reads DENIED invalid_key', async () => {
		const state = await check(key('xai', 'permission'));
		expect([state.status, state.verdict?.kind, state.verdict?.title]).toEqual(['DENIED', 'invalid_key', 'Key disabled']);
	});

	it('a working key reads its team’s prepaid credit from the management API, for the team its status names', async () => {
		const config = key('xai', 'healthy', {admin: 'xai-mgmt-test-healthy-0001'});
		const state = await check(config);
		expect(state.status).toBe('OK');
		expect(state.credit).toMatchObject({remaining: 25, currency: 'USD', label: 'prepaid credit'});
		const secret = (config.secret as {value: string}).value;
		expect(fake.requests.some(r => r.path === `/xai-management/v1/billing/teams/${teamId(secret)}/prepaid/balance`)).toBe(true);
		expect(fake.requests.some(r => r.path.includes('/teams/default/'))).toBe(false);
	});
});

describe('spend against a budget (admin key)', () => {
	it('under 10% of the budget left reads LOW, explained by the spend; a roomy budget reads OK', async () => {
		const admin = 'sk-admin-test-healthy-money0001';
		const roomy = await check(key('openai', 'healthy', {admin, settings: {budget: 1_000_000}}));
		expect(roomy.status).toBe('OK');
		const used = roomy.spend?.used ?? 0;
		expect(used).toBeGreaterThan(0);
		const tight = await check(key('openai', 'healthy', {admin, settings: {budget: used / 0.95}}));
		expect(tight.status).toBe('LOW');
		expect(tight.spend?.left).toBeCloseTo(used / 0.95 - used, 2);
		expect(tight.verdict?.why).toMatch(/budget|spend/i);
	});
});

describe('balances with no limit', () => {
	it('a DeepSeek balance that cannot pay for calls is DENIED quota_exhausted, with why and fix', async () => {
		const state = await check(key('deepseek', 'quota'));
		expect([state.status, state.verdict?.kind]).toEqual(['DENIED', 'quota_exhausted']);
		expect(state.verdict?.why).toMatch(/is_available: false/);
		expect(state.verdict?.fix.join(' ')).toMatch(/Top up/);
		expect(state.credit?.remaining).toBe(0);
	});

	it('a DeepSeek balance under the default floor of 5 is LOW and says so', async () => {
		const state = await check(key('deepseek', 'low'));
		expect(state.status).toBe('LOW');
		expect(state.lowBalance).toBe(5);
		expect(state.verdict?.title).toBe('Credit running low');
		expect(state.verdict?.why).toMatch(/0\.85 USD left, under the 5 USD LOW floor/);
	});

	it('--low-balance raises the floor for a healthy balance', async () => {
		expect((await check(key('deepseek', 'healthy'))).status).toBe('OK');
		const state = await check(key('deepseek', 'healthy', {settings: {lowBalance: 200}}));
		expect([state.status, state.lowBalance]).toEqual(['LOW', 200]);
	});
});

describe('OpenRouter: the key’s own limit and the account’s credits', () => {
	it('without a management key, a near-exhausted key is LOW on its own limit', async () => {
		const state = await check(key('openrouter', 'low'));
		expect(state.status).toBe('LOW');
		expect(state.credit).toMatchObject({remaining: 0.5, limit: 10, scope: 'key'});
		expect(state.credit?.usage).toEqual({day: 0.95, week: 3.8, month: 9.5});
		expect(state.accountCredit).toBeUndefined();
	});

	it('with a management key, the same key stays LOW on its own limit and the account credit is a second figure', async () => {
		const state = await check(key('openrouter', 'low', {admin: 'sk-or-v1-mgmt-test-healthy-0001'}));
		expect(state.status).toBe('LOW');
		expect(state.credit).toMatchObject({remaining: 0.5, limit: 10, scope: 'key', label: 'key limit (monthly)'});
		expect(state.accountCredit).toMatchObject({remaining: 74.75, limit: 100.5, scope: 'account', label: 'account credits'});
	});

	it('a key at $0 of its own limit is DENIED billing (a limit set on the key, as in the 402 fixture), not LOW', async () => {
		const state = await check(key('openrouter', 'quota'));
		expect([state.status, state.verdict?.kind, state.verdict?.title]).toEqual(['DENIED', 'billing', "Key's credit limit used up"]);
	});
});

describe('published limits for a declared tier', () => {
	it('a Gemini key on tier 1 carries the published spend limits, marked published', async () => {
		const state = await check(key('gemini', 'healthy', {settings: {tier: 'Tier 1'}}));
		expect(state.published?.tier).toBe('Tier 1');
		expect(state.published?.limits.map(l => [l.label, l.limit, l.unit, l.source])).toEqual([
			['spend per 10 minutes (rolling)', 10, 'USD', 'published'],
			['spend per month (tier cap)', 250, 'USD', 'published'],
		]);
		// A published limit is never a reading: no window and no credit comes from it.
		expect(state.windows).toEqual([]);
		expect(state.credit).toBeUndefined();
	});

	it('no tier, no published limits', async () => {
		expect((await check(key('gemini', 'healthy'))).published).toBeUndefined();
	});
});
