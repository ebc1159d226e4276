import {describe, expect, it} from 'vitest';
import {nextMonthStartUtc} from '../../source/diagnosis/resets.js';
import {nextMidnight} from '../../source/util/next-midnight.js';

describe('nextMidnight (Pacific)', () => {
	it.each([
		['winter (PST, UTC-8)', Date.UTC(2026, 10, 24, 12), Date.UTC(2026, 10, 25, 8)],
		['summer (PDT, UTC-7)', Date.UTC(2026, 6, 10, 12), Date.UTC(2026, 6, 11, 7)],
		['late evening Pacific, already the next UTC day', Date.UTC(2026, 6, 11, 5), Date.UTC(2026, 6, 11, 7)],
		['the day clocks fall back', Date.UTC(2026, 10, 1, 8, 30), Date.UTC(2026, 10, 2, 8)],
		['the day clocks spring forward', Date.UTC(2026, 2, 8, 9), Date.UTC(2026, 2, 9, 7)],
		['exactly at midnight: the next one', Date.UTC(2026, 10, 25, 8), Date.UTC(2026, 10, 26, 8)],
	])('%s', (_name, now, expected) => {
		expect(nextMidnight(now, 'America/Los_Angeles')).toBe(expected);
	});
});

describe('nextMonthStartUtc', () => {
	it.each([
		[Date.UTC(2026, 10, 24, 12), Date.UTC(2026, 11, 1)],
		[Date.UTC(2026, 11, 31, 23, 59), Date.UTC(2027, 0, 1)],
		[Date.UTC(2026, 1, 1, 0, 0), Date.UTC(2026, 2, 1)],
	])('%s → %s', (now, expected) => {
		expect(nextMonthStartUtc(now)).toBe(expected);
	});
});
