import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createAlertEngine, type AlertEngineOptions} from '../../source/alerts/engine.js';
import type {KeyState, Status, Verdict} from '../../source/types.js';
import {canaryKey, makeKey, makeSnapshot, makeVerdict} from '../serve/fake-monitor.js';

const minute = 60_000;

const verdictFor: Record<Exclude<Status, 'CHECKING'>, Verdict> = {
	OK: makeVerdict('ok'),
	LOW: makeVerdict('ok'),
	LIMITED: makeVerdict('rate_limited', {clearsAt: undefined}),
	DENIED: makeVerdict('invalid_key'),
	DOWN: makeVerdict('outage'),
};

/** A DENIED keywatch could not pin on an explicit provider error: it may be a one-off, so hysteresis applies. */
const vagueDenied = makeVerdict('unknown', {title: 'Unexplained refusal', clears: 'needs_action'});

/** A clock the test moves, and readings that each carry a new checkedAt. */
function harness(options: AlertEngineOptions = {}) {
	let now = 1_700_000_000_000;
	const engine = createAlertEngine({groupWindowMs: 0, now: () => now, ...options});
	const keys = new Map<string, KeyState>();
	return {
		engine,
		advance(ms: number) {
			now += ms;
		},
		now: () => now,
		/** One probe result per listed key, then an update. */
		read(statuses: Record<string, Status>, extra: Record<string, Partial<KeyState>> = {}) {
			now += 1000;
			for (const [id, status] of Object.entries(statuses)) {
				const previous = keys.get(id);
				keys.set(
					id,
					makeKey({
						id,
						provider: previous?.provider ?? 'openai',
						...previous,
						status,
						verdict: status === 'CHECKING' ? undefined : verdictFor[status],
						checkedAt: now,
						...extra[id],
					}),
				);
			}
			return engine.update(makeSnapshot([...keys.values()]));
		},
		/** The same readings again with some fields changed (no new checkedAt). */
		update(changes: Record<string, Partial<KeyState>>) {
			for (const [id, extra] of Object.entries(changes)) keys.set(id, {...keys.get(id)!, ...extra});
			return engine.update(makeSnapshot([...keys.values()]));
		},
		/** A snapshot with nothing new in it (a probing flag flipped, say). */
		repeat() {
			now += 1000;
			return engine.update(makeSnapshot([...keys.values()].map(k => ({...k, probing: !k.probing}))));
		},
	};
}

