import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {KeyHistory, type HistorySample} from '../../source/monitor/history.js';
import {createHistoryStore, HISTORY_FILE, HISTORY_SAVE_INTERVAL_MS, historyKey, type HistoryStore} from '../../source/monitor/history-store.js';
import {createMonitor, type Monitor, type MonitorOptions} from '../../source/monitor/monitor.js';
import type {RateWindow} from '../../source/types.js';
import {FakeClock, FakeTransport, keys, seededRandom, stubs} from './helpers.js';

vi.mock('../../source/providers/registry.js', () => ({getAdapter: () => {
	throw new Error('the real registry must not be used here');
}}));
vi.mock('../../source/diagnosis/index.js', () => ({
	diagnose: () => {
		throw new Error('the real diagnose must not be used here');
	},
	statusOf: () => 'DOWN',
}));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// tmpfs where there is one: a simulated week is two thousand saves, each one fsynced.
const tmpBase = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
let dir: string;
let running: Monitor[] = [];

beforeEach(() => {
	dir = mkdtempSync(path.join(tmpBase, 'keywatch-history-'));
});

afterEach(async () => {
	await Promise.all(running.map(m => m.stop()));
	running = [];
	rmSync(dir, {recursive: true, force: true});
});

const file = () => path.join(dir, HISTORY_FILE);

/** Remaining requests go down by one per probe, so the trend has a shape a restart must keep. */
function draining(clock: FakeClock, transport: FakeTransport, limit = 1000): void {
	let remaining = limit;
	transport.replyAll(() => {
		remaining = remaining <= 0 ? limit : remaining - 1;
		const windows: RateWindow[] = [{id: 'requests', limitKind: 'requests', period: 'minute', limit, remaining, resetAt: clock.now() + MINUTE, source: 'headers'}];
		return {status: 200, body: JSON.stringify({windows, credit: {remaining: remaining / 100, currency: 'USD', source: 'endpoint'}})};
	});
}

function monitorWith(clock: FakeClock, store: HistoryStore, options: Partial<MonitorOptions> = {}) {
	const transport = new FakeTransport(clock);
	draining(clock, transport);
	const monitor = createMonitor({keys: keys(2), random: seededRandom(3), noSpend: true, ...stubs(clock, transport), historyStore: store, ...options});
	running.push(monitor);
	return {monitor, transport};
}

/** A store that counts its saves and checks the file's bound each time. */
function counting(store: HistoryStore, maxBytes: number) {
	const sizes: number[] = [];
	return {
		sizes,
		load: () => store.load(),
		save(histories: Record<string, KeyHistory>) {
			store.save(histories);
			sizes.push(statSync(file()).size);
			expect(sizes.at(-1)).toBeLessThanOrEqual(maxBytes);
		},
	};
}

function sample(at: number, remaining = 5): HistorySample {
	return {at, status: 'OK', remaining: {requests: remaining}, fraction: {requests: remaining / 10}, credit: remaining};
}

function historyOf(samples: HistorySample[], capacity = 1440): KeyHistory {
	return KeyHistory.from(samples, capacity);
}

