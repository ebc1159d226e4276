// How the screen is split between header, table, detail pane, filter line and footer. Pure, so the
// 80x24, 120x40 and 200x60 layouts are tested without rendering.

export type ScreenInput = {
	columns: number;
	rows: number;
	headerHeight: number;
	paneOpen: boolean;
	filterBar: boolean;
	/** Visible (filtered) rows, so a short table leaves the pane more room. */
	rowCount: number;
	compact?: boolean;
};

export type Area = {width: number; height: number};

export type ScreenLayout = {
	/** Below MIN_COLUMNS x MIN_ROWS: the view draws one line saying so instead of a layout that cannot fit. */
	tooSmall: boolean;
	width: number;
	/** Lines drawn in all. One less than the terminal: a frame as tall as the screen makes Ink clear it on every update. */
	height: number;
	/** Header lines shown: the status line first, banners below it cut when they would push the table off. */
	header: number;
	/** Lines between the header and the filter line/footer. */
	body: number;
	/** The table's area, its header line included. */
	table: Area;
	pane?: Area & {placement: 'below' | 'beside'};
};

/** From this width on, the detail pane goes beside the table instead of below it. */
export const WIDE_COLUMNS = 150;
const FOOTER_LINES = 1;

/**
 * The smallest terminal the view lays out: the status line, the table's heading and a row (or, with the pane
 * open below, two lines of pane), and the footer, at a width where a name, a status and a count still fit.
 */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 8;
// The table's heading and one row; with the pane below, also its rule and a few lines of it.
const MIN_BODY = 2;
const MIN_BODY_WITH_PANE = 5;

function clamp(value: number, min: number, max: number): number {
	return Math.min(Math.max(value, min), Math.max(min, max));
}

export function screenLayout(input: ScreenInput): ScreenLayout {
	const tooSmall = input.columns < MIN_COLUMNS || input.rows < MIN_ROWS;
	const width = Math.max(1, input.columns);
	const height = Math.max(4, input.rows - 1);
	const filter = input.filterBar ? 1 : 0;
	// Banners and notices give way first: a frame taller than the screen scrolls, and takes the status line with it.
	const header = clamp(input.headerHeight, 1, height - FOOTER_LINES - filter - (input.paneOpen ? MIN_BODY_WITH_PANE : MIN_BODY));
	const body = Math.max(MIN_BODY, height - header - FOOTER_LINES - filter);
	const base = {tooSmall, width, height, header, body};
	if (!input.paneOpen) return {...base, table: {width, height: body}};

	if (width >= WIDE_COLUMNS && !input.compact) {
		const paneWidth = clamp(Math.round(width * 0.4), 56, 96);
		return {...base, table: {width: width - paneWidth, height: body}, pane: {width: paneWidth, height: body, placement: 'beside'}};
	}

	// Below: the table keeps a third (enough to see the neighbours of the selection), the pane the rest.
	const tableHeight = clamp(1 + input.rowCount, 2, Math.floor(body / 3));
	return {
		...base,
		table: {width, height: tableHeight},
		pane: {width, height: Math.max(1, body - tableHeight), placement: 'below'},
	};
}
