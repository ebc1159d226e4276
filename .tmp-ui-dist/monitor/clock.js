// Time as the monitor sees it. Injected so tests can run a week of polls in a second and count timers.
/** Node fires a longer timer at once; callers re-arm when a deadline lies beyond this (a monthly reset). */
export const MAX_TIMER_MS = 2_147_483_647;
export const realClock = {
    now: () => Date.now(),
    setTimeout(fn, ms) {
        return setTimeout(fn, Math.min(Math.max(0, ms), MAX_TIMER_MS));
    },
    clearTimeout(handle) {
        clearTimeout(handle);
    },
};
