import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseSnapshot} from '../../source/remote/snapshot-schema.js';
import type {KeyState, MonitorSnapshot} from '../../source/types.js';
import {makeKey, makeReading, makeSnapshot, makeVerdict} from '../serve/fake-monitor.js';

const at = 1_700_000_000_000;

function fullSnapshot(): MonitorSnapshot {
	return makeSnapshot([
		makeKey({
			id: 'prod',
			status: 'LIMITED',
			verdict: makeVerdict('rate_limited', {clearsAt: at + 60_000, retryAfterSeconds: 60, limit: 'tokens', window: 'minute'}),
			windows: [{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: 1000, remaining: 0, resetAt: at + 60_000, source: 'headers'}],
			credit: {remaining: 4, limit: 10, used: 6, currency: 'USD', source: 'endpoint', label: 'key limit'},
			spend: {month: '2023-11', used: 12, currency: 'USD', budget: 100, left: 88, source: 'endpoint'},
			recent: [makeReading(at - 1000, makeVerdict('ok')), makeReading(at, makeVerdict('rate_limited'))],
			checkedAt: at,
			nextProbeAt: at + 60_000,
			heldUntil: at + 60_000,
			latencyMs: 120,
			source: 'headers',
		}),
	]);
}

/** Everything the view reads without a guard must be there, of the right shape. */
function drawable(key: KeyState): void {
	expect(Array.isArray(key.windows)).toBe(true);
	for (const window of key.windows) expect(typeof window.id).toBe('string');
	for (const reading of key.recent) {
		expect(typeof reading.at).toBe('number');
		expect(Array.isArray(reading.windows)).toBe(true);
		expect(Array.isArray(reading.verdict.fix)).toBe(true);
		expect(typeof reading.verdict.evidence.headers).toBe('object');
	}
	if (key.verdict) {
		expect(Array.isArray(key.verdict.fix)).toBe(true);
		expect(Array.isArray(key.verdict.windows)).toBe(true);
	}
	if (key.credit) expect(typeof key.credit.currency).toBe('string');
}

describe('parseSnapshot', () => {
	it('keeps a well-formed snapshot as sent, with nothing reported dropped', () => {
		const snapshot = fullSnapshot();
		const parsed = parseSnapshot(JSON.stringify({...snapshot, lastAlertAt: at - 5000}));
		expect(parsed).toEqual({ok: true, snapshot: JSON.parse(JSON.stringify(snapshot)), extras: {lastAlertAt: at - 5000}, dropped: 0});
	});

	it('refuses what is not a keywatch snapshot at all', () => {
		expect(parseSnapshot('<html>')).toEqual({ok: false, error: 'answer is not JSON'});
		expect(parseSnapshot('{"keys": 3}')).toEqual({ok: false, error: 'answer is not a keywatch snapshot'});
	});

	it('drops a key without a name or status, and the trend samples that are not samples', () => {
		const snapshot = fullSnapshot();
		const text = JSON.stringify({...snapshot, keys: [...snapshot.keys, {id: 'x'}], history: {prod: [{at, status: 'OK', remaining: {}, fraction: {}}, {at: 'soon'}], x: 'nope'}});
		const parsed = parseSnapshot(text);
		if (!parsed.ok) throw new Error(parsed.error);
		expect(parsed.snapshot.keys.map(k => k.id)).toEqual(['prod']);
		expect(parsed.extras.history).toEqual({prod: [{at, status: 'OK', remaining: {}, fraction: {}}]});
		expect(parsed.dropped).toBe(3);
	});

	it('property: however a snapshot is mangled, what comes out can be drawn', () => {
		type Path = Array<string | number>;
		const leaves = (value: unknown, path: Path = []): Path[] => {
			if (value === null || typeof value !== 'object') return [path];
			const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
			return [path, ...entries.flatMap(([k, v]) => leaves(v, [...path, k]))];
		};
		const base = JSON.parse(JSON.stringify(fullSnapshot())) as Record<string, unknown>;
		const paths = leaves(base).filter(p => p.length > 1);
		const junk = fc.constantFrom<unknown>(undefined, null, 'x', 7, -1, [], {}, [null], {map: 1}, true);
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), junk), {minLength: 1, maxLength: 6}), edits => {
				const copy = structuredClone(base);
				for (const [path, value] of edits) {
					let target = copy as Record<string | number, unknown>;
					for (const step of path.slice(0, -1)) {
						const next = target?.[step];
						if (next === null || typeof next !== 'object') return;
						target = next as Record<string | number, unknown>;
					}
					const last = path.at(-1)!;
					if (value === undefined) delete target[last];
					else target[last] = structuredClone(value);
				}
				const parsed = parseSnapshot(JSON.stringify(copy));
				if (!parsed.ok) return;
				for (const key of parsed.snapshot.keys) drawable(key);
			}),
			{numRuns: 500},
		);
	});
});
