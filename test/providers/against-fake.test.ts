// Every adapter's probes, sent through the real transport to the fake provider on 127.0.0.1, and decoded.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type FakeProvider, startFakeProvider} from '../../source/fake/server.js';
import {createTransport} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import {ADAPTERS, getAdapter} from '../../source/providers/registry.js';
import type {Decoded} from '../../source/providers/types.js';
import type {Exchange, KeyConfig, ProbeKind, ProviderId} from '../../source/types.js';

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

const keyPrefix: Record<ProviderId, string> = {
	openai: 'sk-proj-test',
	anthropic: 'sk-ant-test',
	gemini: 'AIzaSy-test',
	openrouter: 'sk-or-v1-test',
	groq: 'gsk_test',
	mistral: 'mistral-test',
	deepseek: 'sk-test',
	xai: 'xai-test',
	azure_openai: 'azure-test',
	together: 'together-test',
	openai_compatible: 'sk-test',
};

function secretFor(provider: ProviderId, scenario: string): string {
	return `${keyPrefix[provider]}-${scenario}-${provider.replace('_', '')}${Math.random().toString(36).slice(2, 10)}`;
}

function keyFor(provider: ProviderId): KeyConfig {
	return {
		name: `fake-${provider}`,
		provider,
		secret: {type: 'env', name: 'UNUSED'},
		baseUrl: fake.baseUrl(provider),
		settings: provider === 'azure_openai' ? {deployment: 'gpt-4o-mini', apiVersion: '2024-10-21'} : provider === 'openai_compatible' ? {model: 'gpt-4o-mini'} : {},
	};
}

async function run(provider: ProviderId, probe: ProbeKind, secret: string, scenario = 'healthy'): Promise<{exchange: Exchange; decoded: Decoded}> {
	const adapter = getAdapter(provider);
	const adminSecret = `${provider === 'openai' ? 'sk-admin' : provider === 'anthropic' ? 'sk-ant-admin01' : 'mgmt'}-test-${scenario}-${provider}-1234`;
	// xAI's balance is asked for the team the key's status names, as the monitor does after the validity probe.
	const facts = provider === 'xai' && probe === 'balance' ? (await run('xai', 'validity', secret)).decoded.facts ?? {teamId: 'unknown-team'} : undefined;
	const request = adapter.request(probe, {key: keyFor(provider), secret, adminSecret, ...(facts ? {facts} : {})});
	if (!request) throw new Error(`${provider} ${probe}: no request`);
	const exchange = await transport.send(request, provider);
	return {exchange, decoded: adapter.decode(probe, exchange, exchange.at)};
}

const withHeaders = new Set<ProviderId>(['openai', 'anthropic', 'groq', 'mistral', 'azure_openai', 'together', 'openai_compatible']);

