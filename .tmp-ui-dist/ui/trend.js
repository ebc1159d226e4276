import { isKnown } from './format.js';
import { windowName } from './key-view.js';
export function keyTrend(monitor, key) {
    const history = typeof monitor.history === 'function' ? monitor.history(key.id) : undefined;
    if (!history)
        return undefined;
    const series = key.windows.map(window => history.fractions(window.id));
    const length = Math.max(0, ...series.map(s => s.length));
    const tightest = [];
    for (let index = 0; index < length; index++) {
        const values = series.map(s => s[index]).filter(isKnown);
        if (values.length > 0)
            tightest.push(Math.min(...values));
    }
    const forecasts = [];
    for (const window of key.windows) {
        const at = history.forecastWindow(window.id, window.resetAt)?.exhaustedAt;
        if (isKnown(at))
            forecasts.push({ subject: windowName(window), exhaustedAt: at });
    }
    const credit = key.credit ? history.forecastCredit()?.exhaustedAt : undefined;
    if (isKnown(credit))
        forecasts.push({ subject: key.credit?.label ?? 'credit', exhaustedAt: credit });
    return { history: tightest, forecasts };
}
