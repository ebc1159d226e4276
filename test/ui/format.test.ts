import {describe, expect, it} from 'vitest';
import {
	formatAge,
	formatClock,
	formatCount,
	formatDuration,
	formatInteger,
	formatInterval,
	formatLatency,
	formatMoney,
	formatPercent,
} from '../../source/ui/format.js';

process.env.TZ = 'UTC';

const broken = [undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe('format', () => {
	it.each([
		[0, '0'],
		[999, '999'],
		[999.4, '999'],
		[999.6, '1k'],
		[1000, '1k'],
		[1234, '1.2k'],
		[9960, '10k'],
		[12_345, '12k'],
		[999_600, '1M'],
		[3_400_000, '3.4M'],
		[2_500_000_000, '2.5B'],
		[-1500, '-1.5k'],
	])('formatCount(%s) is %s', (value, expected) => {
		expect(formatCount(value)).toBe(expected);
	});

	it.each([
		[0, '0s'],
		[-5000, '0s'],
		[400, '1s'],
		[12_000, '12s'],
		[252_000, '4m 12s'],
		[240_000, '4m 0s'],
		[3_900_000, '1h 5m'],
		[90_000_000, '1d 1h'],
	])('formatDuration(%s) is %s', (value, expected) => {
		expect(formatDuration(value)).toBe(expected);
	});

	it.each([
		[0, '0s ago'],
		[12_900, '12s ago'],
		[250_000, '4m ago'],
		[7_300_000, '2h ago'],
		[3 * 86_400_000, '3d ago'],
	])('formatAge(%s) is %s', (value, expected) => {
		expect(formatAge(value)).toBe(expected);
	});

	it.each([
		[12.345, 'USD', '$12.35'],
		[110, 'CNY', '¥110.00'],
		[1234.5, 'usd', '$1,234.50'],
		[-1.5, 'USD', '-$1.50'],
		[7, 'CHF', '7.00 CHF'],
		[1_200_000, 'tokens', '1.2M tokens'],
	])('formatMoney(%s, %s) is %s', (amount, currency, expected) => {
		expect(formatMoney(amount, currency)).toBe(expected);
	});

	it.each([
		[312.4, '312ms'],
		[1234, '1.2s'],
		[14_200, '14s'],
	])('formatLatency(%s) is %s', (value, expected) => {
		expect(formatLatency(value)).toBe(expected);
	});

	it('formats intervals, clocks, integers and percentages', () => {
		expect(formatInterval(60_000)).toBe('60s');
		expect(formatInterval(300_000)).toBe('5m');
		expect(formatClock(Date.UTC(2026, 0, 1, 9, 5, 7))).toBe('09:05:07');
		expect(formatClock(Date.UTC(2026, 0, 1, 9, 5, 7), {seconds: false})).toBe('09:05');
		expect(formatInteger(1_234_567.4)).toBe('1,234,567');
		expect(formatPercent(0.424)).toBe('42%');
	});

	it('never prints NaN, Infinity or undefined: unknown is a dash', () => {
		const formatters = [formatCount, formatDuration, formatAge, formatLatency, formatInteger, formatClock, formatPercent, formatInterval, (n: number | undefined) => formatMoney(n, 'USD')];
		for (const format of formatters) {
			for (const value of broken) expect(format(value)).toBe('—');
		}
	});
});
