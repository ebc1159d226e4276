import {describe, expect, it} from 'vitest';
import {snapshotToJson} from '../../source/serve/state-json.js';
import {canaryKey, makeKey, makeSnapshot, makeVerdict} from './fake-monitor.js';

describe('snapshotToJson', () => {
	it('turns numbers that are not finite into null, never 0 or NaN', () => {
		const key = makeKey({
			id: 'a',
			latencyMs: Number.NaN,
			checkedAt: Number.POSITIVE_INFINITY,
			windows: [{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: Number.POSITIVE_INFINITY, remaining: Number.NaN, resetAt: 8.64e15 + 1, source: 'headers'}],
			credit: {remaining: Number.NaN, currency: 'USD', source: 'endpoint'},
		});
		const [json] = snapshotToJson(makeSnapshot([key]));
		expect(json).toMatchObject({
			latencyMs: null,
			checkedAt: null,
			windows: [{id: 'tokens', limit: null, remaining: null, resetAt: null}],
			credit: {amount: null, remaining: null, limit: null, used: null, currency: 'USD', label: null},
		});
		expect(JSON.stringify(json)).not.toContain('NaN');
	});

	it('scrubs a key out of the title and the name, and strips escapes', () => {
		const key = makeKey({id: 'a', name: `a\u001b[31m`, verdict: makeVerdict('invalid_key', {title: `Bad key ${canaryKey}`})});
		const [json] = snapshotToJson(makeSnapshot([key]));
		expect(json!.name).toBe('a');
		expect(json!.title).toBe('Bad key sk-…RtYu');
	});

	it('keeps the snapshot order, one object per key', () => {
		const json = snapshotToJson(makeSnapshot([makeKey({id: 'z'}), makeKey({id: 'a'})]));
		expect(json.map(k => k.name)).toEqual(['z', 'a']);
	});

	it('spend: month, used, budget, left and currency; null when unknown', () => {
		const withBudget = makeKey({id: 'a', spend: {month: '2026-01', used: 412.5, currency: 'USD', budget: 500, left: 87.5, source: 'endpoint'}});
		const noBudget = makeKey({id: 'b', spend: {month: '2026-01', used: Number.NaN, currency: 'USD', source: 'endpoint'}});
		const none = makeKey({id: 'c'});
		const json = snapshotToJson(makeSnapshot([withBudget, noBudget, none]));
		expect(json.map(k => k.spend)).toEqual([
			{month: '2026-01', used: 412.5, budget: 500, left: 87.5, currency: 'USD'},
			{month: '2026-01', used: null, budget: null, left: null, currency: 'USD'},
			null,
		]);
	});

	it("incidents: the open incidents of each key's provider, scrubbed; empty when none are known", () => {
		const snapshot = makeSnapshot([makeKey({id: 'claude', provider: 'anthropic'}), makeKey({id: 'oa', provider: 'openai'}), makeKey({id: 'gem', provider: 'gemini'})], {
			incidents: {
				anthropic: [
					{provider: 'anthropic', name: 'Elevated errors\u001b[2J', impact: 'major', status: 'investigating', url: 'https://stspg.io/x1', startedAt: Date.UTC(2026, 0, 15, 11, 30)},
					{provider: 'anthropic', name: 'Database upgrade', impact: 'maintenance', status: 'in_progress'},
				],
				openai: [],
			},
		});
		const [claude, oa, gem] = snapshotToJson(snapshot);
		expect(claude!.incidents).toEqual([
			{name: 'Elevated errors', impact: 'major', status: 'investigating', url: 'https://stspg.io/x1', startedAt: '2026-01-15T11:30:00.000Z'},
			{name: 'Database upgrade', impact: 'maintenance', status: 'in_progress', url: null, startedAt: null},
		]);
		expect(oa!.incidents).toEqual([]);
		expect(gem!.incidents).toEqual([]);
	});

	it('incidents that are not a list (a remote snapshot gone wrong) are read as none', () => {
		const snapshot = makeSnapshot([makeKey({id: 'a'})], {incidents: {openai: 'broken' as never}});
		expect(snapshotToJson(snapshot)[0]!.incidents).toEqual([]);
	});

	it('credit: amount (the balance left), currency, limit, source, and the fields before it; the account credit beside a key limit', () => {
		const key = makeKey({
			id: 'or',
			provider: 'openrouter',
			credit: {remaining: 0.5, limit: 10, used: 9.5, currency: 'USD', source: 'endpoint', label: 'key limit (monthly)', scope: 'key', usage: {day: 0.95, week: 3.8, month: 9.5}},
			accountCredit: {remaining: 74.75, limit: 100.5, used: 25.75, currency: 'USD', source: 'endpoint', label: 'account credits', scope: 'account'},
		});
		const [json] = snapshotToJson(makeSnapshot([key]));
		expect(json!.credit).toEqual({
			amount: 0.5,
			remaining: 0.5,
			limit: 10,
			used: 9.5,
			currency: 'USD',
			source: 'endpoint',
			label: 'key limit (monthly)',
			scope: 'key',
			usage: {day: 0.95, week: 3.8, month: 9.5},
			balances: [],
		});
		expect(json!.accountCredit).toMatchObject({amount: 74.75, limit: 100.5, scope: 'account', usage: null});
		expect(snapshotToJson(makeSnapshot([makeKey({id: 'none'})]))[0]).toMatchObject({credit: null, accountCredit: null, published: null});
	});

	it('credit: every currency of a balance, with the primary as amount', () => {
		const key = makeKey({
			id: 'ds',
			provider: 'deepseek',
			credit: {remaining: 15.5, currency: 'USD', source: 'endpoint', label: 'balance', balances: [{currency: 'CNY', remaining: 110, granted: 10}, {currency: 'USD', remaining: 15.5}]},
		});
		expect(snapshotToJson(makeSnapshot([key]))[0]!.credit).toMatchObject({
			amount: 15.5,
			currency: 'USD',
			balances: [
				{currency: 'CNY', amount: 110, granted: 10, toppedUp: null},
				{currency: 'USD', amount: 15.5, granted: null, toppedUp: null},
			],
		});
	});

	it('published: the declared tier and its published limits, marked published', () => {
		const key = makeKey({
			id: 'gem',
			provider: 'gemini',
			published: {tier: 'Tier 1', limits: [{label: 'spend per 10 minutes (rolling)', limit: 10, unit: 'USD', per: '10m', ref: 'ai.google.dev', source: 'published'}], note: 'per project'},
		});
		expect(snapshotToJson(makeSnapshot([key]))[0]!.published).toEqual({
			tier: 'Tier 1',
			limits: [{label: 'spend per 10 minutes (rolling)', limit: 10, unit: 'USD', period: null, source: 'published', ref: 'ai.google.dev'}],
			note: 'per project',
		});
	});
});
