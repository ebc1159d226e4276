import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { Box } from 'ink';
import { useTheme } from '../hooks/use-theme.js';
import { clampScroll } from '../state.js';
import { COLUMN_GAP, ROW_GUTTER, layoutColumns } from '../table-layout.js';
import { fitLine, toSegments } from '../text.js';
import { TextLine } from './TextLine.js';
// Inverse is lost when colour is off (FORCE_COLOR=0 drops every attribute), so a marker also shows the selection.
const MARK = '› ';
const NO_MARK = '  ';
function joinCells(cells, width, gutter) {
    const line = [gutter];
    for (const [index, cell] of cells.entries()) {
        if (index > 0)
            line.push({ text: ' '.repeat(COLUMN_GAP) });
        line.push(...cell);
    }
    return fitLine(line, width);
}
function rowLine(placed, row, index, width, selected) {
    return joinCells(placed.map(({ column, width: w }) => fitLine(toSegments(column.render(row, index, w)), w, column.align)), width, { text: selected ? MARK : NO_MARK });
}
/**
 * Rows under a header, one terminal line each: cells cut to their column, columns dropped by priority
 * when the width runs out, and only the rows that fit drawn, scrolled so the selection shows. The
 * selected row is drawn inverse and marked with › in a two-column gutter.
 */
export function Table({ columns, rows, rowKey, width, height, selectedIndex = -1, scroll = 0, empty }) {
    const theme = useTheme();
    const placed = layoutColumns(columns, width - ROW_GUTTER);
    const pageSize = Math.max(1, height - 1);
    const first = clampScroll(scroll, selectedIndex, pageSize, rows.length);
    const visible = rows.slice(first, first + pageSize);
    const header = joinCells(placed.map(({ column, width: w }) => fitLine([{ text: column.header, style: theme.text.heading }], w, column.align)), width, { text: NO_MARK });
    return (_jsxs(Box, { flexDirection: "column", width: width, children: [_jsx(TextLine, { line: header }), rows.length === 0 && empty ? _jsx(TextLine, { line: fitLine([{ text: empty, style: theme.text.dim }], width) }) : null, visible.map((row, offset) => (_jsx(TextLine, { line: rowLine(placed, row, first + offset, width, first + offset === selectedIndex), inverse: first + offset === selectedIndex }, rowKey(row))))] }));
}
