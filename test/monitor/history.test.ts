import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {KeyHistory, toSample} from '../../source/monitor/history.js';
import {STATUSES, type RateWindow} from '../../source/types.js';

const t0 = Date.UTC(2026, 0, 5, 12, 0, 0);

function windows(requests?: number, tokens?: number): RateWindow[] {
	return [
		{id: 'requests', limitKind: 'requests', period: 'minute', limit: 100, remaining: requests, source: 'headers'},
		{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: tokens === undefined ? undefined : 1000, remaining: tokens, source: 'headers'},
	];
}

describe('toSample', () => {
	it('keeps remaining and fraction per window, and leaves unknowns out instead of zeroing them', () => {
		const sample = toSample(t0, 'OK', windows(25, undefined), {remaining: 4.5, currency: 'USD', source: 'endpoint'});
		expect(sample).toEqual({at: t0, status: 'OK', remaining: {requests: 25}, fraction: {requests: 0.25}, credit: 4.5});
		const noLimit = toSample(t0, 'LOW', [{id: 'x', limitKind: 'unknown', period: 'unknown', remaining: 3, source: 'headers'}]);
		expect(noLimit.remaining).toEqual({x: 3});
		expect(noLimit.fraction).toEqual({});
		expect('credit' in noLimit).toBe(false);
	});

	it('clamps a fraction to [0, 1] when remaining exceeds the limit', () => {
		expect(toSample(t0, 'OK', windows(150, 2000)).fraction).toEqual({requests: 1, tokens: 1});
	});
});

describe('KeyHistory', () => {
	it('is bounded: memory does not grow with uptime', () => {
		const history = new KeyHistory(10);
		for (let i = 0; i < 1000; i++) history.record(t0 + i * 60_000, 'OK', windows(100 - (i % 100)));
		expect(history.size).toBe(10);
		expect(history.samples()[0]?.at).toBe(t0 + 990 * 60_000);
	});

	it('gives sparkline series with gaps where a value was unknown', () => {
		const history = new KeyHistory(5);
		history.record(t0, 'OK', windows(80, 500));
		history.record(t0 + 1, 'DOWN', []);
		history.record(t0 + 2, 'LOW', windows(5, 50));
		expect(history.fractions('requests')).toEqual([0.8, undefined, 0.05]);
		expect(history.statuses()).toEqual(['OK', 'DOWN', 'LOW']);
		expect(history.remainingSeries('tokens')).toEqual([{at: t0, remaining: 500}, {at: t0 + 2, remaining: 50}]);
	});

	it('forecasts a window and the credit from its samples', () => {
		const history = new KeyHistory(100);
		for (let i = 0; i < 5; i++) history.record(t0 + i * 10_000, 'OK', windows(100 - i * 10), {remaining: 10 - i, currency: 'USD', source: 'endpoint'});
		// 1 request/s, 60 left at t=40 s → empty at t=100 s; credit 0.1/s, 6 left → t=100 s.
		expect(history.forecastWindow('requests')?.exhaustedAt).toBe(t0 + 100_000);
		expect(history.forecastWindow('requests', t0 + 60_000)?.exhaustedAt).toBeUndefined();
		expect(history.forecastCredit()?.exhaustedAt).toBe(t0 + 100_000);
		expect(history.forecastWindow('tokens')).toBeUndefined();
	});

	it('round-trips through JSON and skips malformed persisted samples', () => {
		const history = new KeyHistory(3);
		history.record(t0, 'OK', windows(10, 100), {remaining: 1, currency: 'USD', source: 'endpoint'});
		history.record(t0 + 1, 'LIMITED', windows(0, 0));
		const restored = KeyHistory.from(JSON.parse(JSON.stringify(history)) as unknown[], 3);
		expect(restored.samples()).toEqual(history.samples());
		const junk = [null, 5, {at: 'x'}, {at: t0, status: 'WAT', remaining: {}, fraction: {}}, {at: t0, status: 'OK', remaining: {a: 'NaN'}, fraction: {}}];
		expect(KeyHistory.from(junk).size).toBe(0);
		const many = Array.from({length: 10}, (_, i) => ({at: t0 + i, status: 'OK', remaining: {}, fraction: {}}));
		expect(KeyHistory.from(many, 4).samples().map(s => s.at)).toEqual([6, 7, 8, 9].map(i => t0 + i));
	});
});

