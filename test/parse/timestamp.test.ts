import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {MAX_EPOCH_RESET_AHEAD_MS, MAX_TIMESTAMP_DISTANCE_MS, parseEpochReset, parseTimestamp} from '../../source/parse/timestamp.js';

const now = Date.UTC(2025, 7, 21, 12, 40, 0);

describe('parseTimestamp', () => {
	it.each([
		['2025-08-21T12:40:59Z', Date.UTC(2025, 7, 21, 12, 40, 59)],
		['2025-08-21T12:40:59.5Z', Date.UTC(2025, 7, 21, 12, 40, 59, 500)],
		['2025-08-21t12:40:59z', Date.UTC(2025, 7, 21, 12, 40, 59)],
		['2025-08-21 12:40:59Z', Date.UTC(2025, 7, 21, 12, 40, 59)],
		['2025-08-21T14:40:59+02:00', Date.UTC(2025, 7, 21, 12, 40, 59)],
		['2025-08-21T07:40:59-05:00', Date.UTC(2025, 7, 21, 12, 40, 59)],
		['2025-08-21T12:39:59Z', Date.UTC(2025, 7, 21, 12, 39, 59)],
		['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
	])('reads %s', (text, at) => {
		expect(parseTimestamp(text, text.startsWith('2024') ? Date.UTC(2024, 1, 28) : now)).toBe(at);
	});

	it.each([
		['2025-02-30T00:00:00Z'],
		['2025-02-29T00:00:00Z'],
		['2025-13-01T00:00:00Z'],
		['2025-00-10T00:00:00Z'],
		['2025-04-31T00:00:00Z'],
		['2025-08-21T24:00:00Z'],
		['2025-08-21T12:60:00Z'],
		['2025-08-21T12:40:61Z'],
		['2025-08-21T12:40:59'],
		['2025-08-21T12:40:59+25:00'],
		['2025-08-21'],
		['1755780059'],
		['yesterday'],
		[''],
	])('rejects %j', text => {
		expect(parseTimestamp(text, now)).toBeUndefined();
	});

	it('rejects timestamps more than a year from now', () => {
		expect(parseTimestamp('2027-08-21T12:40:59Z', now)).toBeUndefined();
		expect(parseTimestamp('1999-08-21T12:40:59Z', now)).toBeUndefined();
	});

	it('takes the latest of repeated values', () => {
		expect(parseTimestamp(['2025-08-21T12:40:10Z', '2025-08-21T12:40:59Z', 'x'], now)).toBe(Date.UTC(2025, 7, 21, 12, 40, 59));
	});

	it('never throws; results lie within a year of now', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.date({min: new Date(0), max: new Date(Date.UTC(2100, 0)), noInvalidDate: true}).map(d => d.toISOString()),
					fc.array(fc.string()),
				),
				value => {
					const at = parseTimestamp(value, now);
					if (at !== undefined) {
						expect(Number.isFinite(at)).toBe(true);
						expect(Math.abs(at - now)).toBeLessThanOrEqual(MAX_TIMESTAMP_DISTANCE_MS);
					}
				},
			),
		);
	});

	it('round-trips any ISO date near now', () => {
		fc.assert(
			fc.property(fc.integer({min: -300 * 86_400_000, max: 300 * 86_400_000}), delta => {
				const at = now + delta;
				expect(parseTimestamp(new Date(at).toISOString(), now)).toBe(at);
			}),
		);
	});
});

describe('parseEpochReset', () => {
	const inAMinute = now + 60_000;

	it('reads seconds and milliseconds by magnitude', () => {
		expect(parseEpochReset(String(inAMinute), now)).toBe(inAMinute);
		expect(parseEpochReset(String(inAMinute / 1000), now)).toBe(inAMinute);
		expect(parseEpochReset(`${inAMinute / 1000}.5`, now)).toBe(inAMinute + 500);
	});

	it('rejects unit mix-ups and non-epochs', () => {
		expect(parseEpochReset(String(inAMinute * 1000), now)).toBeUndefined();
		expect(parseEpochReset(String(now + MAX_EPOCH_RESET_AHEAD_MS + 1000), now)).toBeUndefined();
		expect(parseEpochReset(String(now - 2 * 86_400_000), now)).toBeUndefined();
		expect(parseEpochReset('60', now)).toBeUndefined();
		expect(parseEpochReset('-1755780059', now)).toBeUndefined();
		expect(parseEpochReset('soon', now)).toBeUndefined();
		expect(parseEpochReset('', now)).toBeUndefined();
	});

	it('accepts a reset slightly in the past (clock skew)', () => {
		expect(parseEpochReset(String(now - 5000), now)).toBe(now - 5000);
	});

	it('never throws; results are finite and within bounds', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.double().map(String), fc.nat().map(String), fc.array(fc.string())), value => {
				const at = parseEpochReset(value, now);
				if (at !== undefined) {
					expect(Number.isFinite(at)).toBe(true);
					expect(at - now).toBeLessThanOrEqual(MAX_EPOCH_RESET_AHEAD_MS);
				}
			}),
		);
	});
});
