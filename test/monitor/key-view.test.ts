import {describe, expect, it} from 'vitest';
import {decidingReading, judgedCredit, mergeWindows, newestReading, pickAccountCredit, pickCredit} from '../../source/monitor/key-view.js';
import type {Credit, ProbeKind, RateWindow, Reading, Verdict} from '../../source/types.js';

const now = Date.UTC(2026, 0, 5, 12, 0, 0);

function verdict(kind: Verdict['kind'], extra: Partial<Verdict> = {}): Verdict {
	return {kind, title: kind, why: '', fix: [], clears: kind === 'ok' || kind === 'rate_limited' || kind === 'network' ? 'by_itself' : 'needs_action', evidence: {status: null, headers: {}}, windows: [], ...extra};
}

function reading(probe: ProbeKind, at: number, v: Verdict, windows: RateWindow[] = [], credit?: Credit): Reading {
	return {at, probe, status: 200, windows, verdict: v, source: 'headers', ...(credit ? {credit} : {})};
}

const win = (id: string, remaining: number): RateWindow => ({id, limitKind: 'requests', period: 'minute', limit: 100, remaining, source: 'headers'});

describe('decidingReading', () => {
	it('lets the newest reading speak when nothing needs action', () => {
		const latest = {validity: reading('validity', now - 10, verdict('network')), headroom: reading('headroom', now - 5, verdict('ok'))};
		expect(decidingReading(latest, now)?.probe).toBe('headroom');
	});

	it('keeps a verdict that needs action even when another probe kind passes later', () => {
		const latest = {headroom: reading('headroom', now - 60_000, verdict('model_access')), validity: reading('validity', now, verdict('ok'))};
		expect(decidingReading(latest, now)?.verdict.kind).toBe('model_access');
	});

	it('keeps a rate limit while its deadline is ahead, then lets it go', () => {
		const latest = {headroom: reading('headroom', now - 10, verdict('rate_limited', {clearsAt: now + 5_000})), validity: reading('validity', now, verdict('ok'))};
		expect(decidingReading(latest, now)?.verdict.kind).toBe('rate_limited');
		expect(decidingReading(latest, now + 6_000)?.verdict.kind).toBe('ok');
	});

	it('never lets the admin-key spend probe decide the key, unless it is all there is', () => {
		const latest = {validity: reading('validity', now - 10, verdict('ok')), spend: reading('spend', now, verdict('invalid_key'))};
		expect(decidingReading(latest, now)?.probe).toBe('validity');
		expect(decidingReading({spend: latest.spend}, now)?.probe).toBe('spend');
		expect(decidingReading({}, now)).toBeUndefined();
	});
});

describe('mergeWindows', () => {
	it('unions windows across probe kinds, the newer reading winning for the same id', () => {
		const merged = mergeWindows({
			validity: reading('validity', now - 100, verdict('ok'), [win('requests', 10), win('day', 900)]),
			headroom: reading('headroom', now, verdict('ok'), [win('requests', 7), win('tokens', 500)]),
		});
		expect(merged.map(w => [w.id, w.remaining])).toEqual([['requests', 7], ['day', 900], ['tokens', 500]]);
	});
});

describe('pickCredit and newestReading', () => {
	it('prefers the balance probe for credit, else the newest reading that had one', () => {
		const usd = (remaining: number): Credit => ({remaining, currency: 'USD', source: 'endpoint'});
		expect(pickCredit({validity: reading('validity', now, verdict('ok'), [], usd(1)), balance: reading('balance', now - 100, verdict('ok'), [], usd(2))})?.remaining).toBe(2);
		expect(pickCredit({validity: reading('validity', now, verdict('ok'), [], usd(1)), headroom: reading('headroom', now - 1, verdict('ok'), [], usd(3))})?.remaining).toBe(1);
		expect(pickCredit({})).toBeUndefined();
		expect(newestReading({validity: reading('validity', now - 1, verdict('ok')), spend: reading('spend', now, verdict('ok'))})?.probe).toBe('spend');
	});
});

describe('a key’s own limit and its account’s pool (OpenRouter /key and /credits)', () => {
	const own: Credit = {remaining: 0.5, limit: 10, currency: 'USD', source: 'endpoint', label: 'key limit (monthly)', scope: 'key'};
	const pool: Credit = {remaining: 74.75, limit: 100.5, currency: 'USD', source: 'endpoint', label: 'account credits', scope: 'account'};
	const latest = {validity: reading('validity', now - 10, verdict('ok'), [], own), balance: reading('balance', now, verdict('ok'), [], pool)};

	it('shows the key’s own limit, however new the account’s figure, and keeps the pool as a second figure', () => {
		expect(pickCredit(latest)).toBe(own);
		expect(pickAccountCredit(latest, own)).toBe(pool);
		expect(judgedCredit(own, pool)).toBe(own);
	});

	it('with only the pool (no key limit read), the pool is the figure and there is no second one', () => {
		expect(pickCredit({balance: latest.balance})).toBe(pool);
		expect(pickAccountCredit({balance: latest.balance}, pool)).toBeUndefined();
	});

	it('a key without a limit shows its usage, and LOW is judged by the pool', () => {
		const usage: Credit = {used: 300, currency: 'USD', source: 'endpoint', label: 'key usage (no limit)', scope: 'key'};
		const both = {validity: reading('validity', now, verdict('ok'), [], usage), balance: latest.balance};
		expect(pickCredit(both)).toBe(usage);
		expect(judgedCredit(usage, pickAccountCredit(both, usage))).toBe(pool);
	});
});