describe('KeyHistory storage', () => {
	const hasNaN = (value: unknown): boolean =>
		typeof value === 'number' ? Number.isNaN(value) : typeof value === 'object' && value !== null && Object.values(value).some(hasNaN);

	it('stays bounded and gives unknown values back as missing, never as NaN', () => {
		const history = new KeyHistory(4);
		const recorded = [];
		for (let i = 0; i < 50; i++) {
			// Each window comes and goes, and a window id seen once early on must not linger once it has left the ring.
			const ws: RateWindow[] = [
				{id: `w${i % 3}`, limitKind: 'requests', period: 'minute', limit: i % 5 === 0 ? undefined : 100, remaining: i % 7 === 0 ? undefined : i, source: 'headers'},
				{id: i < 5 ? 'early' : 'requests', limitKind: 'requests', period: 'minute', limit: 10, remaining: i % 2 === 0 ? Number.NaN : 3, source: 'headers'},
			];
			const credit = i % 4 === 0 ? {remaining: i / 2, currency: 'USD', source: 'endpoint' as const} : undefined;
			recorded.push(toSample(t0 + i, i % 2 === 0 ? 'OK' : 'DOWN', ws, credit));
			history.record(t0 + i, i % 2 === 0 ? 'OK' : 'DOWN', ws, credit);
		}
		expect(history.size).toBe(4);
		expect(history.samples()).toEqual(recorded.slice(-4));
		expect(history.samples().some(s => 'early' in s.remaining || 'early' in s.fraction)).toBe(false);
		expect(history.fractions('early')).toEqual([undefined, undefined, undefined, undefined]);
		expect(history.remainingSeries('early')).toEqual([]);
		expect(history.fractions('requests')).toEqual([undefined, 0.3, undefined, 0.3]);
		expect(history.creditSeries()).toEqual([{at: t0 + 48, remaining: 24}]);
		expect(history.since(t0 + 48)).toEqual(recorded.slice(-2));
		expect(history.last()).toEqual(recorded.at(-1));
		const text = JSON.stringify(history);
		expect(text).not.toContain('null');
		const restored = KeyHistory.from(JSON.parse(text) as unknown[], 4);
		expect(restored.samples()).toEqual(recorded.slice(-4));
		for (const h of [history, restored]) {
			expect(hasNaN(h.samples())).toBe(false);
			expect(hasNaN([h.fractions('w0'), h.fractions('w1'), h.fractions('w2'), h.remainingSeries('w0'), h.creditSeries()])).toBe(false);
		}
	});

	it('always equals the last `capacity` samples added, whatever windows they carry', () => {
		const value = fc.option(fc.oneof(fc.double({noNaN: true, noDefaultInfinity: true}), fc.constant(Number.NaN)), {nil: undefined});
		const windowArb = fc.record({id: fc.constantFrom('requests', 'tokens', 'x', '__proto__', 'constructor'), remaining: value, limit: value});
		const step = fc.record({status: fc.constantFrom(...STATUSES), windows: fc.array(windowArb, {maxLength: 3}), credit: value});
		fc.assert(
			fc.property(fc.integer({min: 1, max: 6}), fc.array(step, {maxLength: 30}), (capacity, steps) => {
				const history = new KeyHistory(capacity);
				const expected = steps.map((s, i) => {
					const ws = s.windows.map(w => ({...w, limitKind: 'requests', period: 'minute', source: 'headers'}) as RateWindow);
					const credit = s.credit === undefined ? undefined : {remaining: s.credit, currency: 'USD', source: 'endpoint' as const};
					history.record(t0 + i, s.status, ws, credit);
					return toSample(t0 + i, s.status, ws, credit);
				});
				const kept = expected.slice(-capacity);
				expect(history.size).toBe(kept.length);
				expect(history.samples()).toEqual(kept);
				expect(history.statuses()).toEqual(kept.map(s => s.status));
				expect(history.fractions('tokens')).toEqual(kept.map(s => (Object.hasOwn(s.fraction, 'tokens') ? s.fraction.tokens : undefined)));
				expect(KeyHistory.from(JSON.parse(JSON.stringify(history)) as unknown[], capacity).samples()).toEqual(kept);
			}),
		);
	});
});

describe('KeyHistory.countSince and sinceEvery', () => {
	const at = (i: number) => 1_000_000 + i * 60_000;
	const ring = () => {
		const history = new KeyHistory(8);
		for (let i = 0; i < 12; i++) history.add({at: at(i), status: 'OK', remaining: {requests: i}, fraction: {requests: i / 12}});
		return history;
	};

	it('counts the samples at or after a time, within what the ring holds', () => {
		expect(ring().countSince(at(0))).toBe(8);
		expect(ring().countSince(at(9))).toBe(3);
		expect(ring().countSince(at(12))).toBe(0);
	});

	it('keeps every stride-th sample counted back from the newest, oldest first, as samples() would', () => {
		const history = ring();
		expect(history.sinceEvery(at(0), 1)).toEqual(history.samples());
		expect(history.sinceEvery(at(0), 2).map(s => s.remaining['requests'])).toEqual([5, 7, 9, 11]);
		expect(history.sinceEvery(at(7), 4).map(s => s.remaining['requests'])).toEqual([7, 11]);
	});
});
