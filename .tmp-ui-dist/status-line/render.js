import prettyMs from 'pretty-ms';
import { fetchSnapshot, normalizeRemoteUrl } from '../remote/fetch-snapshot.js';
import { readStatusCache } from './cache.js';
import { statusLine } from './status-line.js';
/** `keywatch status --line`: never probes; reads a serve or the cache and says so when neither is fresh. */
export async function renderStatusLine(options) {
    const separator = options.ascii ? ' | ' : ' · ';
    if (options.remote) {
        const result = await fetchSnapshot(normalizeRemoteUrl(options.remote), { timeoutMs: options.timeoutMs ?? 1500, closeConnection: true });
        return result.ok ? statusLine(result.snapshot, options) : `keywatch${separator}remote unreachable`;
    }
    if (!options.cacheDir)
        return `keywatch${separator}no data`;
    const now = options.now ?? Date.now();
    const read = await readStatusCache(options.cacheDir, Number.POSITIVE_INFINITY, now);
    if (!read.ok) {
        return read.reason === 'missing'
            ? `keywatch${separator}no data (start keywatch or keywatch serve)`
            : `keywatch${separator}no data (cache unreadable)`;
    }
    const maxAgeMs = options.maxAgeMs ?? read.snapshot.intervalMs;
    if (read.ageMs > maxAgeMs) {
        return `keywatch${separator}no fresh data (last ${prettyMs(read.ageMs, { compact: true })} ago)`;
    }
    return statusLine(read.snapshot, options);
}
