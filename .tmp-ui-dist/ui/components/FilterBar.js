import { jsx as _jsx } from "react/jsx-runtime";
import { useTheme } from '../hooks/use-theme.js';
import { fitLine } from '../text.js';
import { TextLine } from './TextLine.js';
export function FilterBar({ text, editing, matches, total, width }) {
    const theme = useTheme();
    const line = [
        { text: editing ? '/' : 'filter: ', style: theme.text.accent },
        { text },
        ...(editing ? [{ text: ' ', style: { inverse: true } }] : []),
        { text: `  ${matches} of ${total} keys`, style: theme.text.dim },
    ];
    return _jsx(TextLine, { line: fitLine(line, width) });
}
