import {describe, expect, it} from 'vitest';
import {goDuration, rfc3339Seconds, secondsUntil} from '../../source/fake/formats.js';
import {scenarioFromName} from '../../source/fake/scenarios.js';
import {KeyState, periodEnd, StateStore, type WindowSpec} from '../../source/fake/state.js';

const T = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('goDuration', () => {
	it.each([
		[0, '0s'],
		[12, '12ms'],
		[999, '999ms'],
		[1000, '1s'],
		[1500, '1.5s'],
		[60_000, '1m0s'],
		[360_000, '6m0s'],
		[578_016, '9m38.016s'],
		[7_200_000, '2h0m0s'],
		[86_400_000, '24h0m0s'],
		[-5, '0s'],
	])('%i ms → %s', (ms, text) => {
		expect(goDuration(ms)).toBe(text);
	});
});

describe('reset formats', () => {
	it('writes RFC 3339 on whole seconds, rounding up', () => {
		expect(rfc3339Seconds(T)).toBe('2026-01-15T12:00:00Z');
		expect(rfc3339Seconds(T + 1)).toBe('2026-01-15T12:00:01Z');
	});

	it('gives retry-after in whole seconds, at least 1', () => {
		expect(secondsUntil(T + 1500, T)).toBe(2);
		expect(secondsUntil(T - 10, T)).toBe(1);
	});
});

describe('periodEnd', () => {
	it('ends rolling windows a period after they start', () => {
		expect(periodEnd({rollingMs: 60_000}, T)).toBe(T + 60_000);
	});

	it('ends day windows at midnight UTC or Pacific, and month windows on the 1st', () => {
		expect(periodEnd('utc-day', T)).toBe(Date.UTC(2026, 0, 16));
		expect(periodEnd('pacific-day', T)).toBe(Date.UTC(2026, 0, 16, 8));
		expect(periodEnd('pacific-day', Date.UTC(2026, 0, 15, 7))).toBe(Date.UTC(2026, 0, 15, 8));
		expect(periodEnd('utc-month', T)).toBe(Date.UTC(2026, 1, 1));
		expect(periodEnd('utc-month', Date.UTC(2026, 11, 31, 23))).toBe(Date.UTC(2027, 0, 1));
	});
});

const specs: WindowSpec[] = [
	{id: 'requests', unit: 'requests', limit: 10, period: {rollingMs: 60_000}},
	{id: 'tokens', unit: 'tokens', limit: 100, period: {rollingMs: 60_000}},
	{id: 'day', unit: 'requests', limit: 1000, period: 'utc-day'},
];

describe('KeyState', () => {
	it('spends from every window and refuses without spending when one cannot pay', () => {
		const state = new KeyState(specs, 'healthy', 'tokens', 'day');
		expect(state.consume({requests: 1, input: 30, output: 1}, T)).toEqual({ok: true});
		expect(state.window('requests', T)!.remaining).toBe(9);
		expect(state.window('tokens', T)!.remaining).toBe(69);
		const refused = state.consume({requests: 1, input: 80, output: 1}, T);
		expect(refused).toMatchObject({ok: false, window: {id: 'tokens', remaining: 69}});
		expect(state.window('requests', T)!.remaining).toBe(9);
	});

	it('refills a window once the clock passes its reset, and not before', () => {
		const state = new KeyState(specs, 'healthy');
		state.consume({requests: 1, input: 1, output: 0}, T);
		expect(state.window('requests', T + 59_999)!.remaining).toBe(9);
		expect(state.window('requests', T + 60_000)!).toMatchObject({remaining: 10, resetAt: T + 120_000});
		expect(state.window('day', T + 60_000)!.remaining).toBe(999);
	});

	it('starts low keys under 10% and limited or capped keys at zero in their window', () => {
		const low = new KeyState(specs, 'low');
		// Under 10% wherever the limit allows it; a window of 10 keeps its last 1.
		expect(low.views(T).map(v => [v.limit, v.remaining])).toEqual([
			[10, 1],
			[100, 5],
			[1000, 50],
		]);
		const limited = new KeyState(specs, 'limited', 'tokens', 'day');
		expect(limited.window('tokens', T)!.remaining).toBe(0);
		expect(limited.window('requests', T)!.remaining).toBe(10);
		const capped = new KeyState(specs, 'daily_cap', 'tokens', 'day');
		expect(capped.window('day', T)!.remaining).toBe(0);
		expect(capped.window('tokens', T)!.remaining).toBe(100);
	});
});

describe('StateStore', () => {
	it('keeps one state per provider and key, forgets a key everywhere, and stays bounded', () => {
		const store = new StateStore(3);
		const make = () => new KeyState(specs, 'healthy');
		const a = store.get('openai', 'k1', make);
		expect(store.get('openai', 'k1', make)).toBe(a);
		expect(store.get('groq', 'k1', make)).not.toBe(a);
		store.forget('k1');
		expect(store.get('openai', 'k1', make)).not.toBe(a);
		for (const k of ['k2', 'k3', 'k4', 'k5']) store.get('openai', k, make);
		const b = store.get('openai', 'k5', make);
		expect(store.get('openai', 'k5', make)).toBe(b);
	});
});

describe('scenarioFromName', () => {
	it.each([
		['sk-test-limited-1', 'limited'],
		['sk-test-daily_cap-abc', 'daily_cap'],
		['sk-test-stall_body-1', 'stall_body'],
		['sk-test-quota', 'quota'],
		['sk-ant-test-overloaded-2', 'overloaded'],
		['gsk_test-low-x', 'low'],
		['xai-test-invalid-9', 'invalid'],
		['AIzaSyAh-test-suspended-RSI', 'suspended'],
		['sk-test-nonsense-1', 'healthy'],
		['sk-proj-abcdef', 'healthy'],
		['sk-ant-api03-test-xxxxyyyy', 'healthy'],
		['', 'healthy'],
	])('%s → %s', (key, scenario) => {
		expect(scenarioFromName(key)).toBe(scenario);
	});
});
