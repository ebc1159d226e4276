// A fake clock for tests that run the real monitor against the real fake provider on 127.0.0.1: simulated
// time moves only when the test says, and only after the real HTTP round trips it started have finished.
import type {Clock} from '../../source/monitor/clock.js';

type Timer = {id: number; at: number; fn: () => void};

/**
 * Fires one timer at a time and, after each, lets `settle` wait for the real I/O it started (the HTTP round
 * trip to the fake) before simulated time moves on.
 */
export class SteppedClock implements Clock {
	#now = Date.UTC(2026, 0, 5, 12, 0, 0);
	#seq = 0;
	readonly #timers = new Map<number, Timer>();
	settle: () => Promise<void> = async () => {};

	now(): number {
		return this.#now;
	}

	setTimeout(fn: () => void, ms: number): unknown {
		const id = ++this.#seq;
		this.#timers.set(id, {id, at: this.#now + Math.max(0, ms), fn});
		return id;
	}

	clearTimeout(handle: unknown): void {
		this.#timers.delete(handle as number);
	}

	get pending(): number {
		return this.#timers.size;
	}

	async advance(ms: number): Promise<void> {
		const target = this.#now + ms;
		await this.settle();
		for (;;) {
			let next: Timer | undefined;
			for (const timer of this.#timers.values()) {
				if (timer.at <= target && (!next || timer.at < next.at || (timer.at === next.at && timer.id < next.id))) next = timer;
			}
			if (!next) break;
			this.#timers.delete(next.id);
			this.#now = Math.max(this.#now, next.at);
			next.fn();
			await this.settle();
		}
		this.#now = target;
		await this.settle();
	}
}

export const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));
export const shortWait = () => new Promise<void>(resolve => setTimeout(resolve, 2));

export async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await shortWait();
}

/** Settled: nothing in flight and nothing busy for a few turns in a row (a run sends its next probe within a turn). */
export function settleWhenQuiet(busy: () => boolean): () => Promise<void> {
	return async () => {
		let quiet = 0;
		while (quiet < 3) {
			const now = busy();
			quiet = now ? 0 : quiet + 1;
			await (now ? shortWait() : nextTurn());
		}
	};
}