describe('alert engine: transitions', () => {
	it('takes the first reading as a silent baseline, even a bad one', () => {
		const h = harness();
		expect(h.read({a: 'DENIED'})).toEqual([]);
		expect(h.read({a: 'DENIED'})).toEqual([]);
	});

	it('ignores CHECKING, before and after the baseline', () => {
		const h = harness();
		expect(h.read({a: 'CHECKING'})).toEqual([]);
		expect(h.read({a: 'OK'})).toEqual([]);
		expect(h.read({a: 'CHECKING'})).toEqual([]);
		expect(h.read({a: 'CHECKING'})).toEqual([]);
		expect(h.read({a: 'OK'})).toEqual([]);
	});

	it('fires once when a key goes DENIED, with the verdict title, why and first fix step', () => {
		const h = harness();
		h.read({'prod-openai': 'OK'});
		// An explicit 401 is definite: it is told on its first reading.
		const alerts = h.read({'prod-openai': 'DENIED'});
		expect(alerts).toHaveLength(1);
		const [alert] = alerts;
		expect(alert!.provider).toBe('openai');
		expect(alert!.at).toBe(h.now());
		expect(alert!.keys).toEqual([
			{
				name: 'prod-openai',
				masked: 'sk-…41Ru',
				from: 'OK',
				to: 'DENIED',
				title: 'Invalid API key',
				why: 'OpenAI answered 401 invalid_api_key.',
				firstFix: 'Create a new key at https://platform.openai.com/api-keys',
			},
		]);
		expect(alert!.text).toBe(
			'keywatch: prod-openai (sk-…41Ru, openai) OK → DENIED — Invalid API key. Why: OpenAI answered 401 invalid_api_key. First step: Create a new key at https://platform.openai.com/api-keys.',
		);
		expect(h.read({'prod-openai': 'DENIED'})).toEqual([]);
	});

	it.each<[Status, Status]>([
		['OK', 'LOW'],
		['OK', 'LIMITED'],
		['OK', 'DOWN'],
		['LOW', 'LIMITED'],
		['LIMITED', 'DENIED'],
		['DOWN', 'OK'],
		['DENIED', 'OK'],
	])('fires on %s → %s', (from, to) => {
		const h = harness();
		h.read({a: from});
		const alerts = [...h.read({a: to}), ...h.read({a: to}), ...h.read({a: to})];
		expect(alerts.map(a => a.keys.map(k => `${k.from}>${k.to}`))).toEqual([[`${from}>${to}`]]);
	});

	it('says "quota has reset" when a LIMITED key comes back', () => {
		const h = harness();
		h.read({a: 'LIMITED'});
		h.read({a: 'OK'});
		const [alert] = h.read({a: 'OK'});
		expect(alert!.keys[0]).toMatchObject({from: 'LIMITED', to: 'OK', title: 'quota has reset'});
		expect(alert!.keys[0]!.why).toBeUndefined();
		expect(alert!.text).toContain('LIMITED → OK — quota has reset.');
	});

	it('names the tightest window for a LOW key whose verdict is plain ok', () => {
		const h = harness();
		const windows = [
			{id: 'requests', limitKind: 'requests' as const, period: 'minute' as const, limit: 500, remaining: 400, source: 'headers' as const},
			{id: 'tokens', limitKind: 'tokens' as const, period: 'minute' as const, limit: 30_000, remaining: 1200, source: 'headers' as const},
		];
		h.read({a: 'OK'});
		h.read({a: 'LOW'}, {a: {windows}});
		const [alert] = h.read({a: 'LOW'}, {a: {windows}});
		expect(alert!.keys[0]!.title).toBe('low headroom: tokens 4% left (1200/30000)');
		expect(alert!.keys[0]!.firstFix).toBeUndefined();
	});

	it('carries the why and first step of a LOW key whose verdict explains itself', () => {
		const h = harness();
		const low = makeVerdict('ok', {title: 'Under 10% of tokens per minute left', why: 'Only 1,200 of 30,000 tokens per minute are left.', fix: ['Spread requests over the minute.', 'Raise the limit.']});
		h.read({a: 'OK'});
		h.read({a: 'LOW'}, {a: {verdict: low}});
		const [alert] = h.read({a: 'LOW'}, {a: {verdict: low}});
		expect(alert!.keys[0]).toMatchObject({title: 'Under 10% of tokens per minute left', why: 'Only 1,200 of 30,000 tokens per minute are left.', firstFix: 'Spread requests over the minute.'});
	});

	it('tells when a LIMITED key clears, when the verdict knows', () => {
		const h = harness();
		h.read({a: 'OK'});
		h.read({a: 'LIMITED'});
		const clearsAt = h.now() + 1000 + 200_000;
		const [alert] = h.read({a: 'LIMITED'}, {a: {verdict: makeVerdict('rate_limited', {clearsAt})}});
		expect(alert!.keys[0]!.title).toBe('Rate limited (requests per minute) (clears in ~3m 20s)');
	});
});

