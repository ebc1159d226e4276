import {describe, expect, it, vi} from 'vitest';

// The bin hides CI variables from Ink while it loads when stdout is a terminal (source/cli.tsx): in CI mode Ink
// draws nothing until exit. This file drives runLiveView as the bin would on a terminal, so it does the same
// before Ink is imported; CI runs set CI=true.
vi.hoisted(() => {
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;
});
import {ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, runLiveView} from '../../source/ui/run.js';
import {fakeMonitor, sampleKeys} from './fixtures.js';
import {keys, renderScreen} from './screen.js';
import {App} from '../../source/ui/components/App.js';

function streams() {
	// Reuse the harness's fake terminal streams without its render.
	const screen = renderScreen(<App monitor={fakeMonitor([])} />, {columns: 80, rows: 24});
	screen.unmount();
	screen.stdout.frames.length = 0;
	return {stdout: screen.stdout, stdin: screen.stdin};
}

async function until(predicate: () => boolean, what: string) {
	for (let attempt = 0; attempt < 300; attempt++) {
		if (predicate()) return;
		await new Promise(resolve => setTimeout(resolve, 10));
	}
	throw new Error(`Timed out waiting for ${what}`);
}

describe('runLiveView', () => {
	it.each([
		['q', 'q'],
		['Ctrl+C', keys.ctrlC],
	])('enters the alternate screen, leaves it on %s, stops the monitor and returns 0', async (_name, key) => {
		const {stdout, stdin} = streams();
		const monitor = fakeMonitor(sampleKeys());
		const done = runLiveView(monitor, {intervalMs: 60_000, stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream});
		await until(() => stdout.frames.join('').includes('✗ DENIED'), 'the first frame');
		expect(stdout.frames[0]).toBe(ENTER_ALT_SCREEN);
		stdin.write(key);
		await expect(done).resolves.toBe(0);
		expect(stdout.frames.at(-1)).toBe(LEAVE_ALT_SCREEN);
		expect(stdout.frames.filter(frame => frame === LEAVE_ALT_SCREEN)).toHaveLength(1);
		expect(monitor.stop).toHaveBeenCalledOnce();
	});

	it('leaves the alternate screen and stops the monitor when rendering fails', async () => {
		const {stdout, stdin} = streams();
		const monitor = fakeMonitor(sampleKeys());
		monitor.getSnapshot = () => {
			throw new Error('snapshot exploded');
		};
		const done = runLiveView(monitor, {intervalMs: 60_000, stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream});
		await expect(done).rejects.toThrow('snapshot exploded');
		expect(stdout.frames[0]).toBe(ENTER_ALT_SCREEN);
		expect(stdout.frames.at(-1)).toBe(LEAVE_ALT_SCREEN);
		expect(monitor.stop).toHaveBeenCalledOnce();
	});
});
