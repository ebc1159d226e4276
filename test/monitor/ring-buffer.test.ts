import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {RingBuffer} from '../../source/monitor/ring-buffer.js';

describe('RingBuffer', () => {
	it('keeps the newest items, oldest first, dropping the oldest when full', () => {
		const ring = new RingBuffer<number>(3);
		expect(ring.toArray()).toEqual([]);
		expect(ring.last()).toBeUndefined();
		ring.push(1);
		ring.push(2);
		expect(ring.toArray()).toEqual([1, 2]);
		ring.push(3);
		ring.push(4);
		ring.push(5);
		expect(ring.toArray()).toEqual([3, 4, 5]);
		expect(ring.size).toBe(3);
		expect(ring.at(0)).toBe(3);
		expect(ring.last()).toBe(5);
		expect(ring.at(3)).toBeUndefined();
		expect(ring.at(-1)).toBeUndefined();
		expect([...ring]).toEqual([3, 4, 5]);
	});

	it('returns a fresh array each time, so callers cannot corrupt it', () => {
		const ring = new RingBuffer<number>(2);
		ring.push(1);
		const copy = ring.toArray();
		copy.push(99);
		expect(ring.toArray()).toEqual([1]);
		expect(ring.toArray()).not.toBe(ring.toArray());
	});

	it('clears', () => {
		const ring = new RingBuffer<string>(2);
		ring.push('a');
		ring.push('b');
		ring.push('c');
		ring.clear();
		expect(ring.size).toBe(0);
		ring.push('d');
		expect(ring.toArray()).toEqual(['d']);
	});

	it('rejects a capacity that is not a positive integer', () => {
		for (const bad of [0, -1, 1.5, Number.NaN, Infinity]) expect(() => new RingBuffer(bad)).toThrow(RangeError);
	});

	it('always equals the last `capacity` items pushed', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 20}), fc.array(fc.integer(), {maxLength: 100}), (capacity, items) => {
				const ring = new RingBuffer<number>(capacity);
				for (const item of items) ring.push(item);
				expect(ring.toArray()).toEqual(items.slice(-capacity));
				expect(ring.size).toBe(Math.min(capacity, items.length));
			}),
		);
	});
});
