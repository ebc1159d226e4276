// Per-key trend data for sparklines and forecasts: a fixed-size ring of compact samples, one per poll.

import {STATUSES, type Credit, type RateWindow, type Status} from '../types.js';
import {forecast, type Forecast, type Sample} from './forecast.js';
import {RingBuffer} from './ring-buffer.js';

/** One day of samples at the default 60 s interval. */
export const DEFAULT_HISTORY_CAPACITY = 1440;

export type HistorySample = {
	at: number;
	status: Status;
	/** Window id → remaining, only where the provider said. */
	remaining: Record<string, number>;
	/** Window id → remaining / limit in [0, 1], only where both are known. */
	fraction: Record<string, number>;
	credit?: number;
};

function finite(value: number | undefined): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/** The compact form of a key's state at one moment. Unknown numbers are left out, never zeroed. */
export function toSample(at: number, status: Status, windows: readonly RateWindow[], credit?: Credit): HistorySample {
	const remaining: Record<string, number> = {};
	const fraction: Record<string, number> = {};
	for (const w of windows) {
		if (!finite(w.remaining)) continue;
		remaining[w.id] = w.remaining;
		if (finite(w.limit) && w.limit > 0) fraction[w.id] = Math.min(1, Math.max(0, w.remaining / w.limit));
	}
	const sample: HistorySample = {at, status, remaining, fraction};
	if (finite(credit?.remaining)) sample.credit = credit.remaining;
	return sample;
}

export class KeyHistory {
	readonly #ring: RingBuffer<HistorySample>;

	constructor(capacity = DEFAULT_HISTORY_CAPACITY) {
		this.#ring = new RingBuffer(capacity);
	}

	/** Rebuild from persisted samples (the newest `capacity` are kept; malformed ones are skipped). */
	static from(samples: readonly unknown[], capacity = DEFAULT_HISTORY_CAPACITY): KeyHistory {
		const history = new KeyHistory(capacity);
		for (const s of samples) if (isHistorySample(s)) history.add(s);
		return history;
	}

	get size(): number {
		return this.#ring.size;
	}

	get capacity(): number {
		return this.#ring.capacity;
	}

	add(sample: HistorySample): void {
		this.#ring.push(sample);
	}

	record(at: number, status: Status, windows: readonly RateWindow[], credit?: Credit): void {
		this.add(toSample(at, status, windows, credit));
	}

	samples(): HistorySample[] {
		return this.#ring.toArray();
	}

	/**
	 * The newest samples taken at or after `at`, at most `max`, oldest first. Walks back from the newest, so a
	 * caller asking every few seconds for what is new pays for what is new, not for the whole day.
	 */
	since(at: number, max = this.#ring.capacity): HistorySample[] {
		const out: HistorySample[] = [];
		for (let i = this.#ring.size - 1; i >= 0 && out.length < max; i--) {
			const sample = this.#ring.at(i) as HistorySample;
			if (sample.at < at) break;
			out.push(sample);
		}
		return out.reverse();
	}

	last(): HistorySample | undefined {
		return this.#ring.last();
	}

	/** Remaining / limit per sample for one window (undefined where unknown), oldest first: a sparkline's input. */
	fractions(windowId: string): Array<number | undefined> {
		return this.samples().map(s => s.fraction[windowId]);
	}

	statuses(): Status[] {
		return this.samples().map(s => s.status);
	}

	remainingSeries(windowId: string): Sample[] {
		const out: Sample[] = [];
		for (const s of this.#ring) {
			const remaining = s.remaining[windowId];
			if (remaining !== undefined) out.push({at: s.at, remaining});
		}
		return out;
	}

	creditSeries(): Sample[] {
		const out: Sample[] = [];
		for (const s of this.#ring) if (s.credit !== undefined) out.push({at: s.at, remaining: s.credit});
		return out;
	}

	forecastWindow(windowId: string, resetAt?: number): Forecast | undefined {
		return forecast(this.remainingSeries(windowId), {resetAt});
	}

	forecastCredit(): Forecast | undefined {
		return forecast(this.creditSeries());
	}

	toJSON(): HistorySample[] {
		return this.samples();
	}
}

function isNumberRecord(value: unknown): value is Record<string, number> {
	return typeof value === 'object' && value !== null && Object.values(value).every(v => finite(v as number));
}

/** A persisted sample that can be trusted: finite numbers, a known status. */
export function isHistorySample(value: unknown): value is HistorySample {
	if (typeof value !== 'object' || value === null) return false;
	const s = value as Partial<HistorySample>;
	return finite(s.at) && STATUSES.includes(s.status as Status) && isNumberRecord(s.remaining) && isNumberRecord(s.fraction) && (s.credit === undefined || finite(s.credit));
}
