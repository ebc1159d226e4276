// Fixed resets a provider documents but does not send: Gemini's daily quotas at midnight Pacific time,
// Anthropic's monthly spend cap at 00:00 UTC on the 1st. Pure: the moment comes from the caller.
import {nextMidnight} from '../util/next-midnight.js';

export type FixedReset = 'day_start_pacific' | 'month_start_utc';

/** 00:00 UTC on the 1st of the month after `now`. */
export function nextMonthStartUtc(now: number): number {
	const d = new Date(now);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export function fixedResetAt(reset: FixedReset, now: number): number {
	return reset === 'day_start_pacific' ? nextMidnight(now, 'America/Los_Angeles') : nextMonthStartUtc(now);
}

export function fixedResetWords(reset: FixedReset): string {
	return reset === 'day_start_pacific' ? 'midnight Pacific time' : '00:00 UTC on the 1st of next month';
}
