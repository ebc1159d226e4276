import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/ui/components/App.js';
import {DEMO_BANNER, OFFLINE_BANNER} from '../../source/ui/components/Header.js';
import {MINUTE, T0, fakeMonitor, makeKey, manyKeys, sampleKeys, win} from './fixtures.js';
import {keys, renderScreen} from './screen.js';

process.env.TZ = 'UTC';

type Rendered = ReturnType<typeof render>;

const tick = () => new Promise(resolve => setImmediate(resolve));

async function press(app: Rendered, ...sequence: string[]) {
	for (const key of sequence) {
		app.stdin.write(key);
		await tick();
		await tick();
	}
}

// Captured before any test fakes timers: waiting must keep working while the view's own ticks are faked.
const realSetTimeout = globalThis.setTimeout;

async function waitFor(app: Rendered, predicate: (frame: string) => boolean, what: string): Promise<string> {
	for (let attempt = 0; attempt < 300; attempt++) {
		const frame = app.lastFrame() ?? '';
		if (predicate(frame)) return frame;
		await new Promise(resolve => realSetTimeout(resolve, 10));
	}
	throw new Error(`Timed out waiting for ${what}. Last frame:\n${app.lastFrame()}`);
}

/** The name on the row marked as selected. */
function selected(frame: string): string | undefined {
	return /^› (?:\s*\d+ )?(\S+)/m.exec(frame)?.[1];
}

function start(monitor = fakeMonitor(sampleKeys()), props: Partial<Parameters<typeof App>[0]> = {}) {
	const app = render(<App monitor={monitor} clock={() => T0} {...props} />);
	return {app, monitor};
}

let mounted: Rendered | undefined;
afterEach(() => {
	mounted?.unmount();
	mounted = undefined;
	vi.useRealTimers();
});

describe('live view keys', () => {
	it.each<[string, string[], string]>([
		['j moves down', ['j'], 'openai-batch'],
		['down arrow moves down', [keys.down, keys.down], 'anthropic-main'],
		['k moves up', ['j', 'j', 'k'], 'openai-batch'],
		['up arrow moves up', ['j', keys.up], 'openai-prod'],
		['G goes to the last key', ['G'], 'deepseek-new'],
		['g goes back to the first', ['G', 'g'], 'openai-prod'],
		['5 jumps to row 5', ['5'], 'openai-old'],
		['9 past the end is ignored', ['3', '9'], 'anthropic-main'],
	])('%s', async (_name, sequence, expected) => {
		const {app} = start();
		mounted = app;
		expect(selected(app.lastFrame() ?? '')).toBe('openai-prod');
		await press(app, ...sequence);
		expect(selected(app.lastFrame() ?? '')).toBe(expected);
	});

	it('Enter opens the pane with the verdict sections, moving switches it, Esc closes it', async () => {
		const {app} = start();
		mounted = app;
		await press(app, '4', keys.enter);
		let frame = await waitFor(app, f => f.includes('How to fix'), 'the pane');
		expect(frame).toContain('openai-trial · OpenAI · sk-…rial');
		expect(frame).toMatch(/^Why$/m);
		expect(frame).toMatch(/^Evidence$/m);
		await press(app, 'j');
		frame = await waitFor(app, f => f.includes('openai-old · OpenAI'), 'the pane to follow the selection');
		expect(frame).toContain('Invalid API key');
		await press(app, keys.escape);
		frame = await waitFor(app, f => !f.includes('How to fix'), 'the pane to close');
		expect(selected(frame)).toBe('openai-old');
	});

	it('d opens the pane too', async () => {
		const {app} = start();
		mounted = app;
		await press(app, '3', 'd');
		await waitFor(app, f => f.includes('Clears by itself'), 'the pane for the limited key');
	});

	it('/ filters by name or provider, Esc clears', async () => {
		const {app} = start();
		mounted = app;
		await press(app, '/', 'a', 'n', 't', 'h');
		let frame = await waitFor(app, f => f.includes('/anth'), 'the filter line');
		expect(frame).toContain('2 of 8 keys');
		expect(frame).toContain('anthropic-main');
		expect(frame).not.toContain('openai-prod');
		await press(app, keys.backspace, keys.backspace, keys.backspace, keys.backspace, 'D', 'e', 'e', 'p');
		frame = await waitFor(app, f => f.includes('/Deep'), 'the edited filter');
		expect(selected(frame)).toBe('deepseek-new');
		await press(app, keys.escape);
		frame = await waitFor(app, f => !f.includes('of 8 keys'), 'the filter to clear');
		expect(frame).toContain('openai-prod');
		expect(selected(frame)).toBe('deepseek-new');
	});

	it('Enter keeps the filter; typed letters are text, not commands, while filtering', async () => {
		const {app, monitor} = start();
		mounted = app;
		await press(app, '/', 'q', 'p', 'R');
		expect(monitor.setPaused).not.toHaveBeenCalled();
		expect(monitor.probeNow).not.toHaveBeenCalled();
		let frame = await waitFor(app, f => f.includes('No key matches'), 'no matches');
		await press(app, keys.backspace, keys.backspace, keys.backspace, 'o', 'l', 'd', keys.enter);
		frame = await waitFor(app, f => f.includes('filter: old'), 'the applied filter');
		expect(selected(frame)).toBe('openai-old');
		await press(app, keys.escape);
		await waitFor(app, f => !f.includes('filter: old'), 'Esc to clear the applied filter');
	});

	it('p pauses and resumes polling through the monitor', async () => {
		const {app, monitor} = start();
		mounted = app;
		await press(app, 'p');
		expect(monitor.setPaused).toHaveBeenLastCalledWith(true);
		await waitFor(app, f => f.includes('‖ paused') && f.includes('p resume'), 'the paused header');
		await press(app, 'p');
		expect(monitor.setPaused).toHaveBeenLastCalledWith(false);
	});

	it('R probes the selected key now', async () => {
		const {app, monitor} = start();
		mounted = app;
		await press(app, 'j', 'j', 'R');
		expect(monitor.probeNow).toHaveBeenCalledExactlyOnceWith('anthropic-main');
	});

	it.each([
		['q', 'q'],
		['Ctrl+C', keys.ctrlC],
	])('%s quits', async (_name, key) => {
		const onQuit = vi.fn();
		const {app} = start(undefined, {onQuit});
		mounted = app;
		await press(app, key);
		expect(onQuit).toHaveBeenCalledOnce();
	});

	it('? shows every key; Esc goes back to the table', async () => {
		const {app} = start();
		mounted = app;
		await press(app, '?');
		const frame = await waitFor(app, f => f.includes('Probe the selected key now'), 'the help overlay');
		expect(frame).not.toContain('openai-prod');
		await press(app, keys.escape);
		await waitFor(app, f => f.includes('openai-prod'), 'the table again');
	});
});

