/**
 * The next midnight in a time zone after `now`, epoch ms, daylight saving included: Gemini's daily quotas
 * reset at midnight Pacific, which the adapter reads into a window's reset and diagnosis names as the
 * moment a PerDay refusal clears.
 */
export function nextMidnight(now: number, timeZone = 'America/Los_Angeles'): number {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	});
	const offsetAt = (at: number): number => {
		const parts = Object.fromEntries(format.formatToParts(at).map(part => [part.type, Number(part.value)]));
		const local = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
		return local - Math.floor(at / 1000) * 1000;
	};
	const offset = offsetAt(now);
	const local = new Date(now + offset);
	const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
	// The offset at midnight can differ from now's (a DST change in between): use midnight's own.
	return localMidnight - offsetAt(localMidnight - offset);
}
