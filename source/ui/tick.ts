import type {KeyState} from '../types.js';
import {nextReset} from './key-view.js';

/** While something on screen counts seconds: a countdown under an hour, or the detail pane. */
export const SECOND_TICK_MS = 1000;
/**
 * Otherwise the view redraws every 5 s (ages advance in 5 s steps, the header clock shows minutes): each
 * redraw is a whole Ink frame, and an idle ops screen paid for one every second (docs/bench.md, idle CPU).
 */
export const IDLE_TICK_MS = 5000;

const COUNTS_SECONDS_BELOW_MS = 3_600_000;

/** How often the live view must redraw for its time-derived cells to be right to the unit they show. */
export function tickMs(keys: readonly KeyState[], now: number, paneOpen: boolean): number {
	if (paneOpen) return SECOND_TICK_MS;
	for (const key of keys) {
		const at = nextReset(key, now);
		// formatDuration shows seconds below an hour; a reset already passed reads "now" and stays still.
		if (at !== undefined && at > now && at - now < COUNTS_SECONDS_BELOW_MS) return SECOND_TICK_MS;
	}
	return IDLE_TICK_MS;
}

/** `now` rounded down to the idle tick: ages computed from it change for every row in the same frame. */
export function ageClock(now: number): number {
	return now - (now % IDLE_TICK_MS);
}
