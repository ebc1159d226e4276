// When a window or a balance runs out at the current pace. Always an estimate, and labelled as one.
/**
 * Least-squares burn rate over the newest run of non-increasing samples (a reset or a top-up starts a new
 * run), then the time the last value reaches zero at that rate. Undefined with too few samples, no elapsed
 * time, or a trend that is flat or rising.
 */
export function forecast(samples, options = {}) {
    const minSamples = Math.max(2, options.minSamples ?? 3);
    const run = currentRun(samples);
    if (run.length < minSamples)
        return undefined;
    const slopePerMs = leastSquaresSlope(run);
    if (slopePerMs === undefined || !(slopePerMs < 0))
        return undefined;
    const ratePerSecond = -slopePerMs * 1000;
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0)
        return undefined;
    const last = run[run.length - 1];
    const exhaustedAt = last.remaining <= 0 ? last.at : last.at + last.remaining / -slopePerMs;
    if (!Number.isFinite(exhaustedAt))
        return { ratePerSecond, estimate: true };
    if (options.resetAt !== undefined && exhaustedAt >= options.resetAt)
        return { ratePerSecond, estimate: true };
    return { exhaustedAt: Math.round(exhaustedAt), ratePerSecond, estimate: true };
}
function usable(sample) {
    return Number.isFinite(sample.at) && Number.isFinite(sample.remaining);
}
/** The newest stretch of samples in time order where `remaining` never goes up. */
function currentRun(samples) {
    const clean = samples.filter(usable).sort((a, b) => a.at - b.at);
    let start = clean.length - 1;
    while (start > 0 && clean[start - 1].remaining >= clean[start].remaining)
        start--;
    return clean.slice(Math.max(0, start));
}
function leastSquaresSlope(run) {
    const origin = run[0].at;
    let sumX = 0;
    let sumY = 0;
    for (const s of run) {
        sumX += s.at - origin;
        sumY += s.remaining;
    }
    const meanX = sumX / run.length;
    const meanY = sumY / run.length;
    let num = 0;
    let den = 0;
    for (const s of run) {
        const dx = s.at - origin - meanX;
        num += dx * (s.remaining - meanY);
        den += dx * dx;
    }
    if (den === 0)
        return undefined;
    const slope = num / den;
    return Number.isFinite(slope) ? slope : undefined;
}
