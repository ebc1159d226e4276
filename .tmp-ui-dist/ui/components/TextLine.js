import { jsx as _jsx } from "react/jsx-runtime";
import { Text } from 'ink';
/** One pre-measured line. `truncate-end` is a backstop: lines are already cut to width, never wrapped. */
export function TextLine({ line, inverse }) {
    if (line.length === 0 || line.every(segment => segment.text === ''))
        return _jsx(Text, { children: " " });
    return (_jsx(Text, { wrap: "truncate-end", inverse: inverse, children: line.map((segment, index) => segment.style ? (_jsx(Text, { ...segment.style, children: segment.text }, index)) : (segment.text)) }));
}
