// Small terminals: below the minimum, one line that says so; above it, the status line stays on top however
// many banners there are.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/ui/components/App.js';
import {T0, fakeMonitor, sampleKeys} from './fixtures.js';
import {keys, renderScreen} from './screen.js';

let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

function start(columns: number, rows: number, onQuit?: () => void) {
	const monitor = fakeMonitor(sampleKeys());
	const screen = renderScreen(<App monitor={monitor} clock={() => T0} demo warnings={['config.json is readable by others']} onQuit={onQuit} />, {columns, rows});
	unmount = screen.unmount;
	return {screen, monitor};
}

describe('a small terminal', () => {
	it.each([
		[20, 5, 'too small: need 40×8'],
		[39, 30, 'terminal too small (need 40×8)'],
		[120, 7, 'terminal too small (need 40×8)'],
	])('%ix%i shows one line saying how big it must be', (columns, rows, text) => {
		const {screen} = start(columns, rows);
		expect(screen.lines().filter(line => line.trim() !== '')).toEqual([text]);
	});

	it('draws the view again once the terminal grows, and q still quits while it is too small', async () => {
		const onQuit = vi.fn();
		const {screen} = start(20, 5, onQuit);
		screen.resize(80, 24);
		await screen.waitFor(f => f.startsWith('keywatch 12:00'), 'the view');
		screen.resize(20, 5);
		await screen.waitFor(f => f.includes('too small'), 'the notice again');
		await screen.press('q');
		expect(onQuit).toHaveBeenCalledOnce();
	});

	it.each([
		[40, 8, false],
		[50, 9, true],
		[80, 8, false],
	])('%ix%i keeps the status line first and the footer last, cutting banners (pane open: %s)', async (columns, rows, pane) => {
		const {screen} = start(columns, rows);
		if (pane) await screen.press(keys.enter);
		const lines = screen.lines();
		expect(lines.length).toBeLessThanOrEqual(rows - 1);
		expect(lines[0]).toMatch(/^keywatch 12:00 /);
		expect(lines.at(-1)).toMatch(/q quit/);
		expect(screen.lastFrame()).toContain('› openai-p');
		if (pane) expect(screen.lastFrame()).toMatch(/^─+$/m);
	});
});
