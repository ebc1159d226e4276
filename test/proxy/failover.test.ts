import {describe, expect, it} from 'vitest';
import {failoverHelps, nextBackup, shouldFailover, shouldFailoverBeforeSending, usableAsBackup} from '../../source/proxy/failover.js';
import type {KeyConfig, ProviderId, Verdict, VerdictKind} from '../../source/types.js';

const now = 1_700_000_000_000;

function verdict(kind: VerdictKind, extra: Partial<Verdict> = {}): Verdict {
	return {kind, title: kind, why: '', fix: [], clears: 'needs_action', evidence: {status: null, headers: {}}, windows: [], ...extra};
}

function key(name: string, provider: ProviderId, backup = false): KeyConfig {
	return {name, provider, secret: {type: 'env', name: 'X'}, backup};
}

describe('shouldFailover', () => {
	it.each<[number, VerdictKind]>([
		[401, 'invalid_key'],
		[429, 'quota_exhausted'],
		[402, 'billing'],
		[403, 'suspended'],
		[403, 'permission'],
	])('fails over on %i %s', (status, kind) => {
		expect(shouldFailover('openai', status, verdict(kind), now).failover).toBe(true);
	});

	it.each<[number | null, VerdictKind]>([
		[503, 'overloaded'],
		[529, 'overloaded'],
		[429, 'overloaded'],
		[500, 'outage'],
		[null, 'network'],
		[400, 'invalid_key'], // Gemini's bad key is a 400: not in the retry-safe set
		[403, 'region_blocked'],
		[403, 'content_policy'],
	])('does not fail over on %s %s', (status, kind) => {
		expect(shouldFailover('openai', status, verdict(kind), now).failover).toBe(false);
	});

	it('fails over on a rate limit only when its reset is more than a minute away', () => {
		expect(shouldFailover('openai', 429, verdict('rate_limited', {clearsAt: now + 61_000}), now).failover).toBe(true);
		expect(shouldFailover('openai', 429, verdict('rate_limited', {retryAfterSeconds: 3600}), now).failover).toBe(true);
		expect(shouldFailover('openai', 429, verdict('rate_limited', {clearsAt: now + 20_000}), now).failover).toBe(false);
		expect(shouldFailover('openai', 429, verdict('rate_limited'), now).failover).toBe(false);
	});

	it('never fails over on an OpenRouter rate limit: its limits are account-wide', () => {
		const far = verdict('rate_limited', {clearsAt: now + 86_400_000});
		expect(shouldFailover('openrouter', 429, far, now).failover).toBe(false);
		expect(failoverHelps('openrouter', far)).toEqual({helps: false, reason: expect.stringMatching(/account-wide/)});
	});
});

describe('shouldFailoverBeforeSending', () => {
	const before = (provider: ProviderId, v: Verdict | undefined) => shouldFailoverBeforeSending(provider, v, now).failover;

	it('moves off a key the monitor sees as denied, whatever status the probe got', () => {
		for (const kind of ['invalid_key', 'quota_exhausted', 'billing', 'suspended', 'permission'] as const) expect(before('openai', verdict(kind))).toBe(true);
	});

	it('moves off a rate limit only with an absolute reset more than a minute away', () => {
		expect(before('openai', verdict('rate_limited', {clearsAt: now + 61_000}))).toBe(true);
		expect(before('openai', verdict('rate_limited', {clearsAt: now + 20_000}))).toBe(false);
		expect(before('openai', verdict('rate_limited', {clearsAt: now - 1000}))).toBe(false);
		// A retry-after counts from an answer whose time the verdict does not carry.
		expect(before('openai', verdict('rate_limited', {retryAfterSeconds: 3600}))).toBe(false);
	});

	it('stays where more keys cannot help, and on a working or unread key', () => {
		expect(before('openrouter', verdict('rate_limited', {clearsAt: now + 86_400_000}))).toBe(false);
		for (const kind of ['overloaded', 'outage', 'network', 'region_blocked', 'content_policy', 'bad_request', 'model_access', 'ok'] as const) {
			expect(before('openai', verdict(kind))).toBe(false);
		}
		expect(before('openai', undefined)).toBe(false);
	});
});

describe('failoverHelps', () => {
	it('explains that more keys cannot help with provider trouble', () => {
		for (const kind of ['overloaded', 'outage', 'network'] as const) {
			const answer = failoverHelps('anthropic', verdict(kind));
			expect(answer.helps).toBe(false);
			expect(answer.reason).toMatch(/cannot help/);
		}
	});

	it('names the scope of rate limits per provider', () => {
		expect(failoverHelps('openai', verdict('rate_limited')).reason).toMatch(/organization and project/);
		expect(failoverHelps('gemini', verdict('rate_limited')).reason).toMatch(/project/);
		expect(failoverHelps('xai', verdict('rate_limited')).reason).toMatch(/team/);
	});
});

describe('nextBackup', () => {
	const keys = [key('a', 'openai'), key('b', 'openai', true), key('x', 'anthropic', true), key('c', 'openai', true)];

	it('takes the next backup of the same provider, wrapping, skipping unusable and tried keys', () => {
		expect(nextBackup(keys, 'openai', 'a', new Set(['a']), () => true)?.name).toBe('b');
		expect(nextBackup(keys, 'openai', 'b', new Set(['b']), () => true)?.name).toBe('c');
		expect(nextBackup(keys, 'openai', 'c', new Set(['c']), () => true)?.name).toBe('b');
		expect(nextBackup(keys, 'openai', 'a', new Set(['a']), k => k.name !== 'b')?.name).toBe('c');
		expect(nextBackup(keys, 'openai', 'a', new Set(['a', 'b', 'c']), () => true)).toBeUndefined();
		expect(nextBackup(keys, 'anthropic', 'x', new Set(['x']), () => true)).toBeUndefined();
	});

	it('never picks a key that is not marked as a backup', () => {
		expect(nextBackup([key('a', 'openai'), key('b', 'openai')], 'openai', 'a', new Set(['a']), () => true)).toBeUndefined();
	});
});

describe('usableAsBackup', () => {
	it('accepts OK and not-yet-checked keys, refuses DENIED, LIMITED and DOWN ones', () => {
		expect(usableAsBackup(undefined)).toBe(true);
		expect(usableAsBackup(verdict('ok'))).toBe(true);
		for (const kind of ['invalid_key', 'quota_exhausted', 'rate_limited', 'overloaded', 'network'] as const) {
			expect(usableAsBackup(verdict(kind))).toBe(false);
		}
	});
});
