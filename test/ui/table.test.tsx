import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {Table} from '../../source/ui/components/Table.js';
import {keyColumns} from '../../source/ui/key-columns.js';
import {type Column, ROW_GUTTER, layoutColumns} from '../../source/ui/table-layout.js';
import {noColorTheme} from '../../source/ui/theme.js';
import {T0, manyKeys, sampleKeys} from './fixtures.js';
import {renderScreen} from './screen.js';

type Row = {id: string; name: string; note: string};

const columns: Array<Column<Row>> = [
	{key: 'id', header: 'ID', width: 3, render: row => row.id},
	{key: 'name', header: 'Name', flex: 1, minWidth: 6, maxWidth: 20, render: row => row.name},
	{key: 'note', header: 'Note', width: 12, priority: 1, render: row => row.note},
	{key: 'size', header: 'Size', width: 6, align: 'right', priority: 5, render: row => String(row.name.length)},
];

const rows: Row[] = [
	{id: '1', name: 'a-very-long-name-that-will-not-fit-anywhere', note: 'note one'},
	{id: '2', name: 'short', note: 'note two is much too long'},
];

const widthsAt = (width: number) => Object.fromEntries(layoutColumns(columns, width).map(p => [p.column.key, p.width]));

describe('layoutColumns', () => {
	it('gives flexible columns the spare width up to their maximum', () => {
		expect(widthsAt(60)).toEqual({id: 3, name: 20, note: 12, size: 6});
	});

	it('drops the lowest priority column first, then the next', () => {
		expect(widthsAt(30)).toEqual({id: 3, name: 6, note: 12, size: 6});
		expect(widthsAt(29)).toEqual({id: 3, name: 18, size: 6});
		expect(widthsAt(12)).toEqual({id: 3, name: 8});
	});

	it('shrinks columns that are never dropped rather than overflow', () => {
		const placed = layoutColumns(columns, 7);
		expect(placed.reduce((sum, p) => sum + p.width, 0) + placed.length - 1).toBeLessThanOrEqual(7);
	});

	it('shares spare width by flex weight', () => {
		const flexible: Array<Column<Row>> = [
			{key: 'a', header: 'A', flex: 2, minWidth: 1, render: () => ''},
			{key: 'b', header: 'B', flex: 1, minWidth: 1, render: () => ''},
		];
		expect(layoutColumns(flexible, 31).map(p => p.width)).toEqual([20, 10]);
	});
});

describe('Table', () => {
	it('truncates cells with an ellipsis instead of wrapping, one line per row', () => {
		const {lastFrame} = render(<Table columns={columns} rows={rows} rowKey={row => row.id} width={42} height={5} />);
		const lines = (lastFrame() ?? '').split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[1]).toContain('a-very-long-nam…');
		expect(lines[2]).toContain('note two is…');
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(42);
	});

	it('renders only the rows that fit and scrolls to keep the selection in view', () => {
		const many = Array.from({length: 50}, (_, i) => ({id: String(i + 1), name: `row-${i + 1}`, note: ''}));
		const {lastFrame} = render(<Table columns={columns} rows={many} rowKey={row => row.id} width={40} height={6} selectedIndex={30} scroll={0} />);
		const lines = (lastFrame() ?? '').split('\n');
		expect(lines).toHaveLength(6);
		expect(lines.at(-1)).toContain('row-31');
		expect(lastFrame()).not.toContain('row-1 ');
	});

	it('marks the selected row, so it shows even when colour and inverse are off', () => {
		const {lastFrame} = render(<Table columns={columns} rows={rows} rowKey={row => row.id} width={40} height={5} selectedIndex={1} />);
		const lines = (lastFrame() ?? '').split('\n');
		expect(lines[2]?.startsWith('› 2')).toBe(true);
		expect(lines[1]?.startsWith('  1')).toBe(true);
	});

	it('shows the empty text when there are no rows', () => {
		const {lastFrame} = render(<Table columns={columns} rows={[]} rowKey={row => row.id} width={40} height={5} empty="Nothing here" />);
		expect(lastFrame()).toContain('Nothing here');
	});
});

describe('key table columns by width', () => {
	const headersAt = (width: number, compact = false) =>
		layoutColumns(keyColumns({now: T0, intervalMs: 60_000, theme: noColorTheme, compact}), width - ROW_GUTTER).map(p => p.column.key);

	it('keeps name, status, headroom and reset at 80 columns and drops the low-priority ones', () => {
		expect(headersAt(80)).toEqual(['name', 'provider', 'status', 'requests', 'tokens', 'reset']);
		expect(headersAt(100)).toEqual(['row', 'name', 'provider', 'status', 'requests', 'tokens', 'reset', 'credit', 'age']);
		expect(headersAt(64)).toEqual(['name', 'status', 'requests', 'tokens', 'reset']);
		expect(headersAt(30)).toEqual(['name', 'status', 'requests', 'reset']);
	});

	it('shows every column at 200, and all but the why at 120', () => {
		const all = ['row', 'name', 'provider', 'status', 'requests', 'tokens', 'reset', 'credit', 'latency', 'age', 'trend', 'why'];
		expect(headersAt(200)).toEqual(all);
		expect(headersAt(120)).toEqual(all.filter(key => key !== 'why'));
	});

	it('keeps the essentials in a compact 40-column pane', () => {
		expect(headersAt(40, true)).toEqual(['name', 'status', 'requests', 'reset']);
	});

	it.each([80, 120, 200])('renders the sample keys at %i columns without a line over the width', columnsWide => {
		const screen = renderScreen(
			<Table columns={keyColumns({now: T0, intervalMs: 60_000, theme: noColorTheme})} rows={sampleKeys()} rowKey={k => k.id} width={columnsWide} height={20} />,
			{columns: columnsWide, rows: 30},
		);
		const lines = screen.lines();
		expect(lines).toHaveLength(9);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(columnsWide);
		expect(screen.lastFrame()).toContain('◷ LIMITED');
		if (columnsWide >= 120) expect(lines[0]).toMatch(/Latency\s+Age\s+Trend/);
		else expect(lines[0]).not.toContain('Trend');
		screen.unmount();
	});

	it('uses the width of a wide screen: longer bars at 200 than at 120', () => {
		const barAt = (width: number) => {
			const placed = layoutColumns(keyColumns({now: T0, intervalMs: 60_000, theme: noColorTheme}), width);
			return placed.find(p => p.column.key === 'requests')?.width ?? 0;
		};
		expect(barAt(200)).toBeGreaterThan(barAt(120));
	});

	it('renders 200 keys as only the rows that fit', () => {
		const {lastFrame} = render(
			<Table columns={keyColumns({now: T0, intervalMs: 60_000, theme: noColorTheme})} rows={manyKeys(200)} rowKey={k => k.id} width={100} height={10} selectedIndex={0} />,
		);
		const frame = lastFrame() ?? '';
		expect(frame.split('\n')).toHaveLength(10);
		expect(frame).toContain('key-009');
		expect(frame).not.toContain('key-010');
	});
});
