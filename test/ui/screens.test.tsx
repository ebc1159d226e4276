import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/components/App.js';
import {T0, fakeMonitor, reading, sampleKeys, win} from './fixtures.js';
import {keys, renderScreen} from './screen.js';

// Whole screens at pinned sizes, colour stripped: a change to any of these is a change a user sees.
process.env.TZ = 'UTC';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function screenAt(columns: number, rows: number, extra: Parameters<typeof fakeMonitor>[1] = {demo: true}) {
	const keysWithTrend = sampleKeys();
	keysWithTrend[0] = {
		...keysWithTrend[0]!,
		recent: [1, 0.9, 0.7, 0.75, 0.5, 0.6, 0.8, 1].map((f, i) => reading(T0 - (8 - i) * 60_000, {windows: [win({id: 'requests', limit: 100, remaining: f * 100})]})),
	};
	const screen = renderScreen(<App monitor={fakeMonitor(keysWithTrend, extra)} clock={() => T0} />, {columns, rows});
	unmount = screen.unmount;
	return screen;
}

function assertFits(frame: string, columns: number, rows: number) {
	const lines = frame.split('\n');
	expect(lines.length).toBeLessThan(rows);
	for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
}

describe('whole screens', () => {
	it('80x24: the demo table', () => {
		const {lastFrame} = screenAt(80, 24);
		assertFits(lastFrame(), 80, 24);
		expect(lastFrame()).toMatchSnapshot();
	});

	it('80x24: the detail pane of a denied key', async () => {
		const screen = screenAt(80, 24);
		await screen.press('4', keys.enter);
		const frame = await screen.waitFor(f => f.includes('How to fix'), 'the pane');
		assertFits(frame, 80, 24);
		expect(frame).toMatchSnapshot();
	});

	it('120x40: the detail pane of a rate-limited key', async () => {
		const screen = screenAt(120, 40, {});
		await screen.press('3', keys.enter);
		const frame = await screen.waitFor(f => f.includes('How to fix'), 'the pane');
		assertFits(frame, 120, 40);
		expect(frame).toMatchSnapshot();
	});

	it('200x60: the pane beside the table, paused and offline', async () => {
		const screen = screenAt(200, 60, {paused: true, offline: true});
		await screen.press(keys.enter);
		const frame = await screen.waitFor(f => f.includes('Readings'), 'the pane');
		assertFits(frame, 200, 60);
		expect(frame).toMatchSnapshot();
	});

	it('80x24: the help overlay', async () => {
		const screen = screenAt(80, 24, {});
		await screen.press('?');
		const frame = await screen.waitFor(f => f.includes('Quit keywatch'), 'the overlay');
		assertFits(frame, 80, 24);
		expect(frame).toMatchSnapshot();
	});
});

describe('scrolling the detail pane', () => {
	it('J shows what a short terminal had cut off, K goes back, and another key starts at its top', async () => {
		const screen = screenAt(80, 24, {});
		await screen.press('4');
		await screen.press('\r');
		const first = await screen.waitFor(f => f.includes('↓') && f.includes('J/Space down'), 'a pane taller than its room');
		expect(first).not.toMatch(/↑ \d+ above/);
		await screen.press('J');
		const scrolled = await screen.waitFor(f => /↑ 5 above/.test(f), 'the pane scrolled down');
		expect(scrolled).not.toEqual(first);
		await screen.press('K');
		await screen.waitFor(f => !/↑ \d+ above/.test(f) && f.includes('J/Space down'), 'the pane back at its top');
		await screen.press('J');
		await screen.waitFor(f => /↑ 5 above/.test(f), 'scrolled again');
		await screen.press('j');
		await screen.waitFor(f => !/↑ \d+ above/.test(f), 'the next key at its top');
	});
});
