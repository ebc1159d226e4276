import {describe, expect, it} from 'vitest';
import {describeProbes} from '../../source/providers/registry.js';
import {App} from '../../source/ui/components/App.js';
import {detailLines} from '../../source/ui/detail-lines.js';
import {keyColumns} from '../../source/ui/key-columns.js';
import {NO_HEADER_PROVIDERS, formatMoneyShort, lowReason, rowWhy} from '../../source/ui/reasons.js';
import {ROW_GUTTER, layoutColumns} from '../../source/ui/table-layout.js';
import {toSegments} from '../../source/ui/text.js';
import {noColorTheme} from '../../source/ui/theme.js';
import {PROVIDER_IDS, type KeyState, type Spend} from '../../source/types.js';
import {MINUTE, T0, fakeMonitor, makeKey, sampleKeys, verdict, win} from './fixtures.js';
import {renderScreen} from './screen.js';

process.env.TZ = 'UTC';

const okVerdict = verdict('ok', {title: 'Key works', clears: 'by_itself', evidence: {status: 200, headers: {}}});
const spend: Spend = {month: '2026-01', used: 12.3, currency: 'USD', budget: 500, left: 487.7, source: 'endpoint'};

const cell = (key: KeyState, column: string, width: number) => {
	const def = keyColumns({now: T0, intervalMs: MINUTE, theme: noColorTheme, keys: [key]}).find(c => c.key === column);
	return toSegments(def?.render(key, 0, width) ?? '').map(s => s.text).join('');
};

const pane = (key: KeyState) =>
	detailLines(key, {now: T0, width: 100, theme: noColorTheme, intervalMs: MINUTE})
		.map(line => line.map(s => s.text).join(''))
		.join('\n');

describe('"no headers" comes from what the providers send', () => {
	it('lists exactly the providers whose adapters say they send no rate-limit headers', () => {
		const blind = new Set(describeProbes().filter(row => row.cannotSee.some(text => /sends no rate-limit headers/i.test(text))).map(row => row.provider));
		expect([...blind].sort()).toEqual(Object.keys(NO_HEADER_PROVIDERS).sort());
		expect([...blind].sort()).toEqual(['deepseek', 'gemini']);
	});

	it('the pane explains it for Gemini and DeepSeek, and only there', () => {
		for (const provider of PROVIDER_IDS) {
			const out = pane(makeKey({id: provider, provider, status: 'DENIED', verdict: verdict('invalid_key')}));
			if (provider === 'gemini') expect(out).toContain('none: Gemini sends no rate-limit headers; a limit shows here once a 429 names it');
			else if (provider === 'deepseek') expect(out).toContain('none: DeepSeek sends no rate-limit headers');
			else expect(out).toMatch(/^Windows\n {2}none reported yet$/m);
		}
	});

	it('the pane shows the windows a Gemini 429 decoded from its body', () => {
		const key = makeKey({
			id: 'gemini-free',
			provider: 'gemini',
			status: 'LIMITED',
			verdict: verdict('rate_limited', {clears: 'by_itself'}),
			windows: [win({id: 'RequestsPerDay-FreeTier', period: 'day', limit: 250, remaining: 0, resetAt: T0 + 3_600_000, source: 'body'})],
		});
		expect(pane(key)).toMatch(/requests per day {2}0 of 250 left {2}resets 13:00:00 \(in 1h 0m\) {2}from body · RequestsPerDay-FreeTier$/m);
	});
});