describe('alert engine: hysteresis', () => {
	it('does not fire on one odd reading', () => {
		const h = harness();
		h.read({a: 'OK'});
		expect(h.read({a: 'DOWN'})).toEqual([]);
		expect(h.read({a: 'OK'})).toEqual([]);
		expect(h.read({a: 'OK'})).toEqual([]);
	});

	it('counts readings, not snapshots: repeats of one reading do not confirm it', () => {
		const h = harness();
		h.read({a: 'OK'});
		h.read({a: 'DOWN'});
		expect(h.repeat()).toEqual([]);
		expect(h.repeat()).toEqual([]);
		expect(h.read({a: 'DOWN'})).toHaveLength(1);
	});

	it('needs as many readings as configured', () => {
		const h = harness({hysteresis: 3});
		h.read({a: 'OK'});
		expect(h.read({a: 'DOWN'})).toEqual([]);
		expect(h.read({a: 'DOWN'})).toEqual([]);
		expect(h.read({a: 'DOWN'})).toHaveLength(1);
	});

	it('fires at once with hysteresis 1', () => {
		const h = harness({hysteresis: 1});
		h.read({a: 'OK'});
		expect(h.read({a: 'DOWN'})).toHaveLength(1);
	});

	it('an interrupted run starts counting again', () => {
		const h = harness({hysteresis: 2});
		h.read({a: 'OK'});
		expect(h.read({a: 'DOWN'})).toEqual([]);
		expect(h.read({a: 'LIMITED'})).toEqual([]);
		expect(h.read({a: 'DOWN'})).toEqual([]);
		const alerts = h.read({a: 'DOWN'});
		expect(alerts[0]!.keys[0]).toMatchObject({from: 'OK', to: 'DOWN'});
	});

	it('property: a status never seen in `hysteresis` readings in a row is never alerted (unless definite)', () => {
		const status = fc.constantFrom<Status>('OK', 'LOW', 'LIMITED', 'DENIED', 'DOWN', 'CHECKING');
		fc.assert(
			fc.property(fc.array(status, {maxLength: 40}), fc.integer({min: 1, max: 4}), (sequence, hysteresis) => {
				const h = harness({hysteresis, cooldownMs: 0});
				const seen: Status[] = [];
				for (const s of sequence) {
					const alerts = h.read({a: s}, {a: s === 'DENIED' ? {verdict: vagueDenied} : {}});
					if (s !== 'CHECKING') seen.push(s);
					expect(alerts.length).toBeLessThanOrEqual(1);
					for (const alert of alerts) {
						const to = alert.keys[0]!.to;
						expect(to).toBe(s);
						expect(seen.slice(-hysteresis)).toEqual(Array(hysteresis).fill(to));
					}
				}
			}),
		);
	});
});

describe('alert engine: definite readings', () => {
	it.each<[string, Verdict]>([
		['an unexplained refusal', vagueDenied],
		['a bad request', makeVerdict('bad_request', {clears: 'needs_action'})],
		['a refusal with no HTTP answer', makeVerdict('invalid_key', {evidence: {status: null, headers: {}}})],
	])('a DENIED from %s waits for a second reading', (_what, verdict) => {
		const h = harness();
		h.read({a: 'OK'});
		expect(h.read({a: 'DENIED'}, {a: {verdict}})).toEqual([]);
		expect(h.read({a: 'OK'})).toEqual([]);
		expect(h.read({a: 'DENIED'}, {a: {verdict}})).toEqual([]);
		expect(h.read({a: 'DENIED'}, {a: {verdict}})).toHaveLength(1);
	});

	it.each<[Status, Verdict]>([
		['LIMITED', makeVerdict('rate_limited')],
		['DOWN', makeVerdict('overloaded', {clears: 'by_itself', retryAfterSeconds: 120})],
	])('a %s the monitor holds until the provider’s deadline fires on its first reading', (status, verdict) => {
		const h = harness();
		h.read({a: 'OK'});
		const [alert] = h.read({a: status}, {a: {verdict, heldUntil: h.now() + 120_000}});
		expect(alert!.keys[0]).toMatchObject({from: 'OK', to: status});
	});

	it('a hold no longer than the poll interval delays nothing, so it still needs a second reading', () => {
		const h = harness();
		h.read({a: 'OK'});
		// The snapshot polls every 60 s; a 429 asking for 20 s is read again at the usual pace.
		expect(h.read({a: 'LIMITED'}, {a: {heldUntil: h.now() + 1000 + 20_000}})).toEqual([]);
		expect(h.read({a: 'LIMITED'}, {a: {heldUntil: h.now() + 1000 + 20_000}}).map(a => a.keys[0]!.to)).toEqual(['LIMITED']);
	});

	it('the same status without a hold still needs a second reading', () => {
		const h = harness();
		h.read({a: 'OK'});
		expect(h.read({a: 'LIMITED'})).toEqual([]);
		expect(h.read({a: 'OK'})).toEqual([]);
	});

	it('a reading whose hold is booked after it was first seen counts once the hold shows', () => {
		const h = harness();
		h.read({a: 'OK'});
		expect(h.read({a: 'LIMITED'})).toEqual([]);
		const held = h.update({a: {heldUntil: h.now() + 90_000}});
		expect(held.map(a => a.keys[0]!.to)).toEqual(['LIMITED']);
		expect(h.update({a: {heldUntil: h.now() + 90_000}})).toEqual([]);
	});

	it('recovery from a definite status still needs `hysteresis` readings, so a flapping key stays quiet', () => {
		const h = harness({hysteresis: 2, cooldownMs: 0});
		h.read({a: 'OK'});
		expect(h.read({a: 'DENIED'})).toHaveLength(1);
		expect(h.read({a: 'OK'})).toEqual([]);
		expect(h.read({a: 'DENIED'})).toEqual([]);
		expect(h.read({a: 'OK'})).toEqual([]);
		expect(h.read({a: 'OK'}).map(a => a.keys[0]!.to)).toEqual(['OK']);
	});
});

