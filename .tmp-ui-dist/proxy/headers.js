import { getAdapter } from '../providers/registry.js';
import { CLIENT_AUTH_HEADERS } from './token.js';
/** RFC 9110 §7.6.1 connection-specific headers, plus `host` (undici sets it from the origin). */
const HOP_BY_HOP = new Set([
    'connection',
    'keep-alive',
    'proxy-authenticate',
    'proxy-authorization',
    'proxy-connection',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
]);
// Adapter headers that carry the key (or must accompany it). Everything else an adapter sets for its probe
// (content-type, accept) belongs to the probe, not to the client's request.
const KEY_HEADERS = new Set(CLIENT_AUTH_HEADERS);
const KEY_COMPANION_HEADERS = new Set(['anthropic-version']);
function connectionListed(headers) {
    const value = headers.connection;
    const listed = new Set();
    for (const part of (Array.isArray(value) ? value.join(',') : (value ?? '')).split(',')) {
        const name = part.trim().toLowerCase();
        if (name)
            listed.add(name);
    }
    return listed;
}
/**
 * The key's auth as the provider's adapter would send it. Asking the adapter keeps one copy of each
 * provider's conventions (Bearer, x-api-key + anthropic-version, x-goog-api-key, api-key).
 */
export function keyAuth(key, secret) {
    const adapter = getAdapter(key.provider);
    const probe = adapter.request('validity', { key, secret }) ?? adapter.request('headroom', { key, secret });
    if (!probe)
        return undefined;
    const headers = {};
    for (const [name, value] of Object.entries(probe.headers)) {
        const lower = name.toLowerCase();
        if (KEY_HEADERS.has(lower) || KEY_COMPANION_HEADERS.has(lower))
            headers[lower] = value;
    }
    const query = {};
    try {
        const key = new URL(probe.url).searchParams.get('key');
        if (key === secret)
            query.key = key;
    }
    catch {
        // A probe URL that does not parse carries no query auth.
    }
    if (Object.keys(headers).filter(h => KEY_HEADERS.has(h)).length === 0 && !query.key)
        return undefined;
    return { headers, query };
}
/** Headers for the upstream request: no token, no hop-by-hop, no `host`/`expect`, the key's auth added. */
export function upstreamRequestHeaders(client, auth) {
    const listed = connectionListed(client);
    const out = {};
    for (const [name, value] of Object.entries(client)) {
        if (value === undefined)
            continue;
        if (HOP_BY_HOP.has(name) || listed.has(name) || KEY_HEADERS.has(name))
            continue;
        // undici refuses `expect`; Node's server already answered 100-continue to the client.
        if (name === 'host' || name === 'expect')
            continue;
        out[name] = value;
    }
    for (const [name, value] of Object.entries(auth.headers)) {
        if (KEY_COMPANION_HEADERS.has(name) && out[name] !== undefined)
            continue;
        out[name] = value;
    }
    return out;
}
/** The client's query with its token removed and the key's query auth (if any) added. */
export function upstreamQuery(query, auth) {
    if (!query && !auth.query.key)
        return query;
    const params = new URLSearchParams(query);
    if (!params.has('key') && !auth.query.key)
        return query;
    params.delete('key');
    if (auth.query.key)
        params.set('key', auth.query.key);
    const text = params.toString();
    return text ? `?${text}` : '';
}
/** Provider headers for the client, unchanged except for the hop-by-hop set. */
export function clientResponseHeaders(upstream) {
    const listed = connectionListed(upstream);
    const out = {};
    for (const [name, value] of Object.entries(upstream)) {
        if (value === undefined)
            continue;
        const lower = name.toLowerCase();
        if (HOP_BY_HOP.has(lower) || listed.has(lower))
            continue;
        out[lower] = value;
    }
    return out;
}
