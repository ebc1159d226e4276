import { registerSecret, scrub } from '../../secrets/scrub.js';
/** A webhook URL is a credential (Slack's is): show its scheme and host only. */
export function maskUrl(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.protocol}//${parsed.host}/…`;
    }
    catch {
        return '…';
    }
}
/** Remove the URL's secret parts (path, query, user info) from any text, as `scrub` does for keys. */
export function scrubUrl(text, url) {
    let pieces;
    try {
        const parsed = new URL(url);
        pieces = [`${parsed.pathname}${parsed.search}`, parsed.pathname, parsed.search, parsed.username, parsed.password];
    }
    catch {
        // Not a URL: the whole string is all we can remove.
        pieces = [url];
    }
    let out = text;
    for (const piece of pieces)
        if (piece.length > 1)
            out = out.split(piece).join('…');
    return scrub(out);
}
/** Let the global scrubber (logs, crash reports) find the URL's secret part too. */
export function registerUrlSecret(url) {
    try {
        const parsed = new URL(url);
        registerSecret(`${parsed.pathname}${parsed.search}`);
        if (parsed.password)
            registerSecret(parsed.password);
    }
    catch {
        registerSecret(url);
    }
}
