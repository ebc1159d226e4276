import { jsx as _jsx } from "react/jsx-runtime";
import { Box } from 'ink';
import { STATUSES } from '../../types.js';
import { sanitize, stripControl } from '../../secrets/scrub.js';
import { formatClock, formatInterval, formatShortAge } from '../format.js';
import { useTheme } from '../hooks/use-theme.js';
import { isStale } from '../key-view.js';
import { lineWidth, truncateLine, wrapText } from '../text.js';
import { statusLabels, statusStyle } from '../theme.js';
import { TextLine } from './TextLine.js';
export const DEMO_BANNER = 'Demo: fake provider on 127.0.0.1 — add a real key with `keywatch add openai --name prod --env OPENAI_API_KEY`';
export const OFFLINE_BANNER = 'Offline: no provider answered the last round — check the network; keywatch keeps retrying';
function counts(snapshot) {
    const tally = new Map();
    for (const key of snapshot.keys)
        tally.set(key.status, (tally.get(key.status) ?? 0) + 1);
    return STATUSES.filter(status => tally.has(status)).map(status => [status, tally.get(status) ?? 0]);
}
function joinWith(parts, separator) {
    return parts.flatMap((part, index) => (index === 0 ? part : [{ text: separator }, ...part]));
}
// The same facts in two lengths; the long one names every status, the short one keeps the symbols.
function statusLine({ snapshot, now, width, intervalMs, remote, lastAlertAt }, theme) {
    const tally = counts(snapshot);
    const stale = snapshot.keys.filter(key => isStale(key, now, intervalMs)).length;
    const variant = (long) => {
        const parts = [[{ text: 'keywatch', style: theme.text.heading }, { text: ` ${formatClock(now)}` }]];
        const tallies = tally.map(([status, count]) => {
            const { symbol, word } = statusLabels[status];
            return { text: long ? `${symbol} ${word} ${count}` : `${symbol}${count}`, style: statusStyle(theme, status) };
        });
        parts.push(tallies.length > 0 ? joinWith(tallies.map(t => [t]), long ? '  ' : ' ') : [{ text: 'no keys', style: theme.text.dim }]);
        const polling = long ? `● polling every ${formatInterval(intervalMs)}` : `● ${formatInterval(intervalMs)}`;
        parts.push(snapshot.paused ? [{ text: '‖ paused', style: theme.text.warning }] : [{ text: polling, style: theme.text.dim }]);
        if (remote)
            parts.push([{ text: long ? `remote ${stripControl(remote)}` : 'remote', style: theme.text.dim }]);
        if (stale > 0)
            parts.push([{ text: `${stale} stale`, style: theme.text.warning }]);
        if (lastAlertAt !== undefined) {
            const ago = formatShortAge(now - lastAlertAt);
            parts.push([{ text: long ? `last alert ${formatClock(lastAlertAt)} (${ago} ago)` : `alert ${ago} ago`, style: theme.text.dim }]);
        }
        return joinWith(parts, long ? '  │  ' : ' │ ');
    };
    const long = variant(true);
    return lineWidth(long) <= width ? long : truncateLine(variant(false), width);
}
/** The header's lines: the status line, then the demo and offline banners when they apply. */
export function headerLines(props, theme) {
    const lines = [statusLine(props, theme)];
    if (props.demo || props.snapshot.demo) {
        const wrapped = props.compact ? [DEMO_BANNER] : wrapText(DEMO_BANNER, props.width);
        for (const text of wrapped)
            lines.push(truncateLine([{ text, style: theme.text.accent }], props.width));
    }
    if (props.snapshot.offline) {
        const text = `▼ ${OFFLINE_BANNER}`;
        for (const part of props.compact ? [text] : wrapText(text, props.width))
            lines.push(truncateLine([{ text: part, style: theme.status.down }], props.width));
    }
    for (const warning of props.warnings ?? [])
        lines.push(truncateLine([{ text: `! ${sanitize(warning)}`, style: theme.text.warning }], props.width));
    return lines;
}
export function Header(props) {
    const theme = useTheme();
    return (_jsx(Box, { flexDirection: "column", children: headerLines(props, theme).map((line, index) => (_jsx(TextLine, { line: line }, index))) }));
}
