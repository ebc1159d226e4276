import {describe, expect, it} from 'vitest';
import {IDLE_TICK_MS, SECOND_TICK_MS, ageClock, tickMs} from '../../source/ui/tick.js';
import {T0, makeKey, verdict, win} from './fixtures.js';

describe('tickMs', () => {
	const idle = [makeKey({id: 'a'}), makeKey({id: 'b', windows: [win({id: 'r', limit: 10, remaining: 9})]})];

	it('ticks every 5 s when nothing on screen counts seconds', () => {
		expect(tickMs(idle, T0, false)).toBe(IDLE_TICK_MS);
		expect(tickMs([], T0, false)).toBe(IDLE_TICK_MS);
	});

	it('ticks every second while a countdown under an hour runs', () => {
		const counting = makeKey({id: 'c', windows: [win({id: 'r', limit: 10, remaining: 1, resetAt: T0 + 59 * 60_000})]});
		expect(tickMs([...idle, counting], T0, false)).toBe(SECOND_TICK_MS);
	});

	it('ignores countdowns that show no seconds (an hour or more) and resets already passed', () => {
		const far = makeKey({id: 'far', windows: [win({id: 'd', period: 'day', limit: 10, remaining: 1, resetAt: T0 + 3 * 3_600_000})]});
		const passed = makeKey({id: 'past', windows: [win({id: 'r', limit: 10, remaining: 1, resetAt: T0 - 1000})]});
		expect(tickMs([far, passed], T0, false)).toBe(IDLE_TICK_MS);
	});

	it('counts a LIMITED key waiting for its clear time', () => {
		const limited = makeKey({id: 'l', status: 'LIMITED', verdict: verdict('rate_limited', {clears: 'by_itself', clearsAt: T0 + 30_000})});
		expect(tickMs([limited], T0, false)).toBe(SECOND_TICK_MS);
	});

	it('ticks every second while the detail pane is open', () => {
		expect(tickMs(idle, T0, true)).toBe(SECOND_TICK_MS);
	});
});

describe('ageClock', () => {
	it('rounds down to the idle tick, so ages move together', () => {
		expect(ageClock(T0)).toBe(T0);
		expect(ageClock(T0 + 4999)).toBe(T0);
		expect(ageClock(T0 + 5000)).toBe(T0 + 5000);
	});
});