describe('every probe against the fake provider (healthy keys)', () => {
	const cases = ADAPTERS.flatMap(adapter => adapter.probes.map(spec => [adapter.id, spec.kind] as const));

	it.each(cases)('%s %s: answered 200 and decoded', async (provider, probe) => {
		const {exchange, decoded} = await run(provider, probe, secretFor(provider, 'healthy'));
		expect(exchange.network).toBeUndefined();
		expect(exchange.status).toBe(200);
		if (probe === 'headroom') {
			if (withHeaders.has(provider)) {
				expect(decoded.windows.length).toBeGreaterThan(0);
				for (const window of decoded.windows) {
					expect(window.source).toBe('headers');
					expect(window.limit ?? window.remaining).toBeGreaterThan(0);
				}
			} else {
				expect(decoded.windows).toEqual([]);
			}
		}
		if (probe === 'balance' || probe === 'spend' || (provider === 'openrouter' && probe === 'validity')) {
			expect(decoded.credit).toBeDefined();
			expect(decoded.credit?.source).toBe('endpoint');
			expect(decoded.credit?.currency).toMatch(/^[A-Z]{3}$/);
		}
	});

	it('sees headroom go down as the fake is probed (OpenAI)', async () => {
		const secret = secretFor('openai', 'healthy');
		const first = await run('openai', 'headroom', secret);
		const second = await run('openai', 'headroom', secret);
		const remaining = (d: Decoded) => d.windows.find(w => w.id === 'requests')?.remaining ?? Number.NaN;
		expect(remaining(second.decoded)).toBeLessThan(remaining(first.decoded));
	});

	it('decodes Anthropic buckets with absolute resets in the future', async () => {
		const {exchange, decoded} = await run('anthropic', 'headroom', secretFor('anthropic', 'healthy'));
		expect(decoded.windows.map(w => w.id)).toEqual(expect.arrayContaining(['requests', 'input_tokens', 'output_tokens']));
		for (const window of decoded.windows) if (window.resetAt !== undefined) expect(window.resetAt).toBeGreaterThanOrEqual(exchange.at - 1000);
	});

	it('reads Groq’s request window as daily', async () => {
		const {decoded} = await run('groq', 'headroom', secretFor('groq', 'healthy'));
		expect(decoded.windows.find(w => w.id === 'requests')?.period).toBe('day');
		expect(decoded.windows.find(w => w.id === 'tokens')?.period).toBe('minute');
	});

	it('asks xAI’s management API about the team the key status names', async () => {
		const secret = secretFor('xai', 'healthy');
		const {decoded: status} = await run('xai', 'validity', secret);
		expect(status.facts?.teamId).toMatch(/^[0-9a-f-]{36}$/);
		expect(status.flags).toBeUndefined();
		const {decoded} = await run('xai', 'balance', secret);
		expect(decoded.credit).toMatchObject({remaining: 25, currency: 'USD', scope: 'account'});
		expect(fake.requests.at(-1)?.path).toBe(`/xai-management/v1/billing/teams/${status.facts?.teamId}/prepaid/balance`);
	});

	it('reads Mistral’s monthly tokens as credit', async () => {
		const {decoded} = await run('mistral', 'headroom', secretFor('mistral', 'healthy'));
		expect(decoded.credit).toMatchObject({currency: 'tokens', label: 'monthly tokens'});
		expect(decoded.windows.map(w => w.id)).toEqual(expect.arrayContaining(['req-minute', 'tokens-minute', 'tokens-month']));
	});
});