describe('createHistoryStore', () => {
	it('round-trips samples by provider and key name, and starts empty without a file', () => {
		const clock = new FakeClock();
		const warn = vi.fn();
		const store = createHistoryStore(dir, {clock, warn});
		expect(store.load()).toEqual({});
		const t = clock.now();
		store.save({[historyKey('openai', 'prod')]: historyOf([sample(t - 2 * MINUTE, 9), sample(t - MINUTE, 8)]), [historyKey('anthropic', 'prod')]: historyOf([sample(t, 3)])});
		expect(createHistoryStore(dir, {clock, warn}).load()).toEqual({
			'openai/prod': [sample(t - 2 * MINUTE, 9), sample(t - MINUTE, 8)],
			'anthropic/prod': [sample(t, 3)],
		});
		expect(warn).not.toHaveBeenCalled();
	});

	it('drops samples older than 24 hours when saving and when loading', () => {
		const clock = new FakeClock();
		const store = createHistoryStore(dir, {clock});
		const t = clock.now();
		store.save({'openai/a': historyOf([sample(t - 25 * HOUR), sample(t - 23 * HOUR), sample(t - HOUR)]), 'openai/old': historyOf([sample(t - 30 * HOUR)])});
		expect(Object.keys(store.load())).toEqual(['openai/a']);
		expect(store.load()['openai/a']?.map(s => s.at)).toEqual([t - 23 * HOUR, t - HOUR]);
		clock.stepWall(2 * HOUR);
		expect(store.load()['openai/a']?.map(s => s.at)).toEqual([t - HOUR]);
	});

	it('writes the file 0600 by a rename, leaving no temporary file behind', () => {
		const clock = new FakeClock();
		writeFileSync(file(), '{}', {mode: 0o644});
		const store = createHistoryStore(dir, {clock});
		store.save({'openai/a': historyOf([sample(clock.now())])});
		expect(statSync(file()).mode & 0o777).toBe(0o600);
		expect(readdirSync(dir)).toEqual([HISTORY_FILE]);
	});

	it('creates a missing config folder 0700', () => {
		const clock = new FakeClock();
		const nested = path.join(dir, 'not', 'yet');
		createHistoryStore(nested, {clock}).save({'openai/a': historyOf([sample(clock.now())])});
		expect(statSync(nested).mode & 0o777).toBe(0o700);
		expect(statSync(path.join(nested, HISTORY_FILE)).mode & 0o777).toBe(0o600);
	});

	it('stays under maxBytes by thinning the busiest keys first, keeping the newest sample and the day’s span', () => {
		const clock = new FakeClock();
		const maxBytes = 8 * 1024;
		const store = createHistoryStore(dir, {clock, maxBytes});
		const t = clock.now();
		const busy = Array.from({length: 1440}, (_, i) => sample(t - (1439 - i) * MINUTE, i % 10));
		const quiet = [sample(t - 10 * HOUR, 1), sample(t - 5 * HOUR, 2), sample(t, 3)];
		store.save({'openai/busy': historyOf(busy), 'openai/quiet': historyOf(quiet)});
		expect(statSync(file()).size).toBeLessThanOrEqual(maxBytes);
		const loaded = store.load();
		expect(loaded['openai/quiet']).toEqual(quiet);
		const kept = loaded['openai/busy']!;
		expect(kept.length).toBeLessThan(busy.length);
		expect(kept.length).toBeGreaterThan(10);
		expect(kept.at(-1)).toEqual(busy.at(-1));
		expect(kept[0]!.at).toBeLessThan(t - 20 * HOUR);
		// Evenly thinned: every step between kept samples is the same.
		expect(new Set(kept.slice(1).map((s, i) => s.at - kept[i]!.at)).size).toBe(1);
	});

	it('encodes only about what fits when a full day of many keys is far over the bound', () => {
		const clock = new FakeClock();
		const maxBytes = 64 * 1024;
		const store = createHistoryStore(dir, {clock, maxBytes});
		const t = clock.now();
		const histories: Record<string, KeyHistory> = {};
		for (let k = 0; k < 200; k++) histories[`openai/k${k}`] = historyOf(Array.from({length: 1440}, (_, i) => sample(t - (1439 - i) * MINUTE, k % 10)));
		const stringify = vi.spyOn(JSON, 'stringify');
		try {
			store.save(histories);
			// 288,000 samples, of which about 700 fit: encoding each one first is what blocked a save for seconds.
			expect(stringify.mock.calls.length).toBeLessThan(5000);
		} finally {
			stringify.mockRestore();
		}
		expect(statSync(file()).size).toBeLessThanOrEqual(maxBytes);
		const loaded = store.load();
		expect(Object.keys(loaded)).toHaveLength(200);
		// Every key keeps its newest sample, and all keys are thinned alike.
		for (const samples of Object.values(loaded)) expect(samples.at(-1)?.at).toBe(t);
		expect(new Set(Object.values(loaded).map(samples => samples.length)).size).toBe(1);
	});

	it('thins no more than the exact rule when the first keys carry far bigger samples than the rest', () => {
		// The count-only pass before encoding must never thin past what the byte budget needs: here everything
		// fits, so nothing may be thinned, however large the first key's newest sample is next to the others'.
		const clock = new FakeClock();
		const maxBytes = 64 * 1024;
		const store = createHistoryStore(dir, {clock, maxBytes});
		const t = clock.now();
		const wide: HistorySample = {at: t, status: 'OK', remaining: {}, fraction: {}};
		for (let w = 0; w < 400; w++) {
			wide.remaining[`window-${w}`] = 1000 + w;
			wide.fraction[`window-${w}`] = 0.5;
		}
		const busy = Array.from({length: 300}, (_, i) => sample(t - (299 - i) * MINUTE, i % 10));
		const histories: Record<string, KeyHistory> = {'anthropic/wide': historyOf([wide]), 'openai/busy': historyOf(busy)};
		const everything = JSON.stringify({version: 1, keys: {'anthropic/wide': [wide], 'openai/busy': busy}});
		expect(Buffer.byteLength(everything)).toBeLessThanOrEqual(maxBytes);
		store.save(histories);
		const loaded = store.load();
		expect(loaded['anthropic/wide']).toEqual([wide]);
		expect(loaded['openai/busy']).toEqual(busy);
	});

	it('drops whole keys, the longest silent first, only when a sample each is still too much', () => {
		const clock = new FakeClock();
		const store = createHistoryStore(dir, {clock, maxBytes: 400});
		const t = clock.now();
		const histories = Object.fromEntries(Array.from({length: 10}, (_, i) => [`openai/k${i}`, historyOf([sample(t - (10 - i) * MINUTE), sample(t - i * HOUR)])]));
		store.save(histories);
		expect(statSync(file()).size).toBeLessThanOrEqual(400);
		const kept = Object.keys(store.load());
		expect(kept.length).toBeGreaterThan(0);
		expect(kept.length).toBeLessThan(10);
		expect(kept).toContain('openai/k0');
		expect(kept).not.toContain('openai/k9');
	});

	it.each([
		['not JSON', 'this is {not json'],
		['truncated JSON', '{"version":1,"keys":{"openai/a":[{"at":1,'],
		['the wrong shape', '[1,2,3]'],
		['another version', '{"version":99,"keys":{}}'],
		['keys that are not a map', '{"version":1,"keys":[]}'],
		['binary junk', '\u0000\u00ff\u0001'],
	])('ignores a file holding %s with one warning, and replaces it on the next save', (_, content) => {
		const clock = new FakeClock();
		writeFileSync(file(), content);
		const warn = vi.fn();
		const store = createHistoryStore(dir, {clock, warn});
		expect(store.load()).toEqual({});
		expect(store.load()).toEqual({});
		expect(warn).toHaveBeenCalledTimes(1);
		expect(String(warn.mock.calls[0]?.[0])).toContain(HISTORY_FILE);
		store.save({'openai/a': historyOf([sample(clock.now())])});
		expect(Object.keys(store.load())).toEqual(['openai/a']);
	});

	it('keeps good samples and skips bad ones (and unknown fields) inside an otherwise good file', () => {
		const clock = new FakeClock();
		const t = clock.now();
		const good = sample(t);
		const keys = {'openai/a': [null, {at: 'x'}, {...good, status: 'WAT'}, {...good, remaining: {requests: 'NaN'}}, {...good, junk: 'x'.repeat(100)}], 'openai/b': 'nope'};
		// Written by hand: an object literal's "__proto__" would set the prototype instead of a key.
		writeFileSync(file(), `{"version":1,"keys":{"__proto__":[${JSON.stringify(good)}],${JSON.stringify(keys).slice(1)}}`);
		const warn = vi.fn();
		const loaded = createHistoryStore(dir, {clock, warn}).load();
		expect(loaded['openai/a']).toEqual([good]);
		expect(Object.keys(loaded).sort()).toEqual(['__proto__', 'openai/a']);
		expect(Object.getPrototypeOf(loaded)).toBe(Object.prototype);
		expect(warn).not.toHaveBeenCalled();
	});

	it('does not hang or crash on a FIFO, a folder or an oversized file in its place', () => {
		const clock = new FakeClock();
		execFileSync('mkfifo', [file()]);
		const fifoWarn = vi.fn();
		expect(createHistoryStore(dir, {clock, warn: fifoWarn}).load()).toEqual({});
		expect(fifoWarn).toHaveBeenCalledTimes(1);
		rmSync(file());

		writeFileSync(file(), `{"version":1,"keys":{},"pad":"${'x'.repeat(8 * 1024 * 1024)}"}`);
		const bigWarn = vi.fn();
		expect(createHistoryStore(dir, {clock, warn: bigWarn}).load()).toEqual({});
		expect(bigWarn).toHaveBeenCalledTimes(1);
		rmSync(file());

		mkdirSync(file());
		const warn = vi.fn();
		const store = createHistoryStore(dir, {clock, warn});
		expect(store.load()).toEqual({});
		// Saving onto a folder fails: one warning for reading, one for writing, however often it is tried.
		store.save({'openai/a': historyOf([sample(clock.now())])});
		store.save({'openai/a': historyOf([sample(clock.now())])});
		expect(warn).toHaveBeenCalledTimes(2);
		expect(readdirSync(dir)).toEqual([HISTORY_FILE]);
	});
});

