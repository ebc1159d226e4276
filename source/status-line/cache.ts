import {randomBytes} from 'node:crypto';
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {KeyState, MonitorSnapshot} from '../types.js';

export const STATUS_CACHE_FILE = 'status.json';
const cacheVersion = 1;

type CacheFile = {version: number; writtenAt: number; snapshot: MonitorSnapshot};

export type StatusCacheRead =
	| {ok: true; snapshot: MonitorSnapshot; writtenAt: number; ageMs: number}
	| {ok: false; reason: 'missing' | 'stale' | 'unreadable'; writtenAt?: number; ageMs?: number};

// Only what a status line or a quick `status` needs: no history, no evidence headers or messages.
function slim(key: KeyState): KeyState {
	const {recent: _recent, verdict, ...rest} = key;
	return {
		...rest,
		recent: [],
		verdict: verdict && {...verdict, evidence: {status: verdict.evidence.status, headers: {}}, windows: []},
	};
}

/** Write the snapshot for `status --line` to read: a small 0600 JSON file, replaced atomically. */
export async function writeStatusCache(dir: string, snapshot: MonitorSnapshot, now: number = Date.now()): Promise<void> {
	await mkdir(dir, {recursive: true, mode: 0o700});
	const file = path.join(dir, STATUS_CACHE_FILE);
	const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	const content: CacheFile = {version: cacheVersion, writtenAt: now, snapshot: {...snapshot, keys: snapshot.keys.map(slim)}};
	try {
		await writeFile(temporary, JSON.stringify(content), {mode: 0o600, flag: 'wx'});
		// rename is atomic on one filesystem: a reader sees the old file or the new one, never half.
		await rename(temporary, file);
	} catch (error) {
		await rm(temporary, {force: true});
		throw error;
	}
}

function isCacheFile(value: unknown): value is CacheFile {
	const v = value as Partial<CacheFile> | null;
	return (
		typeof v === 'object' &&
		v !== null &&
		v.version === cacheVersion &&
		typeof v.writtenAt === 'number' &&
		Number.isFinite(v.writtenAt) &&
		typeof v.snapshot === 'object' &&
		v.snapshot !== null &&
		Array.isArray(v.snapshot.keys)
	);
}

/** The cached snapshot when it is younger than `maxAgeMs`; otherwise why not. Never probes anything. */
export async function readStatusCache(dir: string, maxAgeMs: number, now: number = Date.now()): Promise<StatusCacheRead> {
	let text: string;
	try {
		text = await readFile(path.join(dir, STATUS_CACHE_FILE), 'utf8');
	} catch (error) {
		return {ok: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable'};
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return {ok: false, reason: 'unreadable'};
	}
	if (!isCacheFile(parsed)) return {ok: false, reason: 'unreadable'};
	const ageMs = Math.max(0, now - parsed.writtenAt);
	if (ageMs > maxAgeMs) return {ok: false, reason: 'stale', writtenAt: parsed.writtenAt, ageMs};
	return {ok: true, snapshot: parsed.snapshot, writtenAt: parsed.writtenAt, ageMs};
}