describe('keys in trouble, against the fake provider', () => {
	it('an exhausted OpenAI key shows a window at zero with a reset', async () => {
		const {exchange, decoded} = await run('openai', 'headroom', secretFor('openai', 'limited'));
		expect(exchange.status).toBe(429);
		expect(decoded.windows.some(w => w.remaining === 0 && w.resetAt !== undefined && w.resetAt >= exchange.at)).toBe(true);
	});

	it('a limited Gemini key reports its quota in the 429 body', async () => {
		const {exchange, decoded} = await run('gemini', 'headroom', secretFor('gemini', 'limited'));
		expect(exchange.status).toBe(429);
		expect(decoded.windows.length).toBeGreaterThan(0);
		expect(decoded.windows[0]).toMatchObject({source: 'body', remaining: 0});
		expect(decoded.windows[0]?.resetAt).toBeGreaterThan(exchange.at);
		expect(decoded.windows[0]?.limit).toBeGreaterThan(0);
	});

	it('a low OpenRouter key shows little credit left', async () => {
		const {decoded} = await run('openrouter', 'validity', secretFor('openrouter', 'low'));
		expect(decoded.credit?.limit).toBeGreaterThan(0);
		expect(decoded.credit?.remaining).toBeLessThan((decoded.credit?.limit ?? 0) * 0.1);
	});

	it.each([
		['suspended', ['team_blocked']],
		['permission', ['key_disabled']],
	] as const)('a %s xAI key answers 200 with its flags set, and the flags are read', async (scenario, flags) => {
		const {exchange, decoded} = await run('xai', 'validity', secretFor('xai', scenario));
		expect(exchange.status).toBe(200);
		expect(decoded.flags).toEqual(flags);
	});

	it('an empty DeepSeek balance is flagged as unusable; an OpenRouter key at its limit as such', async () => {
		const deepseek = await run('deepseek', 'balance', secretFor('deepseek', 'quota'));
		expect(deepseek.exchange.status).toBe(200);
		expect(deepseek.decoded.credit?.remaining).toBe(0);
		expect(deepseek.decoded.flags).toEqual(['balance_unusable']);
		const openrouter = await run('openrouter', 'validity', secretFor('openrouter', 'quota'));
		expect(openrouter.decoded.credit).toMatchObject({remaining: 0, limit: 10, scope: 'key'});
		expect(openrouter.decoded.flags).toEqual(['key_limit_reached']);
		expect((await run('openrouter', 'balance', secretFor('openrouter', 'quota'), 'quota')).decoded.flags).toEqual(['balance_empty']);
	});

	it('a low OpenRouter key reports usage today, this week and this month', async () => {
		const {decoded} = await run('openrouter', 'validity', secretFor('openrouter', 'low'));
		expect(decoded.credit?.usage).toEqual({day: expect.any(Number), week: expect.any(Number), month: expect.any(Number)});
		expect(decoded.flags).toBeUndefined();
	});

	it('an invalid key decodes to no windows and no credit', async () => {
		for (const provider of ['openai', 'anthropic', 'deepseek', 'openrouter'] as const) {
			const probe = provider === 'deepseek' ? 'balance' : 'validity';
			const {exchange, decoded} = await run(provider, probe, secretFor(provider, 'invalid'));
			expect(exchange.status, provider).toBeGreaterThanOrEqual(400);
			expect(decoded.credit, provider).toBeUndefined();
		}
	});

	it('a redirecting fake is reported, not followed', async () => {
		const {exchange} = await run('openai', 'validity', secretFor('openai', 'redirect'));
		expect(exchange.status).toBe(302);
		expect(exchange.network?.kind).toBe('redirect');
		expect(fake.requests.some(r => r.path.includes('redirect-target'))).toBe(false);
	});

	it('a huge body is capped', async () => {
		const {exchange} = await run('openai', 'validity', secretFor('openai', 'huge_body'));
		expect(exchange.status).toBe(200);
		expect(exchange.body.length).toBe(1024 * 1024);
		expect((exchange as {truncated?: boolean}).truncated).toBe(true);
	});
});

describe('hostile answers from the fake provider', () => {
	const bodyFaults = ['html', 'not_json', 'truncated_json', 'wrong_shape', 'null_body', 'deep_json', 'bad_headers', 'escapes'] as const;
	const moneyProbes = ADAPTERS.flatMap(adapter =>
		adapter.probes.filter(spec => spec.kind !== 'headroom').map(spec => [adapter.id, spec.kind] as const),
	);

	it.each(bodyFaults)('%s: every adapter decodes without throwing and invents no credit', async fault => {
		for (const [provider, probe] of moneyProbes) {
			const {exchange, decoded} = await run(provider, probe, secretFor(provider, fault), fault);
			if (fault !== 'bad_headers' && fault !== 'escapes') expect(decoded.credit, `${provider} ${probe}`).toBeUndefined();
			for (const window of decoded.windows) {
				for (const value of [window.limit, window.remaining, window.resetAt]) if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
			}
			expect(exchange.provider).toBe(provider);
		}
	});

	it('accepts an 8 KB request-id header', async () => {
		const {exchange} = await run('openai', 'validity', secretFor('openai', 'huge_header'));
		expect(exchange.network).toBeUndefined();
		expect(exchange.status).toBe(200);
		expect(String(exchange.headers['x-request-id']).length).toBeGreaterThan(8000);
	});

	it.each([
		['hang', ['timeout']],
		['stall_body', ['timeout']],
		['drip', ['timeout']],
		['reset', ['reset']],
	] as const)('%s comes back as a %s network failure', async (fault, kinds) => {
		const quick = createTransport({timeoutMs: 400});
		try {
			const request = getAdapter('openai').request('validity', {key: keyFor('openai'), secret: secretFor('openai', fault)});
			const exchange = await quick.send(request!, 'openai');
			expect(kinds).toContain(exchange.network?.kind);
		} finally {
			await quick.close();
		}
	});
});
