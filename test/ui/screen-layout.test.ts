import {describe, expect, it} from 'vitest';
import {screenLayout} from '../../source/ui/screen-layout.js';

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
});
