// A working key that needs attention: LOW explained (why, fix, clears) and an OK from the free probe alone.
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/diagnose.js';
import {statusOf} from '../../source/diagnosis/status.js';
import {DEFAULT_LOW_THRESHOLD, balanceFloor, explainFreeProbeOnly, explainLow, type Headroom, isMoneyUnit, lowParts} from '../../source/diagnosis/working-key.js';
import type {Credit, ProviderId, RateWindow, Spend, Verdict} from '../../source/types.js';
import {NOW} from './cases/case.js';

const ok = (windows: RateWindow[] = []): Verdict => diagnose({provider: 'openai', status: 200, headers: {}, body: '{"data":[]}', at: NOW}, {windows, now: NOW});
const win = (id: string, limitKind: RateWindow['limitKind'], limit: number, remaining: number, resetIn?: number): RateWindow => ({
	id,
	limitKind,
	period: 'minute',
	limit,
	remaining,
	...(resetIn === undefined ? {} : {resetAt: NOW + resetIn}),
	source: 'headers',
});
const credit = (remaining: number, limit?: number): Credit => ({remaining, ...(limit === undefined ? {} : {limit}), currency: 'USD', source: 'endpoint', label: 'key limit'});
const spend = (used: number, budget: number): Spend => ({month: '2026-11', used, currency: 'USD', budget, left: budget - used, source: 'endpoint'});

type LowCase = {
	name: string;
	provider: ProviderId;
	headroom: Headroom;
	title: RegExp;
	/** Must appear in why. */
	why: RegExp[];
	/** Must appear somewhere in the fix steps (pages are the provider's). */
	fix: RegExp[];
	clears: Verdict['clears'];
	clearsAt?: number;
};

const lowCases: LowCase[] = [
	{
		name: 'a requests window under 10% clears by itself at its reset',
		provider: 'openai',
		headroom: {windows: [win('requests', 'requests', 500, 4, 56_000), win('tokens', 'tokens', 30_000, 20_000, 3_000)]},
		title: /^Low headroom: 4 of 500 requests per minute left$/,
		why: [/requests per minute: 4 of 500 left \(0\.8%\), resets at 12:00:56 UTC/, /under 10%/],
		fix: [/Slow down or spread the load until the window resets at 12:00:56 UTC/, /https:\/\/platform\.openai\.com\/settings\/organization\/limits/],
		clears: 'by_itself',
		clearsAt: NOW + 56_000,
	},
	{
		name: 'the tightest of two low windows decides the title and the clear time',
		provider: 'anthropic',
		headroom: {windows: [win('requests', 'requests', 50, 4, 10_000), win('input_tokens', 'input_tokens', 40_000, 400, 30_000)]},
		title: /^Low headroom: 400 of 40,000 input tokens per minute left$/,
		why: [/input tokens per minute: 400 of 40,000 left \(1%\)/, /requests per minute: 4 of 50 left/],
		fix: [/https:\/\/console\.anthropic\.com\/settings\/limits/],
		clears: 'by_itself',
		clearsAt: NOW + 30_000,
	},
	{
		name: 'a low window with no reset time clears by itself, time unknown',
		provider: 'groq',
		headroom: {windows: [win('tokens', 'tokens', 6000, 100)]},
		title: /^Low headroom/,
		why: [/tokens per minute: 100 of 6,000 left/],
		fix: [/https:\/\/console\.groq\.com\/settings\/limits/],
		clears: 'by_itself',
	},
	{
		name: 'credit under 10% of its cap needs action on the billing page',
		provider: 'openrouter',
		headroom: {windows: [], credit: credit(0.4, 10)},
		title: /^Credit running low$/,
		why: [/key limit: 0\.40 USD of 10 USD left \(4%\)/, /does not come back by waiting/],
		fix: [/Add credit or raise the cap at https:\/\/openrouter\.ai\/settings\/credits/, /https:\/\/openrouter\.ai\/activity/],
		clears: 'needs_action',
	},
	{
		name: 'a balance of zero with no cap',
		provider: 'deepseek',
		headroom: {windows: [], credit: credit(0)},
		title: /^Credit used up$/,
		why: [/key limit: 0 USD left/],
		fix: [/https:\/\/platform\.deepseek\.com\/top_up/],
		clears: 'needs_action',
	},
	{
		name: 'a monthly budget nearly spent',
		provider: 'openai',
		headroom: {windows: [], spend: spend(480, 500)},
		title: /^Monthly budget nearly spent$/,
		why: [/480 USD of your 500 USD budget used, 20 USD left \(4%\)/],
		fix: [/https:\/\/platform\.openai\.com\/usage/, /settings\.budget/],
		clears: 'needs_action',
	},
	{
		name: 'a low window and low credit: money decides that it needs action',
		provider: 'openrouter',
		headroom: {windows: [win('requests', 'requests', 20, 1, 5_000)], credit: credit(0.1, 10)},
		title: /^Credit running low$/,
		why: [/requests per minute: 1 of 20 left/, /key limit: 0\.10 USD of 10 USD left/],
		fix: [/Slow down/, /Add credit/],
		clears: 'needs_action',
	},
	{
		name: 'a custom threshold is named',
		provider: 'openai',
		headroom: {windows: [win('requests', 'requests', 100, 20, 1_000)], threshold: 0.25},
		title: /^Low headroom: 20 of 100 requests per minute left$/,
		why: [/under 25% left/],
		fix: [/Raise the limit/],
		clears: 'by_itself',
		clearsAt: NOW + 1_000,
	},
];