describe('live view data', () => {
	it('re-renders when the monitor changes', async () => {
		const {app, monitor} = start(fakeMonitor([makeKey({id: 'solo', status: 'CHECKING', checkedAt: undefined})]));
		mounted = app;
		expect(app.lastFrame()).toContain('… CHECKING');
		monitor.update({keys: [makeKey({id: 'solo', status: 'DENIED'})]});
		await waitFor(app, f => f.includes('✗ DENIED'), 'the new status');
	});

	it('counts the reset down every second from the absolute deadline', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		let now = T0;
		const key = makeKey({id: 'ticking', windows: [win({id: 'r', limit: 100, remaining: 10, resetAt: T0 + 252_000})]});
		const app = render(<App monitor={fakeMonitor([key])} clock={() => now} />);
		mounted = app;
		expect(app.lastFrame()).toContain('4m 12s');
		now += 1000;
		vi.advanceTimersByTime(1001);
		await waitFor(app, f => f.includes('4m 11s'), 'the countdown to tick');
		expect(app.lastFrame()).toContain('keywatch 12:00 ');
	});

	it('with no countdown on screen, redraws every 5 s and moves every age in the same frame', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		let now = T0;
		const keys = [makeKey({id: 'one', checkedAt: T0 - 7000}), makeKey({id: 'two', checkedAt: T0 - 2000})];
		const app = render(<App monitor={fakeMonitor(keys)} clock={() => now} />);
		mounted = app;
		expect(app.lastFrame()).toMatch(/one.*7s ago/);
		expect(app.lastFrame()).toMatch(/two.*2s ago/);
		now += 3000;
		vi.advanceTimersByTime(3000);
		// No tick is due before the 5 s boundary: the ages hold.
		expect(app.lastFrame()).toMatch(/one.*7s ago/);
		now += 2000;
		vi.advanceTimersByTime(2001);
		await waitFor(app, f => /one.*12s ago/.test(f) && /two.*7s ago/.test(f), 'both ages to move by 5 s');
	});

	it('runs one ticker while mounted and clears it on unmount', () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		const app = render(<App monitor={fakeMonitor(sampleKeys())} clock={() => T0} />);
		expect(vi.getTimerCount()).toBe(1);
		app.unmount();
		expect(vi.getTimerCount()).toBe(0);
	});

	it('marks readings older than twice the poll interval as stale', () => {
		const keysWithAges = [makeKey({id: 'fresh', checkedAt: T0 - 30_000}), makeKey({id: 'old', checkedAt: T0 - 5 * MINUTE})];
		const app = render(<App monitor={fakeMonitor(keysWithAges)} clock={() => T0} />);
		mounted = app;
		const frame = app.lastFrame() ?? '';
		expect(frame).toContain('1 stale');
		expect(frame).toMatch(/fresh.*30s ago/);
		expect(frame).toMatch(/old.*stale 5m/);
	});

	it('shows the demo and offline banners', () => {
		const app = render(<App monitor={fakeMonitor(sampleKeys(), {demo: true, offline: true})} clock={() => T0} />);
		mounted = app;
		const frame = (app.lastFrame() ?? '').replaceAll('\n', ' ');
		expect(frame).toContain(DEMO_BANNER);
		expect(frame).toContain(OFFLINE_BANNER);
	});

	it('shows the last alert, remote mode and start-up warnings', () => {
		const alerts = {getLastAlertAt: () => T0 - 4 * MINUTE, subscribe: () => () => {}};
		const app = render(<App monitor={fakeMonitor(sampleKeys())} clock={() => T0} alerts={alerts} remote="http://ops:9464" warnings={['config folder is readable by others']} />);
		mounted = app;
		const frame = app.lastFrame() ?? '';
		expect(frame).toContain('alert 4m ago');
		expect(frame).toContain('remote');
		expect(frame).toContain('! config folder is readable by others');
	});

	it('says how to add a key when there are none', () => {
		const app = render(<App monitor={fakeMonitor([])} clock={() => T0} />);
		mounted = app;
		expect(app.lastFrame()).toContain('No keys yet. Add one: keywatch add openai');
	});
});

