import { httpCall } from './http-client.js';
import { parseSnapshot } from './snapshot-schema.js';
export class RemoteUrlError extends Error {
}
/** `http://host:9464`, `http://host:9464/` and `…/snapshot` all name the same serve. */
export function normalizeRemoteUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
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
/** One `GET /snapshot` from a running serve; always resolves. */
export async function fetchSnapshot(baseUrl, options = {}) {
    const outcome = await httpCall({
        method: 'GET',
        url: `${baseUrl}/snapshot`,
        headers: { accept: 'application/json' },
        timeoutMs: options.timeoutMs ?? 5000,
        maxBytes: 32 * 1024 * 1024,
        dispatcher: options.dispatcher,
        signal: options.signal,
        closeConnection: options.closeConnection,
    });
    if (!outcome.ok)
        return outcome;
    if (outcome.status !== 200)
        return { ok: false, error: `HTTP ${outcome.status} (is it a keywatch serve?)` };
    return parseSnapshot(outcome.body);
}