describe('explainLow', () => {
	it.each(lowCases.map(c => [c.name, c] as const))('%s', (_name, c) => {
		const before = ok(c.headroom.windows as RateWindow[]);
		const verdict = explainLow(c.provider, before, c.headroom);
		expect(verdict).toBeDefined();
		if (!verdict) return;
		expect(verdict.kind).toBe('ok');
		expect(verdict.title).toMatch(c.title);
		for (const why of c.why) expect(verdict.why).toMatch(why);
		expect(verdict.fix.length).toBeGreaterThan(0);
		for (const fix of c.fix) expect(verdict.fix.join('\n')).toMatch(fix);
		expect(verdict.why + verdict.fix.join(' ')).not.toMatch(/\{\w+\}/);
		expect(verdict.clears).toBe(c.clears);
		expect(verdict.clearsAt).toBe(c.clearsAt);
		expect(verdict.evidence).toEqual(before.evidence);
		// The status it explains is the status the row shows.
		if (!c.headroom.spend) expect(statusOf(verdict, c.headroom.windows as RateWindow[], c.headroom.credit, c.headroom.threshold)).toBe('LOW');
	});

	it.each([
		['plenty left', {windows: [win('requests', 'requests', 100, 50)]}],
		['exactly 10% left', {windows: [win('requests', 'requests', 100, 10)]}],
		["Azure's -1 sentinel", {windows: [win('tokens', 'tokens', -1, -1)]}],
		['a balance with no cap above the default floor', {windows: [], credit: credit(30)}],
		['a balance under a floor the user lowered', {windows: [], credit: credit(3), lowBalance: 1}],
	] as const)('is undefined when nothing is low: %s', (_name, headroom) => {
		expect(explainLow('openai', ok(), headroom as Headroom)).toBeUndefined();
	});

	it('leaves a denial alone', () => {
		const denied = diagnose({provider: 'openai', status: 401, headers: {}, body: '', at: NOW});
		expect(explainLow('openai', denied, {windows: [win('requests', 'requests', 100, 1)]})).toBeUndefined();
	});
});