describe('why a key is LOW', () => {
	it.each<[string, Partial<KeyState>, string]>([
		['the window with the least left', {windows: [win({id: 'r', limit: 500, remaining: 24}), win({id: 't', limitKind: 'tokens', limit: 1000, remaining: 500})]}, 'requests per minute 24/500 left'],
		['a daily window', {windows: [win({id: 'rpd', period: 'day', limit: 14_400, remaining: 1000})]}, 'requests per day 1,000/14,400 left'],
		['credit under its limit', {windows: [win({id: 'r', limit: 100, remaining: 90})], credit: {remaining: 0.4, limit: 10, currency: 'USD', source: 'endpoint', label: 'key limit'}}, 'key limit $0.40 of $10 left'],
		['an empty balance', {credit: {remaining: 0, currency: 'CNY', source: 'endpoint', label: 'balance'}}, 'balance ¥0.00 left'],
		['the budget', {spend: {...spend, used: 480, left: 20}}, 'budget $20.00 of $500 left'],
	])('names %s', (_what, overrides, expected) => {
		const key = makeKey({id: 'low', status: 'LOW', verdict: okVerdict, ...overrides});
		expect(lowReason(key)).toBe(expected);
		expect(rowWhy(key)).toBe(expected);
		expect(pane(key)).toContain(`Low: ${expected}`);
	});

	it('falls back to the verdict title when nothing says how much is left', () => {
		expect(rowWhy(makeKey({id: 'x', status: 'LOW', verdict: okVerdict}))).toBe('Key works');
	});

	it('has no why for OK and CHECKING keys, and the title for the rest', () => {
		const [prod, , limited, , , , , checking] = sampleKeys();
		expect(rowWhy(prod!)).toBe('');
		expect(rowWhy(checking!)).toBe('');
		expect(rowWhy(limited!)).toBe('Rate limited: input tokens per minute');
	});

	it('the row says it on a wide screen', () => {
		const key = makeKey({id: 'openai-low', status: 'LOW', verdict: okVerdict, windows: [win({id: 'r', limit: 500, remaining: 24})]});
		const screen = renderScreen(<App monitor={fakeMonitor([key])} clock={() => T0} />, {columns: 200, rows: 20});
		expect(screen.lines().find(line => line.includes('openai-low'))).toMatch(/▲ LOW .* requests per minute 24\/500 left/);
		screen.unmount();
	});
});

describe('money', () => {
	it('shows spend against the budget in the credit column, shorter as the column narrows', () => {
		const key = makeKey({id: 'spender', spend});
		expect(cell(key, 'credit', 16)).toBe('$12.30 of $500');
		expect(cell(key, 'credit', 13)).toBe('$487.70 left');
		expect(cell(key, 'credit', 10)).toBe('$487.70');
		expect(cell(makeKey({id: 'nobudget', spend: {month: '2026-01', used: 3.2, currency: 'USD', source: 'endpoint'}}), 'credit', 12)).toBe('$3.20 used');
	});

	it('widens the credit column to fit the spend when there is room, never at the cost of another column', () => {
		const placed = (keys: KeyState[], columns: number) => layoutColumns(keyColumns({now: T0, intervalMs: MINUTE, theme: noColorTheme, keys}), columns - ROW_GUTTER);
		const creditWidth = (keys: KeyState[], columns: number) => placed(keys, columns).find(p => p.column.key === 'credit')?.width;
		const spender = [makeKey({id: 'spender', spend})];
		expect(creditWidth(spender, 140)).toBe(14);
		expect(creditWidth(sampleKeys(), 140)).toBe(10);
		for (const columns of [80, 100, 120]) {
			expect(placed(spender, columns).map(p => p.column.key)).toEqual(placed(sampleKeys(), columns).map(p => p.column.key));
		}
	});

	it('shows the currency of every credit', () => {
		const credit = (remaining: number, currency: string) => cell(makeKey({id: 'c', credit: {remaining, currency, source: 'endpoint'}}), 'credit', 12);
		expect(credit(12.34, 'USD')).toBe('$12.34');
		expect(credit(110, 'CNY')).toBe('¥110.00');
		expect(credit(12.34, 'CHF')).toBe('12.34 CHF');
		expect(credit(1_200_000, 'tokens')).toBe('1.2M tokens');
	});

	it('the pane shows month, spent, budget and left', () => {
		expect(pane(makeKey({id: 'spender', spend}))).toMatch(/^Spend\n {2}2026-01: spent \$12\.30 of \$500 budget · \$487\.70 left {2}from endpoint$/m);
		expect(pane(makeKey({id: 'nobudget', spend: {month: '2026-01', used: 3.2, currency: 'USD', source: 'endpoint'}}))).toContain('2026-01: spent $3.20 (no budget set)');
	});

	it('drops only whole cents when shortening a budget', () => {
		expect(formatMoneyShort(500, 'USD')).toBe('$500');
		expect(formatMoneyShort(1500, 'USD')).toBe('$1,500');
		expect(formatMoneyShort(12.5, 'USD')).toBe('$12.50');
		expect(formatMoneyShort(100, 'CHF')).toBe('100 CHF');
	});
});
