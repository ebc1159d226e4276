import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {MAX_DURATION_MS, parseDuration, parseResetDelay} from '../../source/parse/duration.js';

describe('parseDuration', () => {
	it.each([
		['6m0s', 360_000],
		['1s', 1000],
		['12ms', 12],
		['9ms', 9],
		['20ms', 20],
		['0s', 0],
		['0', 0],
		['9m38.016s', 578_016],
		['1.984999999s', 1985],
		['1m47.5854s', 107_585],
		['2m59.56s', 179_560],
		['7.66s', 7660],
		['50.597142857s', 50_597],
		['1h2m3.5s', 3_723_500],
		['120ms', 120],
		['500us', 1],
		['1500µs', 2],
		['26s', 26_000],
		['"26s"', 26_000],
		['  6m0s ', 360_000],
		['+1s', 1000],
		['.5s', 500],
	])('reads %s as %d ms', (text, ms) => {
		expect(parseDuration(text)).toBe(ms);
	});

	it.each([
		['soon'],
		[''],
		['   '],
		['-1s'],
		['-1'],
		['1'],
		['12'],
		['1x'],
		['s'],
		['m5'],
		['1.2.3s'],
		['1e3s'],
		['NaN'],
		['Infinity'],
		['1d'],
		['6m 0s'],
		['9999999999h'],
		[`${'9'.repeat(400)}s`],
		['"26s'],
	])('rejects %j', text => {
		expect(parseDuration(text)).toBeUndefined();
	});

	it('rejects durations longer than a year', () => {
		expect(parseDuration('8784h')).toBe(MAX_DURATION_MS);
		expect(parseDuration('8785h')).toBeUndefined();
	});

	it('takes the longest of repeated values and ignores broken ones', () => {
		expect(parseDuration(['1s', '6m0s', 'junk'])).toBe(360_000);
		expect(parseDuration(['junk', ''])).toBeUndefined();
		expect(parseDuration(undefined)).toBeUndefined();
		expect(parseDuration([])).toBeUndefined();
	});
});

describe('parseResetDelay', () => {
	it.each([
		['0', 0],
		['2', 2000],
		['0.5', 500],
		['7.66s', 7660],
		['6m0s', 360_000],
	])('reads %s as %d ms', (text, ms) => {
		expect(parseResetDelay(text)).toBe(ms);
	});

	it.each([['-1'], ['abc'], ['1e3'], ['']])('rejects %j', text => {
		expect(parseResetDelay(text)).toBeUndefined();
	});
});

describe('duration properties', () => {
	const goDuration = fc
		.array(
			fc.tuple(
				fc.oneof(fc.nat({max: 10_000}).map(String), fc.tuple(fc.nat({max: 999}), fc.nat({max: 999_999_999})).map(([a, b]) => `${a}.${b}`)),
				fc.constantFrom('h', 'm', 's', 'ms', 'us', 'ns'),
			),
			{minLength: 1, maxLength: 4},
		)
		.map(parts => parts.map(([n, u]) => `${n}${u}`).join(''));

	it('never throws and yields undefined or a finite, non-negative, bounded integer', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), goDuration, fc.array(fc.string())), value => {
				for (const parse of [parseDuration, parseResetDelay]) {
					const ms = parse(value);
					if (ms !== undefined) {
						expect(Number.isInteger(ms)).toBe(true);
						expect(ms).toBeGreaterThanOrEqual(0);
						expect(ms).toBeLessThanOrEqual(MAX_DURATION_MS);
					}
				}
			}),
		);
	});

	it('reads whole seconds exactly', () => {
		fc.assert(
			fc.property(fc.nat({max: 59}), fc.nat({max: 59}), fc.nat({max: 23}), (s, m, h) => {
				expect(parseDuration(`${h}h${m}m${s}s`)).toBe(((h * 60 + m) * 60 + s) * 1000);
			}),
		);
	});
});
