// Trend history kept across restarts: one bounded JSON file next to the config, so an ops screen that restarts
// still shows the day's sparklines. It is a cache: a bad file costs the old trend and one warning, never a start.

import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs';
import path from 'node:path';
import {STATUSES, type ProviderId} from '../types.js';
import {writeAtomically} from '../util/write-atomically.js';
import {isHistorySample, type HistorySample, type KeyHistory} from './history.js';

export const HISTORY_FILE = 'history.json';
export const DEFAULT_HISTORY_MAX_BYTES = 2 * 1024 * 1024;
/** Samples older than this are dropped on load and on save. */
export const HISTORY_MAX_AGE_MS = 24 * 3_600_000;
/** How often a running monitor writes its history (on its own clock). */
export const HISTORY_SAVE_INTERVAL_MS = 5 * 60_000;

const VERSION = 1;

export type HistoryStore = {
	/** Persisted samples by `historyKey(provider, name)`, oldest first; empty when there is no usable file. */
	load(): Record<string, HistorySample[]>;
	/** Write these histories (keyed by `historyKey`), replacing the file. Never throws. */
	save(histories: Record<string, KeyHistory>): void;
};

export type HistoryStoreOptions = {
	maxBytes?: number;
	clock?: {now(): number};
	/** Where the one warning per kind of trouble goes (default: a line on stderr). */
	warn?: (message: string) => void;
};

/** Keys are told apart by name and provider, never by anything derived from the secret. */
export function historyKey(provider: ProviderId, name: string): string {
	return `${provider}/${name}`;
}

export function createHistoryStore(dir: string, options: HistoryStoreOptions = {}): HistoryStore {
	const file = path.join(dir, HISTORY_FILE);
	const maxBytes = options.maxBytes !== undefined && Number.isFinite(options.maxBytes) && options.maxBytes > 0 ? Math.floor(options.maxBytes) : DEFAULT_HISTORY_MAX_BYTES;
	// A file this much bigger than we ever write is not ours to parse: reading it would only delay the start.
	const readLimit = Math.max(4 * maxBytes, 8 * 1024 * 1024);
	const now = () => (options.clock ?? Date).now();
	const warnOnce = onceEach(options.warn ?? (message => process.stderr.write(`keywatch: warning: ${message}\n`)));

	function load(): Record<string, HistorySample[]> {
		let text: string | undefined;
		try {
			text = readSmallFile(file, readLimit);
		} catch (error) {
			warnOnce('read', `history file ${file} could not be read (${reasonOf(error)}); starting without the saved trend`);
			return {};
		}
		if (text === undefined) return {};
		const keys = parseDocument(text);
		if (!keys) {
			warnOnce('read', `history file ${file} is not a keywatch history file; starting without the saved trend (it will be replaced)`);
			return {};
		}
		const cutoff = now() - HISTORY_MAX_AGE_MS;
		const entries: Array<[string, HistorySample[]]> = [];
		for (const [key, samples] of Object.entries(keys)) {
			if (!Array.isArray(samples)) continue;
			const kept = samples.filter((s): s is HistorySample => isHistorySample(s) && s.at >= cutoff).map(clean);
			if (kept.length > 0) entries.push([key, kept]);
		}
		// fromEntries defines properties, so a key named "__proto__" stays a plain key.
		return Object.fromEntries(entries);
	}

	function save(histories: Record<string, KeyHistory>): void {
		let text: string;
		try {
			text = serialise(histories, now() - HISTORY_MAX_AGE_MS, maxBytes, encodeSample);
		} catch (error) {
			warnOnce('write', `history could not be saved (${reasonOf(error)})`);
			return;
		}
		try {
			writeAtomically(file, text);
		} catch (error) {
			warnOnce('write', `history file ${file} could not be written (${reasonOf(error)}); the trend will not survive a restart`);
		}
	}

	return {load, save};
}

type Encoded = {json: string; bytes: number};

// The ring hands out fresh sample objects on each call (source/monitor/history.ts), so there is nothing to cache.
function encodeSample(sample: HistorySample): Encoded {
	const json = JSON.stringify(sample);
	return {json, bytes: Buffer.byteLength(json)};
}
type Entry = {head: string; parts: Encoded[]; bytes: number; newest: number};

/**
 * The whole file, at most `maxBytes`. Over budget, the busiest keys are thinned first (every other sample,
 * newest kept), so the day's shape survives at a coarser step instead of losing its morning; only when every
 * key is down to one sample do whole keys go, the longest unheard-from first.
 */
