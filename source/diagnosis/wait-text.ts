// Wait times written into provider messages: "Please try again in 644ms", "in 1.984999999s",
// "in 9m38.016s", "Please retry after 86400 seconds", "Please retry in 43.5s", "try again in 2 minutes",
// and moments: "Try again after 2026-11-24T12:05:00Z".
import {parseDuration, parseTimestamp} from '../parse/index.js';

const lead = /\b(?:try again|retry|retrying|wait|resets?)\s+(?:in|after|for|at|until)?\s*(?:about|approximately|~)?\s*/gi;
const moment = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})/;
const goDuration = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+(?![A-Za-z])/;
const worded = /^(\d+(?:\.\d+)?)\s*(milliseconds?|msecs?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\b/i;

const unitSeconds: Array<[RegExp, number]> = [
	[/^(?:milliseconds?|msecs?)$/i, 0.001],
	[/^(?:seconds?|secs?)$/i, 1],
	[/^(?:minutes?|mins?)$/i, 60],
	[/^(?:hours?|hrs?)$/i, 3600],
	[/^days?$/i, 86_400],
];

/**
 * Seconds from the first wait phrase in the text; undefined when there is none or it is absurd. A moment
 * (RFC 3339) is read against `now`; without `now` it cannot be, so it is skipped.
 */
export function waitFromText(text: string, now?: number): number | undefined {
	const haystack = text.slice(0, 8000);
	for (const match of haystack.matchAll(lead)) {
		const rest = haystack.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 40);
		const seconds = readDuration(rest) ?? readMoment(rest, now);
		if (seconds !== undefined) return seconds;
	}
	return undefined;
}

function readMoment(rest: string, now: number | undefined): number | undefined {
	if (now === undefined || !Number.isFinite(now)) return undefined;
	const found = moment.exec(rest)?.[0];
	const at = found === undefined ? undefined : parseTimestamp(found, now);
	// A moment already past means "now", not "never".
	return at === undefined ? undefined : Math.max(0, (at - now) / 1000);
}

function readDuration(rest: string): number | undefined {
	const go = goDuration.exec(rest);
	if (go) {
		const ms = parseDuration(go[0]);
		return ms === undefined ? undefined : ms / 1000;
	}
	const word = worded.exec(rest);
	if (!word) return undefined;
	const amount = Number(word[1]);
	const unit = unitSeconds.find(([pattern]) => pattern.test(word[2] ?? ''))?.[1];
	if (unit === undefined || !Number.isFinite(amount)) return undefined;
	const seconds = amount * unit;
	return seconds >= 0 && seconds <= 366 * 86_400 ? seconds : undefined;
}
