import { sanitize } from '../secrets/scrub.js';
function finite(value) {
    return value !== undefined && Number.isFinite(value) ? value : null;
}
function iso(epochMs) {
    const value = finite(epochMs);
    if (value === null)
        return null;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
function windowJson(window) {
    return {
        id: window.id,
        limitKind: window.limitKind,
        period: window.period,
        limit: finite(window.limit),
        remaining: finite(window.remaining),
        resetAt: iso(window.resetAt),
        source: window.source,
    };
}
function creditJson(credit) {
    if (!credit)
        return null;
    return {
        remaining: finite(credit.remaining),
        limit: finite(credit.limit),
        used: finite(credit.used),
        currency: credit.currency,
        source: credit.source,
        label: credit.label ?? null,
    };
}
export function keyToJson(key) {
    return {
        name: sanitize(key.name),
        provider: key.provider,
        status: key.status,
        kind: key.verdict?.kind ?? null,
        title: key.verdict ? sanitize(key.verdict.title) : null,
        windows: key.windows.map(windowJson),
        credit: creditJson(key.credit),
        latencyMs: finite(key.latencyMs),
        checkedAt: iso(key.checkedAt),
        source: key.source ?? null,
        masked: sanitize(key.masked),
    };
}
/** One object per key, in the snapshot's order: the shape of `check --json` and `GET /state`. */
export function snapshotToJson(snapshot) {
    return snapshot.keys.map(keyToJson);
}