describe('the monitor with a history store', () => {
	it('keeps the trend across a restart and carries on from it', async () => {
		const clock = new FakeClock();
		const first = monitorWith(clock, createHistoryStore(dir, {clock}));
		first.monitor.start();
		await clock.advance(3 * HOUR);
		const before = first.monitor.history('k1')!.samples();
		expect(before.length).toBeGreaterThan(150);
		await first.monitor.stop();

		await clock.advance(10 * MINUTE);
		const second = monitorWith(clock, createHistoryStore(dir, {clock}));
		expect(second.monitor.history('k1')!.samples()).toEqual(before);
		expect(second.monitor.history('k2')!.fractions('requests')).toEqual(first.monitor.history('k2')!.fractions('requests'));
		expect(second.monitor.history('k1')!.forecastCredit()).toEqual(first.monitor.history('k1')!.forecastCredit());
		second.monitor.start();
		await clock.advance(30 * MINUTE);
		const after = second.monitor.history('k1')!.samples();
		expect(after.slice(0, before.length)).toEqual(before);
		expect(after.length).toBeGreaterThan(before.length + 20);
	});

	it('saves every 5 minutes of its clock and on stop, and leaves no timer behind', async () => {
		const clock = new FakeClock();
		const saves: number[] = [];
		const inner = createHistoryStore(dir, {clock});
		const store: HistoryStore = {load: () => inner.load(), save: h => (saves.push(clock.now()), inner.save(h))};
		const {monitor} = monitorWith(clock, store);
		const t0 = clock.now();
		await clock.advance(20 * MINUTE);
		expect(saves).toEqual([]);
		monitor.start();
		await clock.advance(21 * MINUTE);
		expect(saves.map(at => at - t0)).toEqual([25, 30, 35, 40].map(m => m * MINUTE));
		await monitor.stop();
		expect(saves).toHaveLength(5);
		expect(clock.pending).toBe(0);
		await clock.advance(HOUR);
		expect(saves).toHaveLength(5);
		expect(HISTORY_SAVE_INTERVAL_MS).toBe(5 * MINUTE);
	});

	it('holds the size bound and the 24-hour horizon through a simulated week', async () => {
		const clock = new FakeClock();
		const maxBytes = 32 * 1024;
		const store = counting(createHistoryStore(dir, {clock, maxBytes}), maxBytes);
		const {monitor} = monitorWith(clock, store, {keys: keys(3), intervalMs: 5 * MINUTE});
		monitor.start();
		await clock.advance(7 * DAY);
		await monitor.stop();
		expect(store.sizes.length).toBeGreaterThanOrEqual((7 * DAY) / HISTORY_SAVE_INTERVAL_MS);
		expect(Math.max(...store.sizes)).toBeLessThanOrEqual(maxBytes);
		// Full: the bound is reached, so trimming is what keeps it.
		expect(Math.max(...store.sizes)).toBeGreaterThan(maxBytes / 2);
		const loaded = createHistoryStore(dir, {clock}).load();
		expect(Object.keys(loaded).sort()).toEqual(['openai/k1', 'openai/k2', 'openai/k3']);
		for (const samples of Object.values(loaded)) {
			expect(samples[0]!.at).toBeGreaterThanOrEqual(clock.now() - DAY);
			// Thinned, not cut: the trend still reaches back most of the day.
			expect(samples[0]!.at).toBeLessThan(clock.now() - 20 * HOUR);
			expect(samples.at(-1)!.at).toBeGreaterThan(clock.now() - 6 * MINUTE);
		}
	});

	it('starts and polls normally over a corrupt file, with one warning, and then writes a good one', async () => {
		const clock = new FakeClock();
		writeFileSync(file(), '{"version":1,"keys":{"openai/k1":[{"at":');
		const warn = vi.fn();
		const {monitor, transport} = monitorWith(clock, createHistoryStore(dir, {clock, warn}));
		expect(monitor.history('k1')!.size).toBe(0);
		monitor.start();
		await clock.advance(6 * MINUTE);
		expect(transport.countFor('k1')).toBeGreaterThan(4);
		expect(warn).toHaveBeenCalledTimes(1);
		await monitor.stop();
		expect(createHistoryStore(dir, {clock}).load()['openai/k1']?.length).toBeGreaterThan(4);
	});

	it('survives a store that throws on load and on save', async () => {
		const clock = new FakeClock();
		const store: HistoryStore = {
			load() {
				throw new Error('broken');
			},
			save() {
				throw new Error('broken');
			},
		};
		const {monitor, transport} = monitorWith(clock, store);
		monitor.start();
		await clock.advance(11 * MINUTE);
		expect(transport.countFor('k1')).toBeGreaterThan(8);
		expect(monitor.getSnapshot().keys.every(k => k.status === 'OK')).toBe(true);
		await monitor.stop();
	});

	it('puts no key material in the file: keys are named by provider and name only', async () => {
		const clock = new FakeClock();
		const {monitor} = monitorWith(clock, createHistoryStore(dir, {clock}), {keys: keys(2)});
		monitor.start();
		await clock.advance(12 * MINUTE);
		await monitor.stop();
		const text = readFileSync(file(), 'utf8');
		expect(Object.keys((JSON.parse(text) as {keys: object}).keys)).toEqual(['openai/k1', 'openai/k2']);
		for (const name of ['k1', 'k2']) {
			const secret = `sk-test-${name}-0123456789abcdef`;
			expect(text).not.toContain(secret);
			expect(text).not.toContain('0123456789abcdef');
			expect(text).not.toContain(secret.slice(-4));
		}
		expect(text).not.toContain('sk-');
		expect(text).not.toContain('…');
	});
});
