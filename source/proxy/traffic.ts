// Per-key request counts for the table's "requests per minute through the proxy".
import type {ProviderId} from '../types.js';
import {SlidingCounter} from './rate-counter.js';
import type {KeyTraffic} from './types.js';

type Entry = {provider: ProviderId; counter: SlidingCounter; inFlight: number; total: number; lastAt?: number};

export class TrafficBook {
	readonly #entries = new Map<string, Entry>();

	constructor(private readonly now: () => number) {}

	/** One upstream request started with this key. */
	start(keyName: string, provider: ProviderId): void {
		let entry = this.#entries.get(keyName);
		if (!entry) {
			entry = {provider, counter: new SlidingCounter(), inFlight: 0, total: 0};
			this.#entries.set(keyName, entry);
		}
		entry.counter.add(this.now());
		entry.inFlight++;
		entry.total++;
	}

	/** That request's answer ended (or failed). */
	end(keyName: string, answered: boolean): void {
		const entry = this.#entries.get(keyName);
		if (!entry) return;
		entry.inFlight = Math.max(0, entry.inFlight - 1);
		if (answered) entry.lastAt = this.now();
	}

	snapshot(): Record<string, KeyTraffic> {
		const now = this.now();
		const out: Record<string, KeyTraffic> = {};
		for (const [name, entry] of this.#entries) {
			out[name] = {
				provider: entry.provider,
				requestsPerMinute: entry.counter.total(now),
				inFlight: entry.inFlight,
				total: entry.total,
				...(entry.lastAt === undefined ? {} : {lastAt: entry.lastAt}),
			};
		}
		return out;
	}
}
