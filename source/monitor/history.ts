// Per-key trend data for sparklines and forecasts: a fixed-size ring of samples, one per poll.
// Samples live in typed-array columns, not as objects: a day of small objects cost ~0.3 MiB of heap per key,
// so thousands of keys held most of a GiB. Objects are built only when a caller asks for them.

import {STATUSES, type Credit, type RateWindow, type Status} from '../types.js';
import {forecast, type Forecast, type Sample} from './forecast.js';

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
	// `+ 0` turns -0 into 0: JSON (the history file, the remote snapshot) cannot carry -0, so a sample would
	// not come back equal to itself.
	for (const w of windows) {
		if (!finite(w.remaining)) continue;
		remaining[w.id] = w.remaining + 0;
		if (finite(w.limit) && w.limit > 0) fraction[w.id] = Math.min(1, Math.max(0, w.remaining / w.limit));
	}
	const sample: HistorySample = {at, status, remaining, fraction};
	if (finite(credit?.remaining)) sample.credit = credit.remaining + 0;
	return sample;
}

// NaN marks "unknown" inside the columns only; it is turned back into a missing field on the way out, so no
// caller (and no screen) ever sees it. Float64 throughout: token counts pass 2^24 and fractions must
// round-trip exactly through the history file and the remote snapshot.
type WindowColumns = {remaining: Float64Array; fraction: Float64Array; known: number};
type CreditColumn = {values: Float64Array; known: number};

const STATUS_CODE = new Map<string, number>(STATUSES.map((status, code) => [status, code]));

function filled(capacity: number): Float64Array {
	return new Float64Array(capacity).fill(Number.NaN);
}

/** Plain assignment would set the prototype for a window id of "__proto__" instead of keeping it. */
function put(record: Record<string, number>, key: string, value: number): void {
	if (key === '__proto__') Object.defineProperty(record, key, {value, enumerable: true, writable: true, configurable: true});
	else record[key] = value;
}

export class KeyHistory {
	readonly capacity: number;
	readonly #at: Float64Array;
	readonly #status: Uint8Array;
	// Columns appear with the first known value and go once the ring no longer holds any, so a window a
	// provider stopped reporting does not keep its arrays for the life of the process.
	readonly #windows = new Map<string, WindowColumns>();
	#credit: CreditColumn | undefined;
	#start = 0;
	#size = 0;

