// Fixed resets a provider documents but does not send: Gemini's daily quotas at midnight Pacific time,
// Anthropic's monthly spend cap at 00:00 UTC on the 1st. Pure: the moment comes from the caller.

export type FixedReset = 'day_start_pacific' | 'month_start_utc';

const PACIFIC = 'America/Los_Angeles';

/** Minutes `at` is ahead of UTC in `zone` (Pacific: -480 or -420), from Intl; 0 if Intl cannot say. */
function offsetMinutes(at: number, zone: string): number {
	try {
		const parts = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		}).formatToParts(new Date(at));
		const get = (type: string) => Number(parts.find(p => p.type === type)?.value);
		const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
		return Number.isFinite(wall) ? Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000) : 0;
	} catch {
		return 0;
	}
}

/** The next midnight in Pacific time after `now` (daylight saving included). */
export function nextPacificMidnight(now: number): number {
	const offset = offsetMinutes(now, PACIFIC);
	const local = new Date(now + offset * 60_000);
	const midnightWall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
	// The offset at the midnight itself, which differs from now's on the days the clocks change.
	const guess = midnightWall - offset * 60_000;
	return midnightWall - offsetMinutes(guess, PACIFIC) * 60_000;
}

/** 00:00 UTC on the 1st of the month after `now`. */
export function nextMonthStartUtc(now: number): number {
	const d = new Date(now);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export function fixedResetAt(reset: FixedReset, now: number): number {
	return reset === 'day_start_pacific' ? nextPacificMidnight(now) : nextMonthStartUtc(now);
}

export function fixedResetWords(reset: FixedReset): string {
	return reset === 'day_start_pacific' ? 'midnight Pacific time' : '00:00 UTC on the 1st of next month';
}
