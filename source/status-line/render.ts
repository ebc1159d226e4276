import prettyMs from 'pretty-ms';
import {fetchSnapshot, normalizeRemoteUrl} from '../remote/fetch-snapshot.js';
import {readStatusCache} from './cache.js';
import {statusLine, type StatusLineOptions} from './status-line.js';

export type RenderStatusLineOptions = StatusLineOptions & {
	/** Read a running serve's `/snapshot` instead of the cache. */
	remote?: string;
	/** Where serve or the live view keeps `status.json`. */
	cacheDir?: string;
	/** Older than this is "no fresh data". Default: the poll interval the cache was written with. */
	maxAgeMs?: number;
	/** For the remote read; the line must come back fast. Default 1500 ms. */
	timeoutMs?: number;
	now?: number;
};

/** `keywatch status --line`: never probes; reads a serve or the cache and says so when neither is fresh. */
export async function renderStatusLine(options: RenderStatusLineOptions): Promise<string> {
	const separator = options.ascii ? ' | ' : ' · ';
	if (options.remote) {
		const result = await fetchSnapshot(normalizeRemoteUrl(options.remote), {timeoutMs: options.timeoutMs ?? 1500, closeConnection: true});
		return result.ok ? statusLine(result.snapshot, options) : `keywatch${separator}remote unreachable`;
	}
	if (!options.cacheDir) return `keywatch${separator}no data`;
	const now = options.now ?? Date.now();
	const read = await readStatusCache(options.cacheDir, Number.POSITIVE_INFINITY, now);
	if (!read.ok) {
		return read.reason === 'missing'
			? `keywatch${separator}no data (start keywatch or keywatch serve)`
			: `keywatch${separator}no data (cache unreadable)`;
	}
	const maxAgeMs = options.maxAgeMs ?? read.snapshot.intervalMs;
	if (read.ageMs > maxAgeMs) {
		return `keywatch${separator}no fresh data (last ${prettyMs(read.ageMs, {compact: true})} ago)`;
	}
	return statusLine(read.snapshot, options);
}