describe('alert engine: cooldown', () => {
	it('a flapping key alerts once per cooldown, then reports where it ended up', () => {
		const h = harness({cooldownMs: 15 * minute});
		h.read({a: 'OK'});
		const fired = [];
		for (let i = 0; i < 6; i++) {
			fired.push(...h.read({a: 'LIMITED'}), ...h.read({a: 'LIMITED'}));
			fired.push(...h.read({a: 'OK'}), ...h.read({a: 'OK'}));
		}
		expect(fired.map(a => `${a.keys[0]!.from}>${a.keys[0]!.to}`)).toEqual(['OK>LIMITED']);
		h.advance(15 * minute);
		const after = h.read({a: 'OK'});
		expect(after.map(a => `${a.keys[0]!.from}>${a.keys[0]!.to}`)).toEqual(['LIMITED>OK']);
		expect(after[0]!.keys[0]!.title).toBe('quota has reset');
	});

	it('stays quiet after the cooldown when the key is back where the last alert left it', () => {
		const h = harness({cooldownMs: 15 * minute});
		h.read({a: 'OK'});
		h.read({a: 'LIMITED'});
		expect(h.read({a: 'LIMITED'})).toHaveLength(1);
		h.read({a: 'OK'});
		expect(h.read({a: 'OK'})).toEqual([]);
		h.read({a: 'LIMITED'});
		h.read({a: 'LIMITED'});
		h.advance(16 * minute);
		expect(h.read({a: 'LIMITED'})).toEqual([]);
	});

	it('a change for the worse does not wait for the cooldown', () => {
		const h = harness({cooldownMs: 15 * minute});
		h.read({a: 'OK'});
		h.read({a: 'LIMITED'});
		expect(h.read({a: 'LIMITED'})).toHaveLength(1);
		h.read({a: 'DOWN'});
		const alerts = h.read({a: 'DOWN'});
		expect(alerts[0]!.keys[0]).toMatchObject({from: 'LIMITED', to: 'DOWN'});
	});

	it('is per key: another key of the same provider still alerts', () => {
		const h = harness({cooldownMs: 15 * minute});
		h.read({a: 'OK', b: 'OK'});
		h.read({a: 'DOWN'});
		expect(h.read({a: 'DOWN'})).toHaveLength(1);
		h.read({a: 'OK'});
		h.read({a: 'OK'});
		h.read({b: 'LIMITED'});
		const alerts = h.read({b: 'LIMITED'});
		expect(alerts.map(a => a.keys.map(k => k.name))).toEqual([['b']]);
	});
});

