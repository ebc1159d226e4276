import {useEffect, useState} from 'react';

/**
 * The current time, refreshed every `everyMs` on the wall clock's boundaries (a 5 s tick lands on :00,
 * :05, …, so every time-derived cell changes in the same frame): countdowns and reading ages are computed
 * from absolute deadlines against it, never re-fetched. `clock` is injectable so tests pin time.
 */
export function useNow(clock: () => number = Date.now, everyMs = 1000): number {
	const [now, setNow] = useState(clock);
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		const schedule = () => {
			const at = clock();
			// Chained, not an interval: each wait is measured from the clock, so the ticks do not drift.
			timer = setTimeout(tick, everyMs - (at % everyMs) + 1);
		};
		const tick = () => {
			setNow(clock());
			schedule();
		};
		setNow(clock());
		schedule();
		return () => {
			clearTimeout(timer);
		};
	}, [clock, everyMs]);
	return now;
}
