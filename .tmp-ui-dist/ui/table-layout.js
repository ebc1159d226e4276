import { textWidth } from './text.js';
export const COLUMN_GAP = 1;
/** Columns before the first cell of each row, where the selection marker goes. */
export const ROW_GUTTER = 2;
function minimum(column) {
    return column.width ?? column.minWidth ?? Math.max(textWidth(column.header), 1);
}
function total(widths) {
    return widths.reduce((sum, w) => sum + w, 0) + COLUMN_GAP * Math.max(0, widths.length - 1);
}
/**
 * Widths for `columns` in `width` terminal columns: drop by priority until the minimums fit, shrink
 * what is left if even that is too wide, then hand the spare width to flexible columns.
 */
export function layoutColumns(columns, width) {
    let kept = [...columns];
    while (total(kept.map(minimum)) > width) {
        const droppable = kept.filter(c => c.priority !== undefined);
        if (droppable.length === 0)
            break;
        const weakest = droppable.reduce((a, b) => ((b.priority ?? 0) < (a.priority ?? 0) ? b : a));
        kept = kept.filter(c => c !== weakest);
    }
    const placed = kept.map(column => ({ column, width: minimum(column) }));
    // A screen narrower than the essential columns: take width from the widest until it fits.
    while (placed.length > 0 && total(placed.map(p => p.width)) > width) {
        const widest = placed.reduce((a, b) => (b.width > a.width ? b : a));
        widest.width -= 1;
        if (widest.width <= 0)
            placed.splice(placed.indexOf(widest), 1);
    }
    let spare = width - total(placed.map(p => p.width));
    const growable = () => placed.filter(p => (p.column.flex ?? 0) > 0 && p.column.width === undefined && p.width < (p.column.maxWidth ?? Number.POSITIVE_INFINITY));
    while (spare > 0) {
        const open = growable();
        if (open.length === 0)
            break;
        const belowIdeal = open.filter(p => p.width < (p.column.idealWidth ?? 0));
        const candidates = belowIdeal.length > 0 ? belowIdeal : open;
        // One column at a time to whichever has grown least for its share, so flex 2 gets twice flex 1.
        const next = candidates.reduce((a, b) => (b.width - minimum(b.column)) / (b.column.flex ?? 1) < (a.width - minimum(a.column)) / (a.column.flex ?? 1) ? b : a);
        next.width += 1;
        spare -= 1;
    }
    return placed;
}
