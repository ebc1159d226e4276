// R on a key the provider asked keywatch to leave alone: the monitor refuses the probe on purpose, and the
// view says so instead of doing nothing.
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/components/App.js';
import {T0, fakeMonitor, makeKey, verdict} from './fixtures.js';
import {renderScreen} from './screen.js';

process.env.TZ = 'UTC';

let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

function start(...keys: ReturnType<typeof makeKey>[]) {
	const monitor = fakeMonitor(keys);
	const screen = renderScreen(<App monitor={monitor} clock={() => T0} />, {columns: 120, rows: 30});
	unmount = screen.unmount;
	return {monitor, screen};
}

describe('R on a held key', () => {
	it('says until when the provider holds it and why, and sends nothing', async () => {
		const limited = verdict('rate_limited', {clears: 'by_itself', retryAfterSeconds: 245, clearsAt: T0 + 245_000});
		const {monitor, screen} = start(makeKey({id: 'openai-x', status: 'LIMITED', verdict: limited, heldUntil: T0 + 245_000}));
		await screen.press('R');
		const frame = await screen.waitFor(f => f.includes('is held until'), 'the notice');
		expect(frame).toContain('openai-x is held until 12:04:05 (retry-after from the provider); R will probe then');
		expect(monitor.probeNow).not.toHaveBeenCalled();
	});

	it("names the provider's reset when there was no retry-after", async () => {
		const limited = verdict('rate_limited', {clears: 'by_itself', clearsAt: T0 + 30_000});
		const {screen} = start(makeKey({id: 'claude-y', provider: 'anthropic', status: 'LIMITED', verdict: limited, heldUntil: T0 + 30_000}));
		await screen.press('R');
		await screen.waitFor(f => f.includes("claude-y is held until 12:00:30 (the provider's reset); R will probe then"), 'the notice');
	});

	it('probes a key that is not held, or whose hold has passed, without a notice', async () => {
		const {monitor, screen} = start(makeKey({id: 'free'}), makeKey({id: 'was-held', heldUntil: T0 - 1000}));
		await screen.press('R', 'j', 'R');
		expect(monitor.probeNow.mock.calls).toEqual([['free'], ['was-held']]);
		expect(screen.lastFrame()).not.toContain('held until');
	});
});
