import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {ADAPTERS, describeProbes, getAdapter} from '../../source/providers/registry.js';
import {PROVIDER_IDS, type Exchange, type ProbeKind} from '../../source/types.js';
import {NOW} from './helpers.js';

describe('registry', () => {
	it('has exactly one adapter per provider, in PROVIDER_IDS order', () => {
		expect(ADAPTERS.map(a => a.id)).toEqual([...PROVIDER_IDS]);
		for (const id of PROVIDER_IDS) expect(getAdapter(id).id).toBe(id);
	});

	it('lists the environment variables users already have', () => {
		const env = Object.fromEntries(ADAPTERS.map(a => [a.id, a.envVars]));
		expect(env).toEqual({
			openai: ['OPENAI_API_KEY'],
			anthropic: ['ANTHROPIC_API_KEY'],
			gemini: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
			openrouter: ['OPENROUTER_API_KEY'],
			groq: ['GROQ_API_KEY'],
			mistral: ['MISTRAL_API_KEY'],
			deepseek: ['DEEPSEEK_API_KEY'],
			xai: ['XAI_API_KEY'],
			azure_openai: ['AZURE_OPENAI_API_KEY'],
			together: ['TOGETHER_API_KEY'],
			openai_compatible: [],
		});
	});

	it('gives every provider a free validity probe', () => {
		for (const adapter of ADAPTERS) expect(adapter.probes.find(p => p.kind === 'validity')?.spends).toBe(false);
	});

	it('throws for an unknown id (a programming error, not data)', () => {
		expect(() => getAdapter('nope' as never)).toThrow(/no adapter/);
	});
});

describe('describeProbes', () => {
	const rows = describeProbes();

	it('describes every probe of every adapter with its real path', () => {
		expect(rows.length).toBe(ADAPTERS.reduce((n, a) => n + a.probes.length, 0));
		const find = (provider: string, probe: ProbeKind) => rows.find(r => r.provider === provider && r.probe === probe);
		expect(find('openai', 'validity')).toMatchObject({method: 'GET', path: '/models', spends: false});
		expect(find('openai', 'spend')).toMatchObject({path: expect.stringMatching(/^\/organization\/costs\?/), needs: 'admin or management key'});
		expect(find('anthropic', 'headroom')).toMatchObject({method: 'POST', path: '/v1/messages', spends: true});
		expect(find('gemini', 'headroom')?.path).toBe('/models/gemini-2.5-flash-lite:generateContent');
		expect(find('deepseek', 'balance')?.path).toBe('/user/balance');
		expect(find('xai', 'balance')?.path).toBe('https://management-api.x.ai/v1/billing/teams/{team_id}/prepaid/balance');
		expect(find('azure_openai', 'headroom')).toMatchObject({path: expect.stringContaining('/openai/deployments/DEPLOYMENT/chat/completions'), needs: 'deployment setting'});
	});

	it('says what each provider reads: header names and the window each measures', () => {
		const reads = (provider: string) => rows.find(r => r.provider === provider)?.reads.join('\n') ?? '';
		for (const row of rows) expect(row.reads.length, row.provider).toBeGreaterThan(0);
		expect(reads('groq')).toMatch(/x-ratelimit-\{limit,remaining,reset\}-requests: requests per day/);
		expect(reads('groq')).toMatch(/x-ratelimit-\{limit,remaining,reset\}-tokens: tokens per minute/);
		expect(reads('openai')).toMatch(/-requests: requests per minute/);
		expect(reads('mistral')).toMatch(/-req-minute: requests per minute/);
		expect(reads('mistral')).toMatch(/-tokens-month: tokens per month/);
		expect(reads('anthropic')).toMatch(/anthropic-ratelimit-\{requests,tokens,input-tokens,output-tokens\}-\{limit,remaining,reset\}: one bucket each, per minute/);
		expect(reads('gemini')).toMatch(/no rate-limit headers.*\n.*QuotaFailure/);
		expect(reads('deepseek')).toMatch(/no rate-limit headers[\s\S]*\/user\/balance/);
		expect(reads('openrouter')).toMatch(/usage_daily, usage_weekly, usage_monthly/);
		expect(reads('xai')).toMatch(/team_blocked, api_key_blocked, api_key_disabled/);
		expect(reads('together')).toMatch(/x-tokenlimit-\{limit,remaining\}: tokens, window not documented/);
	});

	it('says what each provider cannot see', () => {
		for (const row of rows) expect(row.cannotSee.length).toBeGreaterThan(0);
		expect(rows.find(r => r.provider === 'gemini')?.cannotSee.join(' ')).toMatch(/no rate-limit headers/);
	});

	it('contains no secret material', () => {
		expect(JSON.stringify(rows)).not.toContain('placeholder');
	});
});

describe('decode never throws and never invents numbers', () => {
	const headerValue = fc.oneof(
		fc.string(),
		fc.constantFrom('-1', '0', '1e309', '6m0s', '2025-02-30T00:00:00Z', '99999999999999999999999', 'NaN', ''),
		fc.array(fc.string(), {maxLength: 3}),
	);
	const headerName = fc.constantFrom(
		'x-ratelimit-limit-requests',
		'x-ratelimit-remaining-tokens',
		'x-ratelimit-reset-requests',
		'x-ratelimit-limit',
		'x-ratelimit-reset',
		'x-tokenlimit-limit',
		'anthropic-ratelimit-tokens-remaining',
		'anthropic-ratelimit-requests-reset',
		'x-ratelimit-remaining-tokens-month',
		'x-ratelimit-limit-req-minute',
		'retry-after',
	);
	const body = fc.oneof(
		fc.string(),
		fc.json(),
		fc.anything().map(value => {
			try {
				return JSON.stringify(value) ?? '';
			} catch {
				return '';
			}
		}),
		fc.constantFrom('{"data":{"limit":1e999}}', '{"balance_infos":[{"currency":"USD","total_balance":"-5"}]}', '{"error":{"details":[{"@type":"google.rpc.QuotaFailure","violations":[{"quotaId":"X","quotaValue":"1e400"}]}]}}'),
	);

	it('holds for random headers and bodies on every adapter and probe', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...ADAPTERS),
				fc.constantFrom<ProbeKind | 'any'>('validity', 'headroom', 'balance', 'spend', 'any'),
				fc.dictionary(headerName, headerValue),
				body,
				fc.constantFrom(200, 401, 429, null),
				(adapter, probe, headers, text, status) => {
					const exchange: Exchange = {provider: adapter.id, status, headers, body: text, at: NOW};
					const decoded = adapter.decode(probe, exchange, NOW);
					for (const window of decoded.windows) {
						for (const value of [window.limit, window.remaining, window.resetAt]) {
							if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
						}
						if (window.limit !== undefined) expect(window.limit).toBeGreaterThanOrEqual(0);
						if (window.remaining !== undefined) expect(window.remaining).toBeGreaterThanOrEqual(0);
						expect(window.limit !== undefined || window.remaining !== undefined).toBe(true);
					}
					const credit = decoded.credit;
					if (credit) {
						for (const value of [credit.remaining, credit.limit, credit.used]) {
							if (value !== undefined) expect(Number.isFinite(value) && value >= 0).toBe(true);
						}
					}
				},
			),
			{numRuns: 500},
		);
	});
});
