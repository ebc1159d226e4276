import {it} from 'vitest';
import {runLiveView} from '../../source/ui/run.js';
import {fakeMonitor, sampleKeys} from './fixtures.js';
import {renderScreen} from './screen.js';
import {App} from '../../source/ui/components/App.js';
it('dbg', async () => {
	const screen = renderScreen(<App monitor={fakeMonitor([])} />, {columns: 80, rows: 24});
	screen.unmount();
	screen.stdout.frames.length = 0;
	const monitor = fakeMonitor(sampleKeys());
	const done = runLiveView(monitor, {intervalMs: 60_000, stdout: screen.stdout as any, stdin: screen.stdin as any});
	await new Promise(r => setTimeout(r, 500));
	console.log(JSON.stringify(screen.stdout.frames).slice(0, 3000));
	screen.stdin.write('q');
	await done;
});
