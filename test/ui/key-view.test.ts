import {describe, expect, it} from 'vitest';
import {bar, sparkline} from '../../source/ui/bars.js';
import {keyColumns} from '../../source/ui/key-columns.js';
import {
	REQUEST_KINDS,
	TOKEN_KINDS,
	hasNoHeadroomData,
	headroomHistory,
	isHeld,
	isStale,
	nextReset,
	tightestWindow,
	windowName,
} from '../../source/ui/key-view.js';
import {toSegments} from '../../source/ui/text.js';
import {noColorTheme} from '../../source/ui/theme.js';
import type {KeyState} from '../../source/types.js';
import {MINUTE, T0, makeKey, reading, sampleKeys, verdict, win} from './fixtures.js';

const cell = (key: KeyState, column: string, now = T0, width = 13) => {
	const def = keyColumns({now, intervalMs: MINUTE, theme: noColorTheme}).find(c => c.key === column);
	return toSegments(def?.render(key, 0, width) ?? '').map(s => s.text).join('');
};

describe('what the view derives from a key', () => {
	it('picks the window with the least left, per kind', () => {
		const windows = [
			win({id: 'rpm', limit: 100, remaining: 50}),
			win({id: 'rpd', period: 'day', limit: 1000, remaining: 100}),
			win({id: 'tpm', limitKind: 'tokens', limit: 1000, remaining: 900}),
			win({id: 'itpm', limitKind: 'input_tokens', limit: 1000, remaining: 300}),
		];
		expect(tightestWindow(windows, REQUEST_KINDS)?.id).toBe('rpd');
		expect(tightestWindow(windows, TOKEN_KINDS)?.id).toBe('itpm');
		expect(tightestWindow([win({id: 'x', remaining: 5})], REQUEST_KINDS)?.id).toBe('x');
		expect(tightestWindow([], REQUEST_KINDS)).toBeUndefined();
	});

	it('counts down to the soonest reset ahead, or to when a limited key clears', () => {
		const key = makeKey({id: 'k', windows: [win({id: 'a', resetAt: T0 + 30_000}), win({id: 'b', resetAt: T0 + 5000}), win({id: 'c', resetAt: T0 - 1000})]});
		expect(nextReset(key, T0)).toBe(T0 + 5000);
		expect(nextReset(key, T0 + 10_000)).toBe(T0 + 30_000);
		expect(nextReset(key, T0 + 60_000)).toBe(T0 + 30_000);
		const limited = makeKey({id: 'l', status: 'LIMITED', verdict: verdict('rate_limited', {clears: 'by_itself', clearsAt: T0 + 42_000}), windows: [win({id: 'a', resetAt: T0 + 1000})]});
		expect(nextReset(limited, T0)).toBe(T0 + 42_000);
		expect(nextReset(makeKey({id: 'n'}), T0)).toBeUndefined();
	});

	it('renders the reset countdown from the absolute deadline and the injected now', () => {
		const key = makeKey({id: 'k', windows: [win({id: 'a', limit: 10, remaining: 1, resetAt: T0 + 252_000})]});
		expect(cell(key, 'reset', T0)).toBe('4m 12s');
		expect(cell(key, 'reset', T0 + 1000)).toBe('4m 11s');
		expect(cell(key, 'reset', T0 + 252_000)).toBe('now');
	});

	it('marks a reading stale past twice the poll interval', () => {
		const key = makeKey({id: 'k', checkedAt: T0});
		expect(isStale(key, T0 + 2 * MINUTE, MINUTE)).toBe(false);
		expect(isStale(key, T0 + 2 * MINUTE + 1, MINUTE)).toBe(true);
		expect(cell(key, 'age', T0 + 30_000, 9)).toBe('30s ago');
		expect(cell(key, 'age', T0 + 5 * MINUTE, 9)).toBe('stale 5m');
		expect(isStale(makeKey({id: 'c', checkedAt: undefined}), T0, MINUTE)).toBe(false);
	});

	it('shows an old reading of a key left alone on purpose (next probe booked) as held, not stale', () => {
		const held = makeKey({id: 'h', checkedAt: T0, nextProbeAt: T0 + 3 * 3600_000});
		expect(isStale(held, T0 + 5 * MINUTE, MINUTE)).toBe(false);
		expect(isHeld(held, T0 + 5 * MINUTE, MINUTE)).toBe(true);
		expect(cell(held, 'age', T0 + 5 * MINUTE, 9)).toBe('held 5m');
		// Young readings show their age; once the booked probe is overdue the reading is stale.
		expect(cell(held, 'age', T0 + 30_000, 9)).toBe('30s ago');
		expect(isHeld(held, T0 + 3 * 3600_000 + 1, MINUTE)).toBe(false);
		expect(cell(held, 'age', T0 + 3 * 3600_000 + 1, 9)).toBe('stale 3h');
	});

	it('shows headroom as remaining/limit with a bar, and unknown as a dash', () => {
		const key = makeKey({id: 'k', windows: [win({id: 'r', limit: 5000, remaining: 1200})]});
		expect(cell(key, 'requests')).toBe('  1.2k/5k ▊  ');
		expect(cell(makeKey({id: 'u', windows: [win({id: 'r', limit: 5000})]}), 'requests').trim()).toBe('—/5k');
		expect(cell(makeKey({id: 'n'}), 'tokens')).toBe('—');
		expect(cell(makeKey({id: 'e', windows: [win({id: 'r', limit: 100, remaining: 40, source: 'estimate'})]}), 'requests')).toContain('~40/100');
	});

	it('says "no headers" only for providers that send none (Gemini, DeepSeek); "—" for other keys without windows', () => {
		const [, , , trial, invalid, busy, , checking] = sampleKeys();
		expect(invalid && hasNoHeadroomData(invalid)).toBe(true);
		for (const key of [invalid, busy]) {
			expect(key && cell(key, 'requests')).toBe('—');
			expect(key && cell(key, 'credit', T0, 10)).toBe('—');
		}
		expect(checking && cell(checking, 'requests')).toBe('—');
		for (const provider of ['gemini', 'deepseek'] as const) {
			const key = makeKey({id: provider, provider, status: 'DENIED'});
			expect(cell(key, 'requests')).toBe('no headers');
			expect(cell(key, 'tokens')).toBe('no headers');
			expect(cell(key, 'requests', T0, 9)).toBe('no hdrs');
		}
		for (const provider of ['openai', 'anthropic', 'openrouter', 'groq', 'mistral', 'xai', 'azure_openai', 'together', 'openai_compatible'] as const) {
			expect(cell(makeKey({id: provider, provider}), 'requests')).toBe('—');
		}
		expect(trial && cell(trial, 'credit', T0, 10)).toBe('$0.00');
		expect(cell(makeKey({id: 'y', credit: {remaining: 110, currency: 'CNY', source: 'endpoint'}}), 'credit', T0, 10)).toBe('¥110.00');
	});

	it('shows the limits a Gemini 429 named (from the body) in the headroom columns', () => {
		const key = makeKey({
			id: 'gemini-free',
			provider: 'gemini',
			status: 'LIMITED',
			windows: [win({id: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier:gemini-2.5-flash', period: 'day', limit: 250, remaining: 0, source: 'body'})],
		});
		expect(cell(key, 'requests').trim()).toBe('0/250/d');
		expect(cell(key, 'tokens')).toBe('no headers');
	});

	it('builds the headroom history from recent readings, skipping readings without numbers', () => {
		const recent = [
			reading(T0 - 3000, {windows: [win({id: 'a', limit: 100, remaining: 80}), win({id: 'b', limit: 10, remaining: 5})]}),
			reading(T0 - 2000),
			reading(T0 - 1000, {windows: [win({id: 'a', limit: 100, remaining: 100})]}),
		];
		expect(headroomHistory(recent)).toEqual([0.5, 1]);
	});

	it('names windows in words', () => {
		expect(windowName(win({id: 'x', limitKind: 'input_tokens', period: 'minute'}))).toBe('input tokens per minute');
		expect(windowName(win({id: 'tokens-month', limitKind: 'unknown', period: 'month'}))).toBe('tokens-month per month');
	});
});

describe('bars and sparklines', () => {
	it.each([
		[1, 3, '███'],
		[0, 3, '   '],
		[0.5, 3, '█▌ '],
		[undefined, 3, '   '],
		[Number.NaN, 2, '  '],
		[2, 2, '██'],
	])('bar(%s, %i) is %j', (fraction, width, expected) => {
		expect(bar(fraction, width)).toBe(expected);
	});

	it('draws the newest values at the right edge', () => {
		expect(sparkline([0, 0.5, 1], 5)).toBe('  ▁▅█');
		expect(sparkline([0, 0.5, 1, 1], 2)).toBe('██');
		expect(sparkline([], 3)).toBe('   ');
	});
});

describe('isStale and booked probes', () => {
	it('does not call a key stale while its next probe is booked in the future (waiting for a reset or backoff)', async () => {
		const {isStale} = await import('../../source/ui/key-view.js');
		const base = {id: 'a', name: 'a', provider: 'openai', masked: 'sk-…abcd', secretSource: 'env X', status: 'LIMITED', windows: [], recent: [], probing: false} as const;
		const now = 1_000_000;
		expect(isStale({...base, checkedAt: now - 50_000}, now, 10_000)).toBe(true);
		expect(isStale({...base, checkedAt: now - 50_000, nextProbeAt: now + 5_000}, now, 10_000)).toBe(false);
		expect(isStale({...base, checkedAt: now - 50_000, nextProbeAt: now - 1}, now, 10_000)).toBe(true);
		expect(isStale({...base, checkedAt: now - 5_000}, now, 10_000)).toBe(false);
	});
});
