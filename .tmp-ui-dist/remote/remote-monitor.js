import { fetchSnapshot, normalizeRemoteUrl } from './fetch-snapshot.js';
import { httpCall } from './http-client.js';
const readOnlyNotice = 'read-only remote: this serve does not take probe or pause requests';
/**
 * The live view of a running `keywatch serve`: polls `GET /snapshot` and passes probe-now and pause on
 * as `POST /probe/:id` and `POST /pause`, so every screen shares the serve's poller and probe budget.
 */
export function createRemoteMonitor(url, options = {}) {
    const base = normalizeRemoteUrl(url);
    const pollMs = Math.max(250, options.pollMs ?? 2000);
    const timeoutMs = options.timeoutMs ?? Math.min(5000, Math.max(1000, pollMs));
    const listeners = new Set();
    const aborter = new AbortController();
    let snapshot = { keys: [], paused: false, intervalMs: pollMs, startedAt: Date.now() };
    let lastText = '';
    let error;
    let readOnly = false;
    let timer;
    let polling;
    let stopped = false;
    function emit() {
        for (const listener of listeners) {
            try {
                listener();
            }
            catch {
                // A broken listener must not stop the polling loop.
            }
        }
    }
    function set(next) {
        const text = JSON.stringify(next);
        if (text === lastText)
            return;
        lastText = text;
        snapshot = next;
        emit();
    }
    function setError(next) {
        if (next === error)
            return;
        error = next;
        emit();
    }
    async function poll() {
        const result = await fetchSnapshot(base, { timeoutMs, dispatcher: options.dispatcher, signal: aborter.signal });
        if (stopped)
            return;
        if (result.ok) {
            setError(undefined);
            set(result.snapshot);
        }
        else {
            setError(`remote ${base} unreachable: ${result.error}`);
            // Keep the last keys: they age visibly (stale) while the serve is away.
            set({ ...snapshot, offline: true });
        }
    }
    function schedule(delayMs) {
        if (stopped)
            return;
        if (timer)
            clearTimeout(timer);
        timer = setTimeout(() => {
            timer = undefined;
            // Chained: the next poll is planned when this one has finished, so slow answers never overlap.
            polling = poll().finally(() => {
                polling = undefined;
                schedule(pollMs);
            });
        }, delayMs);
    }
    async function control(path, body) {
        const outcome = await httpCall({
            method: 'POST',
            url: `${base}${path}`,
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
            timeoutMs,
            dispatcher: options.dispatcher,
            signal: aborter.signal,
        });
        if (stopped)
            return;
        if (!outcome.ok)
            setError(`remote ${base}: ${outcome.error}`);
        else if (outcome.status === 403) {
            readOnly = true;
            emit();
        }
        else if (outcome.status >= 400)
            setError(`remote ${base}: HTTP ${outcome.status}`);
        if (!polling)
            schedule(0);
    }
    schedule(0);
    return {
        url: base,
        getSnapshot: () => snapshot,
        subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        probeNow(id) {
            void control(`/probe/${encodeURIComponent(id)}`, {});
        },
        setPaused(paused) {
            if (!readOnly)
                set({ ...snapshot, paused });
            void control('/pause', { paused });
        },
        async stop() {
            stopped = true;
            if (timer)
                clearTimeout(timer);
            aborter.abort();
            await polling;
            listeners.clear();
        },
        lastError: () => error ?? (readOnly ? readOnlyNotice : undefined),
        readOnly: () => readOnly,
    };
}
