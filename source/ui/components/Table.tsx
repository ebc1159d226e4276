import {Box} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {clampScroll} from '../state.js';
import {COLUMN_GAP, type Column, type PlacedColumn, ROW_GUTTER, layoutColumns} from '../table-layout.js';
import {type Segment, fitLine, toSegments} from '../text.js';
import {TextLine} from './TextLine.js';

export type {Column} from '../table-layout.js';

type Props<T> = {
	columns: readonly Column<T>[];
	rows: readonly T[];
	rowKey: (row: T) => string;
	width: number;
	/** Lines available, the header line included. */
	height: number;
	selectedIndex?: number;
	/** Preferred first row; moved as little as needed to keep the selection on screen. */
	scroll?: number;
	/** Shown instead of rows when there are none. */
	empty?: string;
};

// Inverse is lost when colour is off (FORCE_COLOR=0 drops every attribute), so a marker also shows the selection.
const MARK = '› ';
const NO_MARK = '  ';

function joinCells(cells: Segment[][], width: number, gutter: Segment): Segment[] {
	const line: Segment[] = [gutter];
	for (const [index, cell] of cells.entries()) {
		if (index > 0) line.push({text: ' '.repeat(COLUMN_GAP)});
		line.push(...cell);
	}
	return fitLine(line, width);
}

function rowLine<T>(placed: readonly PlacedColumn<T>[], row: T, index: number, width: number, selected: boolean): Segment[] {
	return joinCells(
		placed.map(({column, width: w}) => fitLine(toSegments(column.render(row, index, w)), w, column.align)),
		width,
		{text: selected ? MARK : NO_MARK},
	);
}

/**
 * Rows under a header, one terminal line each: cells cut to their column, columns dropped by priority
 * when the width runs out, and only the rows that fit drawn, scrolled so the selection shows. The
 * selected row is drawn inverse and marked with › in a two-column gutter.
 */
export function Table<T>({columns, rows, rowKey, width, height, selectedIndex = -1, scroll = 0, empty}: Props<T>) {
	const theme = useTheme();
	const placed = layoutColumns(columns, width - ROW_GUTTER);
	const pageSize = Math.max(1, height - 1);
	const first = clampScroll(scroll, selectedIndex, pageSize, rows.length);
	const visible = rows.slice(first, first + pageSize);
	const header = joinCells(
		placed.map(({column, width: w}) => fitLine([{text: column.header, style: theme.text.heading}], w, column.align)),
		width,
		{text: NO_MARK},
	);
	return (
		<Box flexDirection="column" width={width}>
			<TextLine line={header} />
			{rows.length === 0 && empty ? <TextLine line={fitLine([{text: empty, style: theme.text.dim}], width)} /> : null}
			{visible.map((row, offset) => (
				<TextLine
					key={rowKey(row)}
					line={rowLine(placed, row, first + offset, width, first + offset === selectedIndex)}
					inverse={first + offset === selectedIndex}
				/>
			))}
		</Box>
	);
}
