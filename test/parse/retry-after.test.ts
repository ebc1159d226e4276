import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {MAX_RETRY_AFTER_MS, parseHttpDate, parseRetryAfter} from '../../source/parse/retry-after.js';

const now = Date.UTC(2015, 9, 21, 7, 28, 0);

describe('parseRetryAfter', () => {
	it.each([
		['16', now + 16_000],
		['0', now],
		['3.7', now + 3700],
		[' 2 ', now + 2000],
		['86400', now + 86_400_000],
		['Wed, 21 Oct 2015 07:28:30 GMT', now + 30_000],
		['Wednesday, 21-Oct-15 07:28:30 GMT', now + 30_000],
		['Wed Oct 21 07:28:30 2015', now + 30_000],
		['Wed Oct  1 07:28:30 2015', now],
	])('reads %j', (value, at) => {
		expect(parseRetryAfter(value, now)).toBe(at);
	});

	it('treats a date already past as "now"', () => {
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(now);
	});

	it.each([['-5'], ['1e12'], ['86401'], ['soon'], [''], ['NaN'], ['Infinity'], ['Wed, 30 Feb 2015 07:28:30 GMT'], ['Wed, 21 Oct 2015 07:28:30 PST'], ['Thu, 22 Oct 2015 07:28:01 GMT']])(
		'rejects %j',
		value => {
			expect(parseRetryAfter(value, now)).toBeUndefined();
		},
	);

	it('takes the latest of repeated headers, skipping broken ones', () => {
		expect(parseRetryAfter(['5', '10'], now)).toBe(now + 10_000);
		expect(parseRetryAfter('5, 10', now)).toBe(now + 10_000);
		expect(parseRetryAfter(['-5', 'x', '7'], now)).toBe(now + 7000);
		expect(parseRetryAfter(['Wed, 21 Oct 2015 07:28:30 GMT', '5'], now)).toBe(now + 30_000);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('never throws; results lie in [now, now + 1 day]', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.integer().map(String),
					fc.double().map(String),
					fc.string(),
					fc.date({noInvalidDate: true}).map(d => d.toUTCString()),
					fc.array(fc.oneof(fc.string(), fc.integer().map(String))),
				),
				value => {
					const at = parseRetryAfter(value, now);
					if (at !== undefined) {
						expect(Number.isFinite(at)).toBe(true);
						expect(at).toBeGreaterThanOrEqual(now);
						expect(at).toBeLessThanOrEqual(now + MAX_RETRY_AFTER_MS);
					}
				},
			),
		);
	});

	it('round-trips toUTCString dates within a day', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 86_400}), seconds => {
				expect(parseRetryAfter(new Date(now + seconds * 1000).toUTCString(), now)).toBe(now + seconds * 1000);
			}),
		);
	});
});

describe('parseHttpDate', () => {
	it('rejects days that do not exist', () => {
		expect(parseHttpDate('Sat, 29 Feb 2025 00:00:00 GMT', now)).toBeUndefined();
		expect(parseHttpDate('Thu, 29 Feb 2024 00:00:00 GMT', now)).toBe(Date.UTC(2024, 1, 29));
	});
});
