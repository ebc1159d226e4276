import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseAmount, parseCount} from '../../source/parse/count.js';

describe('parseCount', () => {
	it.each([
		['0', 0],
		['60', 60],
		['150000000', 150_000_000],
		[' 717 ', 717],
		['007', 7],
		[String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
	])('reads %j as %d', (text, n) => {
		expect(parseCount(text)).toBe(n);
	});

	it.each([['abc'], ['-5'], ['-1'], ['1e309'], ['1e3'], ['1.5'], ['9'.repeat(25)], ['9007199254740993'], [''], [' '], ['0x10'], ['Infinity'], ['NaN'], ['12abc']])(
		'rejects %j',
		text => {
			expect(parseCount(text)).toBeUndefined();
		},
	);

	it('handles repeated values: the smallest valid one', () => {
		expect(parseCount(['50', '20'])).toBe(20);
		expect(parseCount('50, 20')).toBe(20);
		expect(parseCount(['-1', '30'])).toBe(30);
		expect(parseCount(['-1', 'x'])).toBeUndefined();
		expect(parseCount(undefined)).toBeUndefined();
	});

	it('never throws; results are non-negative safe integers', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.array(fc.string()), fc.integer().map(String), fc.double().map(String)), value => {
				const n = parseCount(value);
				if (n !== undefined) {
					expect(Number.isSafeInteger(n)).toBe(true);
					expect(n).toBeGreaterThanOrEqual(0);
				}
			}),
		);
	});
});

describe('parseAmount', () => {
	it.each([
		['110.00', 110],
		['0.5', 0.5],
		[12.25, 12.25],
		[0, 0],
	])('reads %j', (value, n) => {
		expect(parseAmount(value)).toBe(n);
	});

	it.each([[-1], ['-3.2'], ['1e5'], [Number.POSITIVE_INFINITY], [Number.NaN], ['abc'], [null], [{}], ['']])('rejects %j', value => {
		expect(parseAmount(value)).toBeUndefined();
	});

	it('never throws; results are finite and non-negative', () => {
		fc.assert(
			fc.property(fc.anything(), value => {
				const n = parseAmount(value);
				if (n !== undefined) expect(Number.isFinite(n) && n >= 0).toBe(true);
			}),
		);
	});
});
