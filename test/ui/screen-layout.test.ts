import {describe, expect, it} from 'vitest';
import {MIN_COLUMNS, MIN_ROWS, screenLayout} from '../../source/ui/screen-layout.js';

const base = {headerHeight: 1, paneOpen: false, filterBar: false, rowCount: 50};

describe('screen layout', () => {
	it.each([
		[80, 24],
		[120, 40],
		[200, 60],
	])('fills %ix%i in one line less than the terminal', (columns, rows) => {
		const layout = screenLayout({...base, columns, rows});
		expect(layout.height).toBe(rows - 1);
		expect(layout.body + 1 + 1).toBe(rows - 1);
		expect(layout.table).toEqual({width: columns, height: layout.body});
		expect(layout.pane).toBeUndefined();
	});

	it('puts the pane below the table on 80 and 120 columns, giving the pane two thirds', () => {
		for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
			const layout = screenLayout({...base, columns, rows, paneOpen: true});
			expect(layout.pane?.placement).toBe('below');
			expect(layout.table.height + (layout.pane?.height ?? 0)).toBe(layout.body);
			expect(layout.pane?.height ?? 0).toBeGreaterThan(layout.table.height);
		}
	});

	it('puts the pane beside the table on a 200-column screen', () => {
		const layout = screenLayout({...base, columns: 200, rows: 60, paneOpen: true});
		expect(layout.pane).toMatchObject({placement: 'beside', height: layout.body});
		expect(layout.table.width + (layout.pane?.width ?? 0)).toBe(200);
		expect(layout.table.height).toBe(layout.body);
	});

	it('keeps a compact pane below even when wide', () => {
		expect(screenLayout({...base, columns: 200, rows: 60, paneOpen: true, compact: true}).pane?.placement).toBe('below');
	});

	it('shrinks the table to its rows so a short list leaves the pane the room', () => {
		const layout = screenLayout({...base, columns: 80, rows: 40, paneOpen: true, rowCount: 2});
		expect(layout.table.height).toBe(3);
	});

	it('makes room for the filter line and taller headers', () => {
		const plain = screenLayout({...base, columns: 80, rows: 24});
		expect(screenLayout({...base, columns: 80, rows: 24, filterBar: true, headerHeight: 3}).body).toBe(plain.body - 3);
	});

	it('is too small below the minimum, in either direction', () => {
		expect(screenLayout({...base, columns: 20, rows: 5}).tooSmall).toBe(true);
		expect(screenLayout({...base, columns: MIN_COLUMNS - 1, rows: 40}).tooSmall).toBe(true);
		expect(screenLayout({...base, columns: 120, rows: MIN_ROWS - 1}).tooSmall).toBe(true);
		expect(screenLayout({...base, columns: MIN_COLUMNS, rows: MIN_ROWS}).tooSmall).toBe(false);
	});

	it.each([
		[false, false],
		[true, false],
		[false, true],
		[true, true],
	])('never lays out more lines than the screen, however tall the header (pane %s, filter %s)', (paneOpen, filterBar) => {
		for (let rows = 8; rows <= 30; rows++) {
			for (const headerHeight of [1, 3, 6, 12]) {
				const layout = screenLayout({...base, columns: 80, rows, headerHeight, paneOpen, filterBar});
				const table = layout.pane?.placement === 'below' ? layout.table.height + layout.pane.height : layout.table.height;
				expect(layout.header + table + (filterBar ? 1 : 0) + 1).toBeLessThanOrEqual(layout.height);
				expect(layout.header).toBeGreaterThanOrEqual(1);
				expect(layout.table.height).toBeGreaterThanOrEqual(2);
				// Its rule and at least one line of it.
				if (layout.pane) expect(layout.pane.height).toBeGreaterThanOrEqual(2);
			}
		}
	});

	it('keeps every header line when there is room', () => {
		expect(screenLayout({...base, columns: 80, rows: 24, headerHeight: 4}).header).toBe(4);
	});
});
