const dayMs = 86_400_000;
/** What an organisation spends a day, in USD, so admin cost reports have something to add up. */
export function dailySpendUsd(scenario) {
    if (scenario === 'low')
        return 16;
    if (scenario === 'quota')
        return 20;
    return 4.2;
}
/**
 * Daily buckets from `startMs` (snapped to 00:00 UTC) up to `endMs` or now, paged by `limit`;
 * `page` is the cursor a previous page returned.
 */
export function dayBuckets(startMs, endMs, now, limit, page) {
    const first = Math.floor(startMs / dayMs) * dayMs;
    const stop = Math.min(endMs ?? now, now);
    const skip = page && /^page_\d+$/.test(page) ? Number(page.slice(5)) : 0;
    const buckets = [];
    let index = skip;
    for (let start = first + skip * dayMs; start < stop; start += dayMs, index++) {
        if (buckets.length === limit)
            return { buckets, nextPage: `page_${index}` };
        const end = start + dayMs;
        buckets.push({ start, end, fraction: Math.min(1, (Math.min(stop, end) - start) / dayMs) });
    }
    return { buckets, nextPage: null };
}
export function clampLimit(raw, fallback, max) {
    const n = Number(raw);
    return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}
