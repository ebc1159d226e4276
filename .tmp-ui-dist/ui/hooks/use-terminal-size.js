import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
// Piped or test streams may report 0 or nothing; 80x24 is what a terminal is assumed to be then.
function read(stdout) {
    return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}
/** Ink's stdout size, updated on every resize so the layout is recomputed. */
export function useTerminalSize() {
    const { stdout } = useStdout();
    const [size, setSize] = useState(() => read(stdout));
    useEffect(() => {
        const onResize = () => {
            setSize(previous => {
                const next = read(stdout);
                return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
            });
        };
        onResize();
        stdout.on('resize', onResize);
        return () => {
            stdout.off('resize', onResize);
        };
    }, [stdout]);
    return size;
}
