import {describe, expect, it} from 'vitest';
import {backoffDelay, exhaustedUntil, jitterFactor, MAX_PROVIDER_HOLD_MS, outcomeOf, providerDeadline, spreadOffsets} from '../../source/monitor/schedule.js';
import type {Verdict} from '../../source/types.js';

const now = Date.UTC(2026, 0, 5, 12, 0, 0);
const MINUTE = 60_000;

function verdict(extra: Partial<Verdict>): Verdict {
	return {kind: 'rate_limited', title: 't', why: 'w', fix: [], clears: 'by_itself', evidence: {status: 429, headers: {}}, windows: [], ...extra};
}

describe('jitterFactor', () => {
	it('stays within ±10%, even for a broken random source', () => {
		expect(jitterFactor(() => 0)).toBeCloseTo(0.9);
		expect(jitterFactor(() => 1)).toBeCloseTo(1.1);
		expect(jitterFactor(() => 0.5)).toBeCloseTo(1);
		expect(jitterFactor(() => 7)).toBeCloseTo(1.1);
		expect(jitterFactor(() => Number.NaN)).toBeCloseTo(1);
	});
});

describe('backoffDelay', () => {
	it('doubles from twice the interval up to the cap, drawn from the upper half of the ceiling', () => {
		const high = [1, 2, 3, 4, 5, 6, 50].map(n => backoffDelay(n, MINUTE, () => 1));
		expect(high).toEqual([2, 4, 8, 15, 15, 15, 15].map(m => m * MINUTE));
		const low = [1, 2, 3, 4].map(n => backoffDelay(n, MINUTE, () => 0));
		expect(low).toEqual([1, 2, 4, 7.5].map(m => m * MINUTE));
	});

	it('never caps below the interval itself', () => {
		expect(backoffDelay(1, 60 * MINUTE, () => 1)).toBe(60 * MINUTE);
	});
});

describe('providerDeadline', () => {
	it('takes the later of retry-after and clearsAt', () => {
		expect(providerDeadline(verdict({retryAfterSeconds: 30}), now)).toBe(now + 30_000);
		expect(providerDeadline(verdict({clearsAt: now + 90_000}), now)).toBe(now + 90_000);
		expect(providerDeadline(verdict({retryAfterSeconds: 120, clearsAt: now + 90_000}), now)).toBe(now + 120_000);
	});

	it('ignores past, missing and nonsense values, and ok verdicts', () => {
		expect(providerDeadline(verdict({}), now)).toBeUndefined();
		expect(providerDeadline(verdict({clearsAt: now - 1}), now)).toBeUndefined();
		expect(providerDeadline(verdict({retryAfterSeconds: -5}), now)).toBeUndefined();
		expect(providerDeadline(verdict({retryAfterSeconds: Number.NaN}), now)).toBeUndefined();
		expect(providerDeadline(verdict({kind: 'ok', retryAfterSeconds: 30}), now)).toBeUndefined();
	});

	it('ignores clearsAt on a verdict that needs action (it will not clear by waiting) but keeps retry-after', () => {
		expect(providerDeadline(verdict({kind: 'billing', clears: 'needs_action', clearsAt: now + MINUTE}), now)).toBeUndefined();
		expect(providerDeadline(verdict({kind: 'billing', clears: 'needs_action', retryAfterSeconds: 60}), now)).toBe(now + MINUTE);
	});

	it('clamps an absurd deadline (a unit mix-up) to about a month', () => {
		expect(providerDeadline(verdict({clearsAt: now + 50 * 365 * 24 * 60 * MINUTE}), now)).toBe(now + MAX_PROVIDER_HOLD_MS);
	});
});

describe('exhaustedUntil', () => {
	it('returns the latest reset of a window with nothing left', () => {
		const w = (remaining: number | undefined, resetAt: number | undefined) => ({id: String(resetAt), limitKind: 'requests' as const, period: 'minute' as const, remaining, resetAt, source: 'headers' as const});
		expect(exhaustedUntil([w(0, now + 5_000), w(0, now + 9_000), w(3, now + 20_000)], now)).toBe(now + 9_000);
		expect(exhaustedUntil([w(undefined, now + 5_000), w(0, undefined), w(0, now - 1)], now)).toBeUndefined();
	});
});

describe('outcomeOf', () => {
	it('sorts verdicts into ok, transient and needs action', () => {
		expect(outcomeOf(verdict({kind: 'ok'}))).toBe('ok');
		expect(outcomeOf(verdict({kind: 'overloaded'}))).toBe('transient');
		expect(outcomeOf(verdict({kind: 'invalid_key', clears: 'needs_action'}))).toBe('needs_action');
	});
});

describe('spreadOffsets', () => {
	it('spaces a few keys a fraction of a second apart and squeezes many into one interval', () => {
		const few = spreadOffsets(4, MINUTE, () => 0.5);
		expect(few).toEqual([125, 375, 625, 875]);
		const many = spreadOffsets(2000, MINUTE, () => 0.999);
		expect(Math.max(...many)).toBeLessThan(MINUTE);
		expect(many[1000]).toBeGreaterThan(29_000);
		expect(spreadOffsets(0, MINUTE, Math.random)).toEqual([]);
	});
});
