/** Resolves on the first SIGINT, SIGTERM or SIGHUP, then removes its listeners. */
export function waitForSignal() {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    return new Promise(resolve => {
        const handler = (signal) => {
            for (const s of signals)
                process.off(s, handler);
            resolve(signal);
        };
        for (const s of signals)
            process.on(s, handler);
    });
}
