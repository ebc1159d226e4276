// How the screen is split between header, table, detail pane, filter line and footer. Pure, so the
// 80x24, 120x40 and 200x60 layouts are tested without rendering.
/** From this width on, the detail pane goes beside the table instead of below it. */
export const WIDE_COLUMNS = 150;
const FOOTER_LINES = 1;
function clamp(value, min, max) {
    return Math.min(Math.max(value, min), Math.max(min, max));
}
export function screenLayout(input) {
    const width = Math.max(1, input.columns);
    const height = Math.max(4, input.rows - 1);
    const body = Math.max(2, height - input.headerHeight - FOOTER_LINES - (input.filterBar ? 1 : 0));
    const base = { width, height, body };
    if (!input.paneOpen)
        return { ...base, table: { width, height: body } };
    if (width >= WIDE_COLUMNS && !input.compact) {
        const paneWidth = clamp(Math.round(width * 0.4), 56, 96);
        return { ...base, table: { width: width - paneWidth, height: body }, pane: { width: paneWidth, height: body, placement: 'beside' } };
    }
    // Below: the table keeps a third (enough to see the neighbours of the selection), the pane the rest.
    const tableHeight = clamp(1 + input.rowCount, 2, Math.floor(body / 3));
    return {
        ...base,
        table: { width, height: tableHeight },
        pane: { width, height: Math.max(1, body - tableHeight), placement: 'below' },
    };
}
