import { useEffect, useState } from 'react';
/**
 * The current time, refreshed every second: countdowns and reading ages are computed from absolute
 * deadlines against it, never re-fetched. `clock` is injectable so tests pin time.
 */
export function useNow(clock = Date.now, everyMs = 1000) {
    const [now, setNow] = useState(clock);
    useEffect(() => {
        setNow(clock());
        const timer = setInterval(() => {
            setNow(clock());
        }, everyMs);
        return () => {
            clearInterval(timer);
        };
    }, [clock, everyMs]);
    return now;
}
