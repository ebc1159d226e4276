import { writeStatusCache } from './cache.js';
/** Keeps the status cache current for `keywatch status --line` (serve and the live view run one). */
export function startStatusCacheWriter(monitor, dir, options = {}) {
    const minIntervalMs = options.minIntervalMs ?? 1000;
    const heartbeatMs = options.heartbeatMs ?? Math.min(30_000, Math.max(1000, monitor.getSnapshot().intervalMs / 2));
    let lastWriteAt = Number.NEGATIVE_INFINITY;
    let pendingTimer;
    let chain = Promise.resolve();
    let failing = false;
    let stopped = false;
    function write() {
        lastWriteAt = Date.now();
        chain = chain.then(async () => {
            try {
                await writeStatusCache(dir, monitor.getSnapshot());
                failing = false;
            }
            catch (error) {
                if (!failing)
                    options.onError?.(error);
                failing = true;
            }
        });
        return chain;
    }
    function onChange() {
        if (stopped || pendingTimer)
            return;
        const wait = lastWriteAt + minIntervalMs - Date.now();
        if (wait <= 0) {
            void write();
            return;
        }
        pendingTimer = setTimeout(() => {
            pendingTimer = undefined;
            if (!stopped)
                void write();
        }, wait);
        pendingTimer.unref();
    }
    const unsubscribe = monitor.subscribe(onChange);
    const heartbeat = setInterval(() => void write(), heartbeatMs);
    heartbeat.unref();
    void write();
    return {
        async stop() {
            if (stopped)
                return chain;
            stopped = true;
            unsubscribe();
            clearInterval(heartbeat);
            if (pendingTimer)
                clearTimeout(pendingTimer);
            await chain;
        },
    };
}
