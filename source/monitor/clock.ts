// Time as the monitor sees it. Injected so tests can run a week of polls in a second and count timers.

export type Clock = {
	now(): number;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
};

export const realClock: Clock = {
	now: () => Date.now(),
	setTimeout(fn, ms) {
		// Node caps timers at 2^31-1 ms (~24.8 days) and fires at once beyond that; a monthly reset is longer.
		return setTimeout(fn, Math.min(Math.max(0, ms), 2_147_483_647));
	},
	clearTimeout(handle) {
		clearTimeout(handle as NodeJS.Timeout);
	},
};
