import {describe, expect, it} from 'vitest';
import {renderCheckTable} from '../../source/commands/check-table.js';
import {publishedLimits} from '../../source/providers/published.js';
import {DEFAULT_LOW_THRESHOLD, isMoneyUnit} from '../../source/diagnosis/working-key.js';
import type {KeyState} from '../../source/types.js';
import {countText, headroomCell, moneyCell, moneyVariants, periodSuffix} from '../../source/ui/key-cells.js';
import {REQUEST_KINDS, TOKEN_KINDS, tightestWindow} from '../../source/ui/key-view.js';
import {colorTheme, noColorTheme} from '../../source/ui/theme.js';
import {MINUTE, T0, makeKey, verdict, win} from './fixtures.js';

const text = (segments: Array<{text: string}>) => segments.map(s => s.text).join('');

function checkRow(key: KeyState): string {
	const out = renderCheckTable({keys: [key], paused: false, intervalMs: MINUTE, startedAt: T0}, T0);
	return out.split('\n')[1] ?? '';
}

describe('headroom counts name their window, in the live table and in check alike', () => {
	const groq = makeKey({
		id: 'groq-agent',
		provider: 'groq',
		windows: [win({id: 'requests', period: 'day', limit: 14_400, remaining: 14_399}), win({id: 'tokens', limitKind: 'tokens', limit: 18_000, remaining: 18_000})],
	});

	it('marks a per-day window /d and a per-month one /mo; per-minute windows stay bare', () => {
		expect(periodSuffix('day')).toBe('/d');
		expect(periodSuffix('month')).toBe('/mo');
		expect(periodSuffix('minute')).toBe('');
		expect(countText(win({id: 'tokens-month', limitKind: 'tokens', period: 'month', limit: 1e9, remaining: 87e7}))).toBe('870M/1B/mo');
	});

	it('Groq’s request window reads 14k/14k/d in both', () => {
		const live = text(headroomCell(groq, tightestWindow(groq.windows, REQUEST_KINDS), 22, noColorTheme, true)).trim();
		expect(live.startsWith('14k/14k/d ')).toBe(true);
		expect(checkRow(groq)).toMatch(/groq +OK +14k\/14k\/d +18k\/18k +/);
		expect(text(headroomCell(groq, tightestWindow(groq.windows, TOKEN_KINDS), 22, noColorTheme, true)).trim().startsWith('18k/18k ')).toBe(true);
	});

	it('keeps the mark in a compact column and drops it only when the count alone does not fit', () => {
		const window = win({id: 'requests', period: 'day', limit: 5_000, remaining: 1_200});
		const key = makeKey({id: 'k', windows: [window]});
		expect(text(headroomCell(key, window, 11, noColorTheme, false))).toBe('1.2k/5k/d');
		expect(text(headroomCell(key, window, 13, noColorTheme, true))).toMatch(/^1\.2k\/5k\/d /);
		expect(text(headroomCell(key, window, 7, noColorTheme, false))).toBe('1.2k/5k');
	});
});

describe('the money cell', () => {
	it('a balance with no limit under the money floor shows as low', () => {
		const key = makeKey({id: 'ds', provider: 'deepseek', status: 'LOW', credit: {remaining: 3, currency: 'USD', source: 'endpoint', label: 'balance'}, lowBalance: 5});
		expect(moneyCell(key, 10, colorTheme)).toEqual({text: '$3.00', style: colorTheme.status.low});
		expect(moneyCell({...key, lowBalance: 1}, 10, colorTheme).style).toBeUndefined();
	});

	it('a Gemini key on a declared tier shows the published spend limit, dim, never as credit', () => {
		const key = makeKey({id: 'gem', provider: 'gemini', verdict: verdict('ok'), published: publishedLimits('gemini', 'tier 1')});
		expect(moneyVariants(key)).toEqual(['≤$10/10m']);
		expect(moneyCell(key, 10, colorTheme)).toEqual({text: '≤$10/10m', style: colorTheme.text.dim});
		expect(checkRow(key)).toContain('≤$10/10m');
		expect(moneyVariants({...key, published: publishedLimits('gemini', 'free')})).toEqual(['—']);
	});
});

describe('the cells judge money and LOW by diagnosis’ rules', () => {
	it('a window just under DEFAULT_LOW_THRESHOLD draws a low bar; one at it does not', () => {
		const under = win({id: 'requests', limit: 1000, remaining: 1000 * DEFAULT_LOW_THRESHOLD - 1});
		const at = win({id: 'requests', limit: 1000, remaining: 1000 * DEFAULT_LOW_THRESHOLD});
		expect(headroomCell(makeKey({id: 'u', windows: [under]}), under, 22, colorTheme, true).at(-1)?.style).toBe(colorTheme.bar.low);
		expect(headroomCell(makeKey({id: 'a', windows: [at]}), at, 22, colorTheme, true).at(-1)?.style).toBe(colorTheme.bar.full);
	});

	it('a published limit counted in tokens is not shown as money', () => {
		const published = publishedLimits('gemini', 'tier 1');
		expect(published).toBeDefined();
		if (!published) return;
		const key = makeKey({id: 'gem', provider: 'gemini', verdict: verdict('ok'), published: {...published, limits: published.limits.filter(l => !isMoneyUnit(l.unit))}});
		expect(moneyVariants(key)).toEqual(['—']);
	});
});
