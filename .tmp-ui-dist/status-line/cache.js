import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
export const STATUS_CACHE_FILE = 'status.json';
const cacheVersion = 1;
// Only what a status line or a quick `status` needs: no history, no evidence headers or messages.
function slim(key) {
    const { recent: _recent, verdict, ...rest } = key;
    return {
        ...rest,
        recent: [],
        verdict: verdict && { ...verdict, evidence: { status: verdict.evidence.status, headers: {} }, windows: [] },
    };
}
/** Write the snapshot for `status --line` to read: a small 0600 JSON file, replaced atomically. */
export async function writeStatusCache(dir, snapshot, now = Date.now()) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, STATUS_CACHE_FILE);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const content = { version: cacheVersion, writtenAt: now, snapshot: { ...snapshot, keys: snapshot.keys.map(slim) } };
    try {
        await writeFile(temporary, JSON.stringify(content), { mode: 0o600, flag: 'wx' });
        // rename is atomic on one filesystem: a reader sees the old file or the new one, never half.
        await rename(temporary, file);
    }
    catch (error) {
        await rm(temporary, { force: true });
        throw error;
    }
}
function isCacheFile(value) {
    const v = value;
    return (typeof v === 'object' &&
        v !== null &&
        v.version === cacheVersion &&
        typeof v.writtenAt === 'number' &&
        Number.isFinite(v.writtenAt) &&
        typeof v.snapshot === 'object' &&
        v.snapshot !== null &&
        Array.isArray(v.snapshot.keys));
}
/** The cached snapshot when it is younger than `maxAgeMs`; otherwise why not. Never probes anything. */
export async function readStatusCache(dir, maxAgeMs, now = Date.now()) {
    let text;
    try {
        text = await readFile(path.join(dir, STATUS_CACHE_FILE), 'utf8');
    }
    catch (error) {
        return { ok: false, reason: error.code === 'ENOENT' ? 'missing' : 'unreadable' };
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return { ok: false, reason: 'unreadable' };
    }
    if (!isCacheFile(parsed))
        return { ok: false, reason: 'unreadable' };
    const ageMs = Math.max(0, now - parsed.writtenAt);
    if (ageMs > maxAgeMs)
        return { ok: false, reason: 'stale', writtenAt: parsed.writtenAt, ageMs };
    return { ok: true, snapshot: parsed.snapshot, writtenAt: parsed.writtenAt, ageMs };
}
