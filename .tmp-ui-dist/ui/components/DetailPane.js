import { jsx as _jsx } from "react/jsx-runtime";
import { Box } from 'ink';
import { detailLines } from '../detail-lines.js';
import { useTheme } from '../hooks/use-theme.js';
import { fitLine, truncateLine } from '../text.js';
import { TextLine } from './TextLine.js';
export function DetailPane({ keyState, trend, now, width, height, intervalMs, placement }) {
    const theme = useTheme();
    const beside = placement === 'beside';
    const inner = beside ? width - 3 : width;
    const content = detailLines(keyState, { now, width: inner, theme, intervalMs, trend });
    const room = beside ? height : height - 1;
    const shown = content.length > room
        ? [...content.slice(0, Math.max(0, room - 1)), [{ text: `… ${content.length - room + 1} more lines: a taller terminal shows them`, style: theme.text.dim }]]
        : content;
    const lines = beside
        ? shown.map(line => [{ text: ' │ ', style: theme.border }, ...truncateLine(line, inner)])
        : [fitLine([{ text: '─'.repeat(width), style: theme.border }], width), ...shown];
    return (_jsx(Box, { flexDirection: "column", width: width, height: height, children: lines.map((line, index) => (_jsx(TextLine, { line: line }, index))) }));
}
