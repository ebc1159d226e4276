import { stripControl } from '../secrets/scrub.js';
import { bar, sparkline } from './bars.js';
import { UNKNOWN, formatAge, formatCount, formatDuration, formatLatency, formatMoney, formatShortAge } from './format.js';
import { REQUEST_KINDS, TOKEN_KINDS, hasNoHeadroomData, headroomHistory, isStale, nextReset, providerLabel, readingAge, tightestWindow, windowFraction, } from './key-view.js';
import { fitLine } from './text.js';
import { statusStyle, statusText } from './theme.js';
const LOW_FRACTION = 0.1;
// "1.2k/5.0k" is at most 9 columns; the bar takes what the column has beyond that and a space.
const COUNT_WIDTH = 9;
const MIN_BAR = 3;
function headroomCell(window, width, theme, withBar) {
    if (!window)
        return [{ text: UNKNOWN, style: theme.text.dim }];
    const fraction = windowFraction(window);
    const estimate = window.source === 'estimate' ? '~' : '';
    const text = `${estimate}${formatCount(window.remaining)}/${formatCount(window.limit)}`;
    const style = fraction === 0 ? theme.bar.empty : fraction !== undefined && fraction < LOW_FRACTION ? theme.bar.low : undefined;
    const barWidth = Math.max(MIN_BAR, width - COUNT_WIDTH - 1);
    if (!withBar || width < MIN_BAR + 6)
        return [{ text, style }];
    return [...fitLine([{ text, style }], width - barWidth - 1, 'right'), { text: ' ' }, { text: bar(fraction, barWidth), style: style ?? theme.bar.full }];
}
function reset(key, now, theme) {
    const at = nextReset(key, now);
    if (at === undefined)
        return { text: UNKNOWN, style: theme.text.dim };
    const style = key.status === 'LIMITED' ? theme.status.limited : undefined;
    return at <= now ? { text: 'now', style } : { text: formatDuration(at - now), style };
}
function credit(key, theme) {
    const { credit: c } = key;
    if (!c)
        return hasNoHeadroomData(key) ? { text: 'no headers', style: theme.text.dim } : { text: UNKNOWN, style: theme.text.dim };
    const estimate = c.source === 'estimate' ? '~' : '';
    if (c.remaining === undefined && c.used !== undefined)
        return { text: `${estimate}${formatMoney(c.used, c.currency)} used` };
    const low = c.limit !== undefined && c.remaining !== undefined && c.limit > 0 && c.remaining / c.limit < LOW_FRACTION;
    return { text: `${estimate}${formatMoney(c.remaining, c.currency)}`, style: low ? theme.status.low : undefined };
}
function age(key, now, intervalMs, theme) {
    if (key.probing)
        return { text: 'probing', style: theme.text.dim };
    const ms = readingAge(key, now);
    if (ms === undefined)
        return { text: UNKNOWN, style: theme.text.dim };
    if (isStale(key, now, intervalMs))
        return { text: `stale ${formatShortAge(ms)}`, style: theme.text.warning };
    return { text: formatAge(ms), style: theme.text.dim };
}
/**
 * The live table's columns. Name, status, requests and reset are never dropped; the rest go in
 * priority order (trend first) when the terminal is narrow.
 */
export function keyColumns({ now, intervalMs, theme, compact = false }) {
    const withBar = !compact;
    const headroomSize = compact ? { minWidth: 9 } : { minWidth: COUNT_WIDTH + 1 + MIN_BAR, flex: 1, maxWidth: 22 };
    const columns = [
        { key: 'row', header: '#', width: 3, align: 'right', priority: 40, render: (_key, index) => ({ text: String(index + 1), style: theme.text.dim }) },
        { key: 'name', header: 'Name', flex: 2, minWidth: compact ? 8 : 14, idealWidth: 20, maxWidth: 32, render: key => stripControl(key.name) },
        { key: 'provider', header: 'Provider', width: 9, priority: 70, render: key => providerLabel(key.provider) },
        { key: 'status', header: 'Status', width: 10, render: key => ({ text: statusText(key.status), style: statusStyle(theme, key.status) }) },
        {
            key: 'requests',
            header: 'Requests',
            ...headroomSize,
            align: 'right',
            render: (key, _index, width) => headroomCell(tightestWindow(key.windows, REQUEST_KINDS), width, theme, withBar),
        },
        {
            key: 'tokens',
            header: 'Tokens',
            ...headroomSize,
            align: 'right',
            priority: 90,
            render: (key, _index, width) => headroomCell(tightestWindow(key.windows, TOKEN_KINDS), width, theme, withBar),
        },
        { key: 'reset', header: 'Reset', width: 7, align: 'right', render: key => reset(key, now, theme) },
        { key: 'credit', header: 'Credit', width: 10, align: 'right', priority: 60, render: key => credit(key, theme) },
        { key: 'latency', header: 'Latency', width: 7, align: 'right', priority: 30, render: key => formatLatency(key.latencyMs) },
        { key: 'age', header: 'Age', width: 9, align: 'right', priority: 50, render: key => age(key, now, intervalMs, theme) },
        {
            key: 'trend',
            header: 'Trend',
            flex: 1,
            minWidth: 8,
            maxWidth: 48,
            priority: 10,
            render: (key, _index, width) => ({ text: sparkline(headroomHistory(key.recent), width), style: theme.text.accent }),
        },
    ];
    const compactKeeps = new Set(['name', 'status', 'requests', 'tokens', 'reset']);
    return compact ? columns.filter(column => compactKeeps.has(column.key)) : columns;
}
