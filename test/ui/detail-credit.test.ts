// The credit section of the detail pane and the published limits under Windows.
import {describe, expect, it} from 'vitest';
import {publishedLimits} from '../../source/providers/published.js';
import type {KeyState} from '../../source/types.js';
import {detailLines} from '../../source/ui/detail-lines.js';
import {noColorTheme} from '../../source/ui/theme.js';
import {MINUTE, T0, makeKey, verdict} from './fixtures.js';

function pane(key: KeyState, width = 140): string[] {
	return detailLines(key, {now: T0, width, theme: noColorTheme, intervalMs: MINUTE}).map(line => line.map(s => s.text).join('').trimEnd());
}

function section(lines: string[], heading: string): string[] {
	const start = lines.indexOf(heading);
	if (start < 0) return [];
	const end = lines.findIndex((line, i) => i > start && /^[A-Z]/.test(line));
	return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('detail pane: credit', () => {
	it('shows a key’s own limit, its usage today, this week and this month, and the account’s credits beside it', () => {
		const key = makeKey({
			id: 'openrouter-app',
			provider: 'openrouter',
			status: 'LOW',
			verdict: verdict('ok', {clears: 'needs_action'}),
			credit: {remaining: 0.5, limit: 10, used: 9.5, currency: 'USD', source: 'endpoint', label: 'key limit (monthly)', scope: 'key', usage: {day: 0.95, week: 3.8, month: 9.5}},
			accountCredit: {remaining: 74.75, limit: 100.5, used: 25.75, currency: 'USD', source: 'endpoint', label: 'account credits', scope: 'account'},
		});
		expect(section(pane(key), 'Credit')).toEqual([
			'  key limit (monthly): $0.50 left of $10.00 · used $9.50  from endpoint',
			'    usage: today $0.95 · this week $3.80 · this month $9.50',
			'  account credits: $74.75 left of $100.50 · used $25.75  from endpoint',
		]);
	});

	it('lists every currency of a balance, and the money floor LOW is judged by', () => {
		const key = makeKey({
			id: 'deepseek-r1',
			provider: 'deepseek',
			verdict: verdict('ok', {clears: 'by_itself'}),
			lowBalance: 5,
			credit: {
				remaining: 15.5,
				currency: 'USD',
				source: 'endpoint',
				label: 'balance',
				scope: 'account',
				balances: [
					{currency: 'CNY', remaining: 110, granted: 10, toppedUp: 100},
					{currency: 'USD', remaining: 15.5, granted: 0, toppedUp: 15.5},
				],
			},
		});
		const lines = section(pane(key), 'Credit');
		expect(lines[0]).toBe('  balance: $15.50 left  from endpoint · LOW under $5.00');
		expect(lines[1]).toMatch(/^ {4}CNY +.*110\.00 left · granted .*10\.00 · topped up .*100\.00$/);
		expect(lines[2]).toBe('    USD $15.50 left · granted $0.00 · topped up $15.50');
		expect(lines).toHaveLength(3);
	});

	it('has no credit section without credit', () => {
		expect(pane(makeKey({id: 'plain', verdict: verdict('ok')}))).not.toContain('Credit');
	});
});

describe('detail pane: published limits where the no-headers note is', () => {
	it('a Gemini key on tier 1 lists the published figures as published limits, with their source', () => {
		const key = makeKey({id: 'gemini-studio', provider: 'gemini', verdict: verdict('ok'), published: publishedLimits('gemini', 'Tier 1')});
		const windows = section(pane(key, 200), 'Windows');
		expect(windows[0]).toMatch(/none: Gemini sends no rate-limit headers/);
		expect(windows[1]).toBe('  published for tier Tier 1');
		expect(windows[2]).toMatch(/^ {4}spend per 10 minutes \(rolling\) +up to \$10\.00 +published limit · ai\.google\.dev\/gemini-api\/docs\/rate-limits \(providers\.md §3\.1\)$/);
		expect(windows[3]).toMatch(/spend per month \(tier cap\) +up to \$250\.00 +published limit · .*third-party summary \(providers\.md §3\.3\)$/);
		expect(windows.join(' ')).toMatch(/per project and model/);
	});

	it('a tier with no known figures says so instead of inventing any', () => {
		const windows = section(pane(makeKey({id: 'gem-free', provider: 'gemini', verdict: verdict('ok'), published: publishedLimits('gemini', 'free')})), 'Windows');
		expect(windows[1]).toBe('  published for tier free');
		expect(windows[2]).toMatch(/no published Gemini figures for this tier/);
		expect(windows.join(' ')).not.toMatch(/up to/);
	});

	it('DeepSeek says it publishes none', () => {
		expect(section(pane(makeKey({id: 'ds', provider: 'deepseek', verdict: verdict('ok')})), 'Windows')[0]).toMatch(/publishes no rate limits/);
		const tiered = section(pane(makeKey({id: 'ds', provider: 'deepseek', verdict: verdict('ok'), published: publishedLimits('deepseek', 'paid')})), 'Windows');
		expect(tiered.join(' ')).toMatch(/DeepSeek publishes no rate limits/);
	});
});
