import {describe, expect, it} from 'vitest';
import {Semaphore} from '../../source/monitor/semaphore.js';

const tick = () => new Promise<void>(resolve => process.nextTick(resolve));

describe('Semaphore', () => {
	it('lets `limit` holders in, queues the rest in order, and hands slots over on release', async () => {
		const semaphore = new Semaphore(2);
		const order: string[] = [];
		const releases: Array<() => void> = [];
		for (const name of ['a', 'b', 'c', 'd']) {
			void semaphore.acquire().then(release => {
				order.push(name);
				releases.push(release);
			});
		}
		await tick();
		expect(order).toEqual(['a', 'b']);
		expect(semaphore.active).toBe(2);
		expect(semaphore.waiting).toBe(2);
		releases[0]!();
		releases[0]!();
		await tick();
		// A double release frees one slot, not two.
		expect(order).toEqual(['a', 'b', 'c']);
		expect(semaphore.active).toBe(2);
		releases[1]!();
		releases[2]!();
		releases[3]?.();
		await tick();
		expect(order).toEqual(['a', 'b', 'c', 'd']);
		releases[3]!();
		expect(semaphore.active).toBe(0);
	});

	it('treats a nonsense limit as 1', async () => {
		expect(new Semaphore(0).limit).toBe(1);
		expect(new Semaphore(Number.NaN).limit).toBe(1);
	});
});