function serialise(histories: Record<string, KeyHistory>, cutoff: number, maxBytes: number, encode: (s: HistorySample) => Encoded): string {
	const entries: Entry[] = [];
	for (const [key, history, stride] of prethin(histories, cutoff, maxBytes)) {
		const samples = history.sinceEvery(cutoff, stride);
		entries.push(measure({head: `${JSON.stringify(key)}:`, parts: samples.map(encode), bytes: 0, newest: samples[samples.length - 1]!.at}));
	}
	const opening = `{"version":${VERSION},"keys":{`;
	const closing = '}}';
	const total = () => opening.length + closing.length + entries.reduce((sum, e) => sum + e.bytes, 0) + Math.max(0, entries.length - 1);
	while (total() > maxBytes && entries.length > 0) {
		const most = entries.reduce((max, e) => Math.max(max, e.parts.length), 0);
		if (most > 1) {
			for (let i = 0; i < entries.length; i++) if (entries[i]!.parts.length > most / 2) entries[i] = measure(thin(entries[i]!));
		} else {
			let stalest = 0;
			for (let i = 1; i < entries.length; i++) if (entries[i]!.newest < entries[stalest]!.newest) stalest = i;
			entries.splice(stalest, 1);
		}
	}
	if (total() > maxBytes) throw new Error(`a limit of ${maxBytes} bytes cannot hold even an empty history`);
	return `${opening}${entries.map(e => `${e.head}[${e.parts.map(p => p.json).join(',')}]`).join(',')}${closing}`;
}

/**
 * The thinning below, done on sample counts before any sample is built or encoded. A day of samples for
 * 2,000 keys is ~3 million; building and encoding them all to keep ~20,000 blocked the event loop for
 * seconds on every save. Counts are halved by the same rule (busiest keys first, the newest sample kept)
 * while even the smallest a sample can encode to (and its comma) would not fit; each key's halvings become its
 * stride. Every halving done here is one the exact pass would have done too, so its outcome is the same on far
 * fewer samples. (An average of some samples' sizes is no such bound: a few wide samples among many narrow
 * ones would thin the narrow keys past what the budget needs.)
 */
function prethin(histories: Record<string, KeyHistory>, cutoff: number, maxBytes: number): Array<[string, KeyHistory, number]> {
	const plan = Object.entries(histories)
		.map(([key, history]) => ({key, history, count: history.countSince(cutoff), stride: 1}))
		.filter(entry => entry.count > 0);
	let total = plan.reduce((sum, entry) => sum + entry.count, 0);
	while (total * (MIN_SAMPLE_BYTES + 1) > maxBytes) {
		const most = plan.reduce((max, entry) => Math.max(max, entry.count), 0);
		if (most <= 1) break;
		for (const entry of plan) {
			if (entry.count <= most / 2) continue;
			const halved = Math.ceil(entry.count / 2);
			total -= entry.count - halved;
			entry.count = halved;
			entry.stride *= 2;
		}
	}
	return plan.map(entry => [entry.key, entry.history, entry.stride]);
}

/** No sample encodes to less: a one-character time, the shortest status, no windows, no credit. */
const MIN_SAMPLE_BYTES = Math.min(...STATUSES.map(status => Buffer.byteLength(JSON.stringify({at: 0, status, remaining: {}, fraction: {}} satisfies HistorySample))));

function measure(entry: Entry): Entry {
	const body = entry.parts.reduce((sum, p) => sum + p.bytes, 0) + Math.max(0, entry.parts.length - 1);
	return {...entry, bytes: Buffer.byteLength(entry.head) + 2 + body};
}

/** Every other sample, counted back from the newest so the latest reading always stays. */
function thin(entry: Entry): Entry {
	return {...entry, parts: entry.parts.filter((_, i) => (entry.parts.length - 1 - i) % 2 === 0)};
}

/** Only the fields a sample has: whatever else a hand-edited file carries is not kept or saved again. */
function clean(s: HistorySample): HistorySample {
	const sample: HistorySample = {at: s.at, status: s.status, remaining: {...s.remaining}, fraction: {...s.fraction}};
	if (s.credit !== undefined) sample.credit = s.credit;
	return sample;
}

function parseDocument(text: string): Record<string, unknown> | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof parsed !== 'object' || parsed === null) return undefined;
	const doc = parsed as {version?: unknown; keys?: unknown};
	if (doc.version !== VERSION || typeof doc.keys !== 'object' || doc.keys === null || Array.isArray(doc.keys)) return undefined;
	return doc.keys as Record<string, unknown>;
}

/**
 * The file's text, or undefined when there is none. Opened without blocking and refused unless it is a
 * regular file of sane size: a FIFO or a device in its place must not hang the start.
 */
function readSmallFile(file: string, limit: number): string | undefined {
	let fd: number;
	try {
		fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) throw new Error('not a regular file');
		if (stat.size > limit) throw new Error(`${stat.size} bytes, more than keywatch ever writes`);
		const buffer = Buffer.alloc(stat.size);
		let read = 0;
		while (read < buffer.length) {
			const n = readSync(fd, buffer, read, buffer.length - read, read);
			if (n === 0) break;
			read += n;
		}
		return buffer.subarray(0, read).toString('utf8');
	} finally {
		closeSync(fd);
	}
}

function onceEach(warn: (message: string) => void): (kind: string, message: string) => void {
	const warned = new Set<string>();
	return (kind, message) => {
		if (warned.has(kind)) return;
		warned.add(kind);
		try {
			warn(message);
		} catch {
			// A warning that cannot be shown is still no reason to stop.
		}
	};
}

function reasonOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0] ?? message;
}