	constructor(capacity = DEFAULT_HISTORY_CAPACITY) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
		this.capacity = capacity;
		this.#at = new Float64Array(capacity);
		this.#status = new Uint8Array(capacity);
	}

	/** Rebuild from persisted samples (the newest `capacity` are kept; malformed ones are skipped). */
	static from(samples: readonly unknown[], capacity = DEFAULT_HISTORY_CAPACITY): KeyHistory {
		const history = new KeyHistory(capacity);
		for (const s of samples) if (isHistorySample(s)) history.add(s);
		return history;
	}

	get size(): number {
		return this.#size;
	}

	add(sample: HistorySample): void {
		const code = STATUS_CODE.get(sample.status);
		// A column cannot hold a status it has no code for or a time that is not a number; such a sample
		// could not be saved or served either, so it is not kept.
		if (code === undefined || !finite(sample.at)) return;
		let slot: number;
		if (this.#size < this.capacity) {
			slot = (this.#start + this.#size) % this.capacity;
			this.#size++;
		} else {
			slot = this.#start;
			this.#start = (this.#start + 1) % this.capacity;
		}
		this.#at[slot] = sample.at;
		this.#status[slot] = code;
		for (const [id, columns] of this.#windows) {
			const before = known(columns, slot);
			columns.remaining[slot] = numberOr(sample.remaining, id);
			columns.fraction[slot] = numberOr(sample.fraction, id);
			columns.known += known(columns, slot) - before;
			if (columns.known === 0) this.#windows.delete(id);
		}
		for (const id of newIds(sample, this.#windows)) {
			const columns: WindowColumns = {remaining: filled(this.capacity), fraction: filled(this.capacity), known: 0};
			columns.remaining[slot] = numberOr(sample.remaining, id);
			columns.fraction[slot] = numberOr(sample.fraction, id);
			columns.known = known(columns, slot);
			if (columns.known > 0) this.#windows.set(id, columns);
		}
		const credit = finite(sample.credit) ? sample.credit : Number.NaN;
		if (this.#credit) {
			const column = this.#credit;
			column.known += (Number.isNaN(credit) ? 0 : 1) - (Number.isNaN(column.values[slot]) ? 0 : 1);
			column.values[slot] = credit;
			if (column.known === 0) this.#credit = undefined;
		} else if (!Number.isNaN(credit)) {
			this.#credit = {values: filled(this.capacity), known: 1};
			this.#credit.values[slot] = credit;
		}
	}

	record(at: number, status: Status, windows: readonly RateWindow[], credit?: Credit): void {
		this.add(toSample(at, status, windows, credit));
	}

	samples(): HistorySample[] {
		const out: HistorySample[] = [];
		for (let i = 0; i < this.#size; i++) out.push(this.#sampleAt(this.#slot(i)));
		return out;
	}

	/**
	 * The newest samples taken at or after `at`, at most `max`, oldest first. Walks back from the newest, so a
	 * caller asking every few seconds for what is new pays for what is new, not for the whole day.
	 */
	since(at: number, max = this.capacity): HistorySample[] {
		const out: HistorySample[] = [];
		for (let i = this.#size - 1; i >= 0 && out.length < max; i--) {
			const slot = this.#slot(i);
			if (this.#at[slot]! < at) break;
			out.push(this.#sampleAt(slot));
		}
		return out.reverse();
	}

	/** How many samples were taken at or after `at`: counted on the time column alone, no sample is built. */
	countSince(at: number): number {
		let count = 0;
		for (let i = this.#size - 1; i >= 0 && this.#at[this.#slot(i)]! >= at; i--) count++;
		return count;
	}

	/**
	 * The samples taken at or after `at`, every `stride`-th counted back from the newest (which is always kept),
	 * oldest first: a thinned day is built without building the samples it leaves out.
	 */
	sinceEvery(at: number, stride: number): HistorySample[] {
		const out: HistorySample[] = [];
		for (let i = this.#size - 1, n = 0; i >= 0; i--, n++) {
			const slot = this.#slot(i);
			if (this.#at[slot]! < at) break;
			if (n % stride === 0) out.push(this.#sampleAt(slot));
		}
		return out.reverse();
	}

	last(): HistorySample | undefined {
		return this.#size === 0 ? undefined : this.#sampleAt(this.#slot(this.#size - 1));
	}

	/** Remaining / limit per sample for one window (undefined where unknown), oldest first: a sparkline's input. */
	fractions(windowId: string): Array<number | undefined> {
		const column = this.#windows.get(windowId)?.fraction;
		const out: Array<number | undefined> = [];
		for (let i = 0; i < this.#size; i++) out.push(column ? orUndefined(column[this.#slot(i)]!) : undefined);
		return out;
	}

	statuses(): Status[] {
		const out: Status[] = [];
		for (let i = 0; i < this.#size; i++) out.push(STATUSES[this.#status[this.#slot(i)]!]!);
		return out;
	}

	remainingSeries(windowId: string): Sample[] {
		const column = this.#windows.get(windowId)?.remaining;
		return column ? this.#series(column) : [];
	}

	creditSeries(): Sample[] {
		return this.#credit ? this.#series(this.#credit.values) : [];
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

	#slot(index: number): number {
		return (this.#start + index) % this.capacity;
	}

	#series(column: Float64Array): Sample[] {
		const out: Sample[] = [];
		for (let i = 0; i < this.#size; i++) {
			const slot = this.#slot(i);
			const remaining = column[slot]!;
			if (!Number.isNaN(remaining)) out.push({at: this.#at[slot]!, remaining});
		}
		return out;
	}

	#sampleAt(slot: number): HistorySample {
		const remaining: Record<string, number> = {};
		const fraction: Record<string, number> = {};
		for (const [id, columns] of this.#windows) {
			const r = columns.remaining[slot]!;
			const f = columns.fraction[slot]!;
			if (!Number.isNaN(r)) put(remaining, id, r);
			if (!Number.isNaN(f)) put(fraction, id, f);
		}
		const sample: HistorySample = {at: this.#at[slot]!, status: STATUSES[this.#status[slot]!]!, remaining, fraction};
		const credit = this.#credit?.values[slot];
		if (credit !== undefined && !Number.isNaN(credit)) sample.credit = credit;
		return sample;
	}
}

function numberOr(record: Record<string, number>, id: string): number {
	if (!Object.hasOwn(record, id)) return Number.NaN;
	const value = record[id];
	return finite(value) ? value : Number.NaN;
}

function known(columns: WindowColumns, slot: number): number {
	return Number.isNaN(columns.remaining[slot]!) && Number.isNaN(columns.fraction[slot]!) ? 0 : 1;
}

function orUndefined(value: number): number | undefined {
	return Number.isNaN(value) ? undefined : value;
}

function newIds(sample: HistorySample, columns: ReadonlyMap<string, WindowColumns>): Set<string> {
	const ids = new Set<string>();
	for (const id of Object.keys(sample.remaining)) if (!columns.has(id)) ids.add(id);
	for (const id of Object.keys(sample.fraction)) if (!columns.has(id)) ids.add(id);
	return ids;
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
