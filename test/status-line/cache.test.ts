import {mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startServe} from '../../source/serve/server.js';
import {readStatusCache, writeStatusCache} from '../../source/status-line/cache.js';
import {startStatusCacheWriter} from '../../source/status-line/cache-writer.js';
import {renderStatusLine} from '../../source/status-line/render.js';
import {canaryKey, createFakeMonitor, makeKey, makeReading, makeSnapshot, makeVerdict} from '../serve/fake-monitor.js';

let root: string;
let dir: string;
beforeEach(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'keywatch-status-'));
	dir = path.join(root, 'cache');
});
afterEach(async () => {
	await rm(root, {recursive: true, force: true});
});

const at = 1_700_000_000_000;
const leaky = makeVerdict('invalid_key', {why: `said ${canaryKey}`, evidence: {status: 401, message: `key ${canaryKey}`, headers: {'x-request-id': 'req_1'}}});
const snapshot = makeSnapshot(
	[
		makeKey({id: 'prod', name: 'prod', status: 'OK', checkedAt: at, recent: [makeReading(at, makeVerdict('ok'))]}),
		makeKey({id: 'dead', name: 'dead', status: 'DENIED', verdict: leaky, checkedAt: at}),
	],
	{intervalMs: 60_000},
);

describe('status cache', () => {
	it('writes a 0600 file in a 0700 folder, atomically, and reads it back while fresh', async () => {
		await writeStatusCache(dir, snapshot, at);
		expect((await stat(dir)).mode & 0o777).toBe(0o700);
		expect((await stat(path.join(dir, 'status.json'))).mode & 0o777).toBe(0o600);
		expect(await readdir(dir)).toEqual(['status.json']);
		const read = await readStatusCache(dir, 60_000, at + 59_000);
		expect(read).toMatchObject({ok: true, writtenAt: at, ageMs: 59_000});
		if (!read.ok) throw new Error('expected a fresh cache');
		expect(read.snapshot.keys.map(k => [k.name, k.status])).toEqual([
			['prod', 'OK'],
			['dead', 'DENIED'],
		]);
	});

	it('stays small: no history and no evidence text', async () => {
		await writeStatusCache(dir, snapshot, at);
		const text = await readFile(path.join(dir, 'status.json'), 'utf8');
		expect(text).not.toContain('req_1');
		expect(text).not.toContain('"message"');
		const read = await readStatusCache(dir, 60_000, at);
		if (!read.ok) throw new Error('expected a fresh cache');
		expect(read.snapshot.keys[0]!.recent).toEqual([]);
		expect(read.snapshot.keys[1]!.verdict?.title).toBe('Invalid API key');
	});

	it('calls an old file stale, a missing one missing and a garbled one unreadable', async () => {
		expect(await readStatusCache(dir, 60_000, at)).toEqual({ok: false, reason: 'missing'});
		await writeStatusCache(dir, snapshot, at);
		expect(await readStatusCache(dir, 60_000, at + 60_001)).toEqual({ok: false, reason: 'stale', writtenAt: at, ageMs: 60_001});
		await writeFile(path.join(dir, 'status.json'), '{"version":1,"writtenAt":');
		expect(await readStatusCache(dir, 60_000, at)).toEqual({ok: false, reason: 'unreadable'});
		await writeFile(path.join(dir, 'status.json'), '{"version":99,"writtenAt":1,"snapshot":{"keys":[]}}');
		expect(await readStatusCache(dir, 60_000, at)).toEqual({ok: false, reason: 'unreadable'});
	});

	it('replaces the file whole: a second write leaves one file with the new content', async () => {
		await writeStatusCache(dir, snapshot, at);
		await writeStatusCache(dir, makeSnapshot([]), at + 1000);
		expect(await readdir(dir)).toEqual(['status.json']);
		const read = await readStatusCache(dir, 60_000, at + 1000);
		expect(read.ok && read.snapshot.keys).toEqual([]);
	});
});

describe('status cache writer', () => {
	it('follows the monitor, at most once per interval, and stops', async () => {
		const monitor = createFakeMonitor(snapshot);
		const writer = startStatusCacheWriter(monitor, dir, {minIntervalMs: 0});
		const statuses = async () => {
			const read = await readStatusCache(dir, Number.POSITIVE_INFINITY);
			return read.ok ? read.snapshot.keys.map(k => k.status) : [];
		};
		for (let i = 0; i < 200 && (await statuses()).length === 0; i++) await new Promise(resolve => setTimeout(resolve, 10));
		expect(await statuses()).toEqual(['OK', 'DENIED']);
		monitor.set(makeSnapshot([makeKey({id: 'prod', status: 'LIMITED'})]));
		for (let i = 0; i < 200 && (await statuses())[0] !== 'LIMITED'; i++) await new Promise(resolve => setTimeout(resolve, 10));
		expect(await statuses()).toEqual(['LIMITED']);
		await writer.stop();
		expect(monitor.listenerCount()).toBe(0);
	});

	it('reports a folder it cannot write once, and keeps going', async () => {
		await writeFile(root + '/file', 'x');
		const errors: Error[] = [];
		const writer = startStatusCacheWriter(createFakeMonitor(snapshot), path.join(root, 'file', 'sub'), {onError: e => errors.push(e)});
		await writer.stop();
		expect(errors).toHaveLength(1);
	});
});

describe('renderStatusLine', () => {
	it('reads a fresh cache and never probes', async () => {
		await writeStatusCache(dir, snapshot, at);
		expect(await renderStatusLine({cacheDir: dir, now: at + 1000})).toBe('keywatch ✓1 ✗1 · worst: dead DENIED');
	});

	it('says "no fresh data" when the cache is older than the poll interval', async () => {
		await writeStatusCache(dir, snapshot, at);
		expect(await renderStatusLine({cacheDir: dir, now: at + 125_000})).toBe('keywatch · no fresh data (last 2m ago)');
		expect(await renderStatusLine({cacheDir: dir, now: at + 20_000, maxAgeMs: 10_000})).toBe('keywatch · no fresh data (last 20s ago)');
	});

	it('says how to get data when there is no cache', async () => {
		expect(await renderStatusLine({cacheDir: dir})).toBe('keywatch · no data (start keywatch or keywatch serve)');
	});

	it('reads a running serve with --remote, and says when it is unreachable', async () => {
		const serve = await startServe(createFakeMonitor(snapshot), {port: 0, defaultMetrics: false});
		try {
			expect(await renderStatusLine({remote: serve.url})).toBe('keywatch ✓1 ✗1 · worst: dead DENIED');
		} finally {
			await serve.close();
		}
		expect(await renderStatusLine({remote: serve.url, ascii: true})).toBe('keywatch | remote unreachable');
	});
});
