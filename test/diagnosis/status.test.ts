import {describe, expect, it} from 'vitest';
import {statusOf} from '../../source/diagnosis/status.js';
import {type Credit, type RateWindow, type Verdict, type VerdictKind, VERDICT_KINDS} from '../../source/types.js';

const verdict = (kind: VerdictKind, clears: Verdict['clears'] = 'needs_action'): Verdict => ({kind, title: '', why: '', fix: [], clears, evidence: {status: 200, headers: {}}, windows: []});
const win = (limit: number | undefined, remaining: number | undefined): RateWindow => ({id: 'requests', limitKind: 'requests', period: 'minute', limit, remaining, source: 'headers'});
const credit = (remaining: number | undefined, limit?: number): Credit => ({remaining, limit, currency: 'USD', source: 'endpoint'});

describe('statusOf', () => {
	it('is CHECKING before any verdict', () => {
		expect(statusOf(undefined, [])).toBe('CHECKING');
	});

	const expected: Record<VerdictKind, string> = {
		ok: 'OK',
		rate_limited: 'LIMITED',
		overloaded: 'DOWN',
		outage: 'DOWN',
		network: 'DOWN',
		invalid_key: 'DENIED',
		quota_exhausted: 'DENIED',
		billing: 'DENIED',
		model_access: 'DENIED',
		permission: 'DENIED',
		verification_required: 'DENIED',
		region_blocked: 'DENIED',
		suspended: 'DENIED',
		content_policy: 'DENIED',
		bad_request: 'DENIED',
		unknown: 'DENIED',
	};

	it.each(VERDICT_KINDS.map(kind => [kind, expected[kind]] as const))('%s → %s', (kind, status) => {
		expect(statusOf(verdict(kind), [])).toBe(status);
	});

	it('shows an unknown answer that clears by itself (an unreadable 2xx from something in between) as DOWN', () => {
		expect(statusOf(verdict('unknown', 'by_itself'), [])).toBe('DOWN');
	});

	it.each([
		['under 10% left in a window', [win(100, 9)], undefined, 'LOW'],
		['exactly 10% left', [win(100, 10)], undefined, 'OK'],
		['plenty left', [win(100, 90)], undefined, 'OK'],
		['any one window low', [win(100, 90), win(1000, 5)], undefined, 'LOW'],
		['unknown remaining is not low', [win(100, undefined)], undefined, 'OK'],
		['a limit of 0 is ignored', [win(0, 0)], undefined, 'OK'],
		["Azure's -1 sentinel is ignored", [win(-1, -1)], undefined, 'OK'],
		['credit under 10% of its cap', [], credit(5, 100), 'LOW'],
		['credit with room', [], credit(50, 100), 'OK'],
		['a balance of zero with no cap', [], credit(0), 'LOW'],
		['a balance with no cap above the default 5 floor', [], credit(30), 'OK'],
		['a balance with no cap under the default 5 floor', [], credit(3), 'LOW'],
		['unknown credit', [], credit(undefined), 'OK'],
	] as const)('a working key with %s is %s', (_name, windows, c, status) => {
		expect(statusOf(verdict('ok'), [...windows], c)).toBe(status);
	});

	it('honours a custom threshold', () => {
		expect(statusOf(verdict('ok'), [win(100, 20)], undefined, 0.25)).toBe('LOW');
		expect(statusOf(verdict('ok'), [win(100, 20)], undefined, 0.1)).toBe('OK');
	});

	it('honours a money floor (--low-balance), for balances with or without a limit, but not for token quotas', () => {
		expect(statusOf(verdict('ok'), [], credit(30), 0.1, 50)).toBe('LOW');
		expect(statusOf(verdict('ok'), [], credit(3), 0.1, 1)).toBe('OK');
		expect(statusOf(verdict('ok'), [], credit(4, 100), 0.01, 5)).toBe('LOW');
		expect(statusOf(verdict('ok'), [], credit(40, 100), 0.1)).toBe('OK');
		expect(statusOf(verdict('ok'), [], {remaining: 3, limit: 1000, currency: 'tokens', source: 'headers'}, 0.001, 5)).toBe('OK');
	});

	it('reads LOW when under the threshold of a monthly budget is left, or the budget is spent', () => {
		const spend = (used: number, budget: number) => ({month: '2026-12', used, budget, left: budget - used, currency: 'USD', source: 'endpoint' as const});
		expect(statusOf(verdict('ok'), [], undefined, undefined, undefined, spend(440, 500))).toBe('OK');
		expect(statusOf(verdict('ok'), [], undefined, undefined, undefined, spend(460.5, 500))).toBe('LOW');
		expect(statusOf(verdict('ok'), [], undefined, undefined, undefined, spend(600, 500))).toBe('LOW');
		expect(statusOf(verdict('ok'), [], undefined, 0.05, undefined, spend(460.5, 500))).toBe('OK');
	});

	it('does not let low headroom hide a denial', () => {
		expect(statusOf(verdict('invalid_key'), [win(100, 1)])).toBe('DENIED');
	});
});
