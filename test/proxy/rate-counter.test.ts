import {describe, expect, it} from 'vitest';
import {SlidingCounter} from '../../source/proxy/rate-counter.js';

describe('SlidingCounter', () => {
	it('counts the last 60 seconds and forgets older requests', () => {
		const counter = new SlidingCounter();
		const t0 = 1_700_000_000_000;
		counter.add(t0);
		counter.add(t0 + 500);
		counter.add(t0 + 30_000);
		expect(counter.total(t0 + 30_000)).toBe(3);
		expect(counter.total(t0 + 59_999)).toBe(3);
		expect(counter.total(t0 + 60_000)).toBe(1);
		expect(counter.total(t0 + 90_000)).toBe(0);
	});

	it('reuses a bucket after a full turn without counting the old turn', () => {
		const counter = new SlidingCounter();
		const t0 = 1_700_000_000_000;
		for (let i = 0; i < 5; i++) counter.add(t0);
		counter.add(t0 + 60_000);
		expect(counter.total(t0 + 60_000)).toBe(1);
	});
});
