import {describe, expect, it} from 'vitest';
import {snapshotToJson} from '../../source/serve/state-json.js';
import {canaryKey, makeKey, makeSnapshot, makeVerdict} from './fake-monitor.js';

describe('snapshotToJson', () => {
	it('turns numbers that are not finite into null, never 0 or NaN', () => {
		const key = makeKey({
			id: 'a',
			latencyMs: Number.NaN,
			checkedAt: Number.POSITIVE_INFINITY,
			windows: [{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: Number.POSITIVE_INFINITY, remaining: Number.NaN, resetAt: 8.64e15 + 1, source: 'headers'}],
			credit: {remaining: Number.NaN, currency: 'USD', source: 'endpoint'},
		});
		const [json] = snapshotToJson(makeSnapshot([key]));
		expect(json).toMatchObject({
			latencyMs: null,
			checkedAt: null,
			windows: [{id: 'tokens', limit: null, remaining: null, resetAt: null}],
			credit: {remaining: null, limit: null, used: null, currency: 'USD', label: null},
		});
		expect(JSON.stringify(json)).not.toContain('NaN');
	});

	it('scrubs a key out of the title and the name, and strips escapes', () => {
		const key = makeKey({id: 'a', name: `a\u001b[31m`, verdict: makeVerdict('invalid_key', {title: `Bad key ${canaryKey}`})});
		const [json] = snapshotToJson(makeSnapshot([key]));
		expect(json!.name).toBe('a');
		expect(json!.title).toBe('Bad key sk-…RtYu');
	});

	it('keeps the snapshot order, one object per key', () => {
		const json = snapshotToJson(makeSnapshot([makeKey({id: 'z'}), makeKey({id: 'a'})]));
		expect(json.map(k => k.name)).toEqual(['z', 'a']);
	});
});
