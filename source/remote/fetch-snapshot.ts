import type {Dispatcher} from 'undici';
import {httpCall} from './http-client.js';
import {parseSnapshot, type ParsedSnapshot} from './snapshot-schema.js';

export class RemoteUrlError extends Error {}

/** `http://host:9464`, `http://host:9464/` and `…/snapshot` all name the same serve. */
export function normalizeRemoteUrl(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new RemoteUrlError(`--remote needs a URL like http://127.0.0.1:9464, not "${url.slice(0, 80)}"`);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new RemoteUrlError(`--remote needs an http(s) URL, not ${parsed.protocol}`);
	}
	parsed.search = '';
	parsed.hash = '';
	parsed.pathname = parsed.pathname.replace(/\/(snapshot|state|metrics)?\/?$/, '');
	return parsed.toString().replace(/\/$/, '');
}

export type FetchSnapshotOptions = {
	timeoutMs?: number;
	dispatcher?: Dispatcher;
	signal?: AbortSignal;
	closeConnection?: boolean;
	/** Ask for each key's trend samples taken at or after this epoch ms (0: the serve's bounded backlog). */
	historySince?: number;
};

/** One `GET /snapshot` from a running serve; always resolves. */
export async function fetchSnapshot(
	baseUrl: string,
	options: FetchSnapshotOptions = {},
): Promise<ParsedSnapshot | {ok: false; error: string}> {
	const since = options.historySince;
	const query = since !== undefined && Number.isFinite(since) ? `?history=${Math.max(0, Math.floor(since))}` : '';
	const outcome = await httpCall({
		method: 'GET',
		url: `${baseUrl}/snapshot${query}`,
		headers: {accept: 'application/json'},
		timeoutMs: options.timeoutMs ?? 5000,
		maxBytes: 32 * 1024 * 1024,
		dispatcher: options.dispatcher,
		signal: options.signal,
		closeConnection: options.closeConnection,
	});
	if (!outcome.ok) return outcome;
	if (outcome.status !== 200) return {ok: false, error: `HTTP ${outcome.status} (is it a keywatch serve?)`};
	return parseSnapshot(outcome.body);
}
