// A fake clock for tests that run the real monitor against the real fake provider on 127.0.0.1: simulated
// time moves only when the test says, and only after the real HTTP round trips it started have finished.
import {FakeClock} from './helpers.js';

/**
 * Fires one timer at a time and, after each, lets `settle` wait for the real I/O it started (the HTTP round
 * trip to the fake) before simulated time moves on: the monitor tests' FakeClock, with `settle` set by the test.
 */
export class SteppedClock extends FakeClock {}

export const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));
export const shortWait = () => new Promise<void>(resolve => setTimeout(resolve, 2));

export async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await shortWait();
}

/** Settled: nothing in flight and nothing busy for a few turns in a row (a run sends its next probe within a turn). */
export function settleWhenQuiet(busy: () => boolean): () => Promise<void> {
	return async () => {
		let quiet = 0;
		while (quiet < 3) {
			const now = busy();
			quiet = now ? 0 : quiet + 1;
			await (now ? shortWait() : nextTurn());
		}
	};
}
