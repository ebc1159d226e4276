const down = new Set(['overloaded', 'outage', 'network']);
/**
 * CHECKING before the first verdict; LIMITED while a rate limit clears by itself; DOWN when the
 * provider or the network is at fault; DENIED for everything that needs a person, including
 * `unknown` (a request failed and keywatch cannot say it will recover, so it must not look fine)
 * and `bad_request`. A working key is LOW when any window or the credit is under `lowThreshold`.
 */
export function statusOf(verdict, windows, credit, lowThreshold = 0.1) {
    if (!verdict)
        return 'CHECKING';
    if (verdict.kind === 'ok')
        return isLow(windows, credit, lowThreshold) ? 'LOW' : 'OK';
    if (verdict.kind === 'rate_limited')
        return 'LIMITED';
    if (down.has(verdict.kind))
        return 'DOWN';
    return 'DENIED';
}
function share(remaining, limit) {
    if (remaining === undefined || limit === undefined)
        return undefined;
    if (!Number.isFinite(remaining) || !Number.isFinite(limit) || limit <= 0 || remaining < 0)
        return undefined;
    return remaining / limit;
}
function isLow(windows, credit, threshold) {
    const limit = Number.isFinite(threshold) ? threshold : 0.1;
    for (const w of Array.isArray(windows) ? windows : []) {
        const s = share(w.remaining, w.limit);
        if (s !== undefined && s < limit)
            return true;
    }
    if (credit) {
        const s = share(credit.remaining, credit.limit);
        if (s !== undefined && s < limit)
            return true;
        // A balance with no cap to compare against is low only when nothing is left.
        if (s === undefined && credit.limit === undefined && credit.remaining !== undefined && Number.isFinite(credit.remaining) && credit.remaining <= 0) {
            return true;
        }
    }
    return false;
}
