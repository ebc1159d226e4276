import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {forecast} from '../../source/monitor/forecast.js';

const t0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const at = (seconds: number) => t0 + seconds * 1000;

describe('forecast', () => {
	it('finds a steady burn rate and when it runs out', () => {
		// 1,000 tokens per 10 s = 100/s; 7,000 left at t=30 s → empty at t=100 s.
		const result = forecast([
			{at: at(0), remaining: 10_000},
			{at: at(10), remaining: 9_000},
			{at: at(20), remaining: 8_000},
			{at: at(30), remaining: 7_000},
		]);
		expect(result?.estimate).toBe(true);
		expect(result?.ratePerSecond).toBeCloseTo(100, 6);
		expect(result?.exhaustedAt).toBe(at(100));
	});

	it('fits a noisy series by least squares', () => {
		const result = forecast([
			{at: at(0), remaining: 100},
			{at: at(60), remaining: 90},
			{at: at(120), remaining: 78},
			{at: at(180), remaining: 70},
		]);
		// Slope = Σdx·dy / Σdx² = -3060 / 18000 = -0.17/s (dx = -90,-30,30,90; dy = 15.5,5.5,-6.5,-14.5).
		expect(result?.ratePerSecond).toBeCloseTo(0.17, 9);
		expect(result?.exhaustedAt).toBe(Math.round(at(180) + (70 / result!.ratePerSecond!) * 1000));
	});

	it('is undefined with too few samples, no elapsed time, or a flat or rising trend', () => {
		expect(forecast([])).toBeUndefined();
		expect(forecast([{at: at(0), remaining: 5}, {at: at(1), remaining: 4}])).toBeUndefined();
		expect(forecast([{at: at(0), remaining: 5}, {at: at(0), remaining: 4}, {at: at(0), remaining: 3}])).toBeUndefined();
		expect(forecast([{at: at(0), remaining: 5}, {at: at(1), remaining: 5}, {at: at(2), remaining: 5}])).toBeUndefined();
		expect(forecast([{at: at(0), remaining: 1}, {at: at(1), remaining: 2}, {at: at(2), remaining: 3}])).toBeUndefined();
	});

	it('honours minSamples', () => {
		const two = [{at: at(0), remaining: 10}, {at: at(10), remaining: 5}];
		expect(forecast(two, {minSamples: 2})?.exhaustedAt).toBe(at(20));
	});

	it('uses only the samples since the last reset or top-up', () => {
		const result = forecast([
			{at: at(0), remaining: 50},
			{at: at(10), remaining: 10},
			{at: at(20), remaining: 100}, // the window reset
			{at: at(30), remaining: 98},
			{at: at(40), remaining: 96},
		]);
		expect(result?.ratePerSecond).toBeCloseTo(0.2, 9);
		expect(result?.exhaustedAt).toBe(at(40 + 96 / 0.2));
	});

	it('gives no exhaustion time when the window resets first, but still the rate', () => {
		const samples = [{at: at(0), remaining: 100}, {at: at(10), remaining: 90}, {at: at(20), remaining: 80}];
		expect(forecast(samples, {resetAt: at(60)})).toEqual({ratePerSecond: 1, estimate: true});
		expect(forecast(samples, {resetAt: at(200)})?.exhaustedAt).toBe(at(100));
	});

	it('says exhausted now when the last sample is already at zero', () => {
		const result = forecast([{at: at(0), remaining: 20}, {at: at(10), remaining: 10}, {at: at(20), remaining: 0}]);
		expect(result?.exhaustedAt).toBe(at(20));
	});

	it('ignores unusable samples and sorts by time', () => {
		const result = forecast([
			{at: at(20), remaining: 80},
			{at: Number.NaN, remaining: 1},
			{at: at(0), remaining: 100},
			{at: at(30), remaining: Number.POSITIVE_INFINITY},
			{at: at(10), remaining: 90},
		]);
		expect(result?.exhaustedAt).toBe(at(100));
	});

	it('never returns NaN or Infinity', () => {
		const sample = fc.record({at: fc.double({min: 0, max: 4e12, noNaN: true}), remaining: fc.double({min: -1e12, max: 1e300, noNaN: true})});
		fc.assert(
			fc.property(fc.array(sample, {maxLength: 30}), samples => {
				const result = forecast(samples);
				if (!result) return;
				expect(Number.isFinite(result.ratePerSecond)).toBe(true);
				expect(result.ratePerSecond).toBeGreaterThan(0);
				if (result.exhaustedAt !== undefined) expect(Number.isFinite(result.exhaustedAt)).toBe(true);
			}),
		);
	});
});