describe('alert engine: grouping', () => {
	it('groups one provider’s simultaneous changes into one alert, and keeps providers apart', () => {
		const h = harness({groupWindowMs: 5000});
		h.read({a: 'OK', b: 'OK', c: 'OK'}, {c: {provider: 'anthropic'}});
		// a's 401 is confirmed at once, b and c one reading later: still one alert per provider.
		expect(h.read({a: 'DENIED', b: 'LIMITED', c: 'DOWN'})).toEqual([]);
		expect(h.read({a: 'DENIED', b: 'LIMITED', c: 'DOWN'})).toEqual([]);
		h.advance(5000);
		const alerts = h.engine.flush();
		expect(alerts.map(a => [a.provider, a.keys.map(k => `${k.name}:${k.to}`)])).toEqual([
			['openai', ['a:DENIED', 'b:LIMITED']],
			['anthropic', ['c:DOWN']],
		]);
		expect(alerts[0]!.text.split('\n')).toEqual([
			'keywatch: 2 openai keys changed',
			'• a (sk-…41Ru) OK → DENIED — Invalid API key. Why: OpenAI answered 401 invalid_api_key. First step: Create a new key at https://platform.openai.com/api-keys.',
			'• b (sk-…41Ru) OK → LIMITED — Rate limited (requests per minute). Why: The provider answered 429 with x-ratelimit-remaining-requests: 0. First step: Wait for the window to reset.',
		]);
	});

	it('waits the group window for siblings that confirm a little later', () => {
		const h = harness({groupWindowMs: 5000});
		h.read({a: 'OK', b: 'OK'});
		h.read({a: 'DOWN'});
		expect(h.read({a: 'DOWN'})).toEqual([]);
		const due = h.engine.nextDueAt();
		expect(due).toBe(h.now() + 5000);
		h.read({b: 'DOWN'});
		expect(h.read({b: 'DOWN'})).toEqual([]);
		expect(h.engine.flush()).toEqual([]);
		h.advance(due! - h.now());
		const alerts = h.engine.flush();
		expect(alerts.map(a => a.keys.map(k => k.name))).toEqual([['a', 'b']]);
		expect(h.engine.nextDueAt()).toBeUndefined();
	});

	it('merges a key that gets worse inside the window into one change', () => {
		const h = harness({groupWindowMs: 10_000, cooldownMs: 15 * minute});
		h.read({a: 'OK'});
		h.read({a: 'LIMITED'});
		h.read({a: 'LIMITED'});
		h.read({a: 'DENIED'});
		h.read({a: 'DENIED'});
		h.advance(10_000);
		const alerts = h.engine.flush();
		expect(alerts.map(a => a.keys.map(k => `${k.from}>${k.to}`))).toEqual([['OK>DENIED']]);
	});

	it('drops waiting changes of a key that was removed', () => {
		const h = harness({groupWindowMs: 5000});
		h.read({a: 'OK'});
		h.read({a: 'DOWN'});
		h.read({a: 'DOWN'});
		expect(h.engine.update(makeSnapshot([]))).toEqual([]);
		h.advance(5000);
		expect(h.engine.flush()).toEqual([]);
	});
});

describe('alert engine: secrets', () => {
	it('never puts a key in the alert, even when a provider message echoed it', () => {
		const h = harness();
		const leaky = makeVerdict('invalid_key', {
			title: `Incorrect API key provided: ${canaryKey}`,
			why: `OpenAI said: key ${canaryKey} is invalid\u001b[2J`,
			fix: [`Delete ${canaryKey} and create a new one`],
		});
		h.read({a: 'OK'});
		const [alert] = h.read({a: 'DENIED'}, {a: {verdict: leaky, name: `name-with-${canaryKey}`}});
		const everything = JSON.stringify(alert);
		expect(everything).not.toContain('canary-Q7Zx93');
		expect(everything).not.toContain('Q7Zx93LmWp41');
		expect(everything).not.toContain('\u001b');
		expect(alert!.text).toContain('sk-…RtYu');
	});
});
