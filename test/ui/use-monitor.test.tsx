import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {RENDER_EVERY_MS, useMonitor} from '../../source/ui/hooks/use-monitor.js';
import type {MonitorApi} from '../../source/monitor/types.js';
import {fakeMonitor, makeKey} from './fixtures.js';

const settle = async () => {
	for (let i = 0; i < 3; i++) await Promise.resolve();
};

function Probe({monitor, onRender}: {monitor: MonitorApi; onRender: () => void}) {
	const snapshot = useMonitor(monitor);
	onRender();
	return <Text>{snapshot.keys.map(k => `${k.id}:${k.latencyMs}`).join(' ')}</Text>;
}

describe('useMonitor', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('renders a lone change at once and folds a burst of changes into one more render', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'performance']});
		const monitor = fakeMonitor([makeKey({id: 'a', latencyMs: 0})]);
		let renders = 0;
		const app = render(<Probe monitor={monitor} onRender={() => renders++} />);
		expect(app.lastFrame()).toBe('a:0');

		monitor.update({keys: [makeKey({id: 'a', latencyMs: 1})]});
		await settle();
		expect(app.lastFrame()).toBe('a:1');
		const afterFirst = renders;

		for (let i = 2; i <= 50; i++) monitor.update({keys: [makeKey({id: 'a', latencyMs: i})]});
		await settle();
		expect(renders).toBe(afterFirst);
		expect(app.lastFrame()).toBe('a:1');

		await vi.advanceTimersByTimeAsync(RENDER_EVERY_MS);
		await settle();
		expect(app.lastFrame()).toBe('a:50');
		expect(renders).toBe(afterFirst + 1);
		app.unmount();
	});

	it('leaves no timer behind when unmounted with a render pending', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'performance']});
		const monitor = fakeMonitor([makeKey({id: 'a', latencyMs: 0})]);
		const app = render(<Probe monitor={monitor} onRender={() => {}} />);
		monitor.update({keys: [makeKey({id: 'a', latencyMs: 1})]});
		monitor.update({keys: [makeKey({id: 'a', latencyMs: 2})]});
		await settle();
		expect(vi.getTimerCount()).toBe(1);
		app.unmount();
		expect(vi.getTimerCount()).toBe(0);
	});
});