describe('live view layout', () => {
	it('renders only the visible rows of 200 keys and scrolls with the selection', async () => {
		const screen = renderScreen(<App monitor={fakeMonitor(manyKeys(200))} clock={() => T0} />, {columns: 80, rows: 24});
		const lines = screen.lines();
		expect(lines).toHaveLength(23);
		expect(lines.filter(line => /key-\d{3}/.test(line))).toHaveLength(20);
		expect(lines.at(-1)).toMatch(/1–20 of 200$/);
		await screen.press('G');
		const frame = await screen.waitFor(f => f.includes('181–200 of 200'), 'the end of the list');
		expect(selected(frame)).toBe('key-200');
		expect(frame).not.toContain('key-180');
		await screen.press(keys.pageDown, 'g', keys.pageDown);
		expect(selected(screen.lastFrame())).toBe('key-021');
		screen.unmount();
	});

	it('re-lays out on resize: columns dropped at 80 come back at 120', async () => {
		const screen = renderScreen(<App monitor={fakeMonitor(sampleKeys())} clock={() => T0} />, {columns: 120, rows: 30});
		expect(screen.lines()[1]).toContain('Latency');
		screen.resize(80, 24);
		await screen.waitFor(f => !f.split('\n')[1]?.includes('Latency'), 'the narrow layout');
		for (const line of screen.lines()) expect(line.length).toBeLessThanOrEqual(80);
		expect(screen.lines()).toHaveLength(23);
		screen.resize(120, 30);
		await screen.waitFor(f => f.split('\n')[1]?.includes('Latency') ?? false, 'the wide layout');
		screen.unmount();
	});

	it('puts the pane beside the table on a wide screen', async () => {
		const screen = renderScreen(<App monitor={fakeMonitor(sampleKeys())} clock={() => T0} />, {columns: 200, rows: 40});
		await screen.press('4', keys.enter);
		const frame = await screen.waitFor(f => f.includes('How to fix'), 'the pane');
		expect(frame).toMatch(/openai-trial .* │ How to fix|│ How to fix/);
		expect(frame.split('\n').find(line => line.includes('openai-prod'))).toContain(' │ ');
		screen.unmount();
	});

	it('fits a narrow tmux pane in compact mode', () => {
		const screen = renderScreen(<App monitor={fakeMonitor(sampleKeys(), {demo: true})} clock={() => T0} compact />, {columns: 44, rows: 14});
		const lines = screen.lines();
		expect(lines).toHaveLength(13);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(44);
		expect(lines[2]).toMatch(/Name\s+Status\s+Requests\s+Reset/);
		expect(lines.at(-1)).toContain('? help');
		screen.unmount();
	});
});

describe('keys typed faster than React re-subscribes', () => {
	it('act on the latest selection and scope', async () => {
		const monitor = fakeMonitor(sampleKeys());
		const app = render(<App monitor={monitor} clock={() => T0} />);
		mounted = app;
		for (const key of ['j', 'j', 'R', 'p', 'p', '/', 'o', 'l', 'd']) app.stdin.write(key);
		expect(monitor.probeNow).toHaveBeenCalledExactlyOnceWith('anthropic-main');
		expect(monitor.setPaused.mock.calls).toEqual([[true], [false]]);
		const frame = await waitFor(app, f => f.includes('/old'), 'the filter typed right after /');
		expect(frame).not.toContain('How to fix');
	});
});

describe('several keys in one chunk of input', () => {
	it('are handled one by one, as tmux send-keys and fast typing deliver them', async () => {
		const monitor = fakeMonitor(sampleKeys());
		const app = render(<App monitor={monitor} clock={() => T0} />);
		mounted = app;
		app.stdin.write('4\r');
		await waitFor(app, f => f.includes('How to fix') && f.includes('openai-trial · OpenAI'), 'row 4 opened');
		app.stdin.write('/old\r');
		await waitFor(app, f => f.includes('filter: old'), 'the filter typed and applied in one chunk');
	});
});