describe('explainFreeProbeOnly', () => {
	it.each([
		['--no-spend, nothing seen', {windows: [], probe: 'off'}, /credit and rate limits are not visible without a headroom probe, and headroom probes are off for this key \(--no-spend\)/, /balance at https:\/\/platform\.openai\.com.*billing/],
		['--no-spend, credit seen from a balance endpoint', {windows: [], credit: credit(12), probe: 'off'}, /: rate limits are not visible/, /limits at https:\/\/platform\.openai\.com\/settings\/organization\/limits/],
		['the headroom probe has not run yet', {windows: [], probe: 'pending'}, /no headroom probe has run yet/, /Wait for the headroom probe/],
	] as const)('an OK says what was not checked: %s', (_name, headroom, why, fix) => {
		const verdict = explainFreeProbeOnly('openai', ok(), headroom as Parameters<typeof explainFreeProbeOnly>[2]);
		expect(verdict.kind).toBe('ok');
		expect(verdict.title).toBe('Key accepted (free probe only)');
		expect(verdict.why).toMatch(/^OpenAI accepted the request \(HTTP 200\)\./);
		expect(verdict.why).toMatch(why);
		expect(verdict.why).toContain('A key with no credit left');
		expect(verdict.fix.join(' ')).toMatch(fix);
	});

	it('changes nothing when windows and credit were both seen, or for a denial', () => {
		const seen = ok([win('requests', 'requests', 100, 90)]);
		expect(explainFreeProbeOnly('openai', seen, {windows: seen.windows, credit: credit(5), probe: 'off'})).toBe(seen);
		const denied = diagnose({provider: 'openai', status: 401, headers: {}, body: '', at: NOW});
		expect(explainFreeProbeOnly('openai', denied, {windows: [], probe: 'off'})).toBe(denied);
	});
});

describe('explainLow with a money floor (--low-balance)', () => {
	it('says a balance is under the floor, not under a percentage', () => {
		const verdict = explainLow('deepseek', ok(), {windows: [], credit: {remaining: 3, currency: 'USD', source: 'endpoint', label: 'balance'}});
		expect(verdict?.title).toBe('Credit running low');
		expect(verdict?.why).toMatch(/running low: balance: 3 USD left, under the 5 USD LOW floor/);
		expect(verdict?.why).not.toMatch(/under 10%/);
		expect(verdict?.clears).toBe('needs_action');
	});

	it('calls a balance at zero used up', () => {
		expect(explainLow('xai', ok(), {windows: [], credit: {remaining: 0, currency: 'USD', source: 'endpoint'}})?.title).toBe('Credit used up');
	});
});

describe('money and the LOW line have one home each', () => {
	it('isMoneyUnit takes a three-letter currency code and nothing else', () => {
		for (const unit of ['USD', 'EUR', 'CNY']) expect(isMoneyUnit(unit)).toBe(true);
		for (const unit of ['tokens', 'requests', 'usd', 'US', 'USDT', '', ' USD']) expect(isMoneyUnit(unit)).toBe(false);
	});

	it('a credit in tokens has no money floor; the same figure in a currency does', () => {
		const tokens: Credit = {remaining: 1, currency: 'tokens', source: 'endpoint'};
		expect(balanceFloor(tokens)).toBeUndefined();
		expect(balanceFloor({...tokens, currency: 'USD'})).toBe(5);
	});

	it('statusOf, lowParts and explainLow all draw the line at DEFAULT_LOW_THRESHOLD when none is given', () => {
		expect(DEFAULT_LOW_THRESHOLD).toBe(0.1);
		const under = [win('requests', 'requests', 1000, 1000 * DEFAULT_LOW_THRESHOLD - 1)];
		const at = [win('requests', 'requests', 1000, 1000 * DEFAULT_LOW_THRESHOLD)];
		expect(statusOf(ok(under), under)).toBe('LOW');
		expect(statusOf(ok(at), at)).toBe('OK');
		expect(lowParts({windows: under})).toHaveLength(1);
		expect(lowParts({windows: at})).toEqual([]);
		expect(explainLow('openai', ok(under), {windows: under})?.why).toContain(`under ${DEFAULT_LOW_THRESHOLD * 100}% left`);
	});
});
