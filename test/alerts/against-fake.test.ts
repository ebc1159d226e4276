// The alerter on the real monitor, transport, adapters and diagnosis, against the fake provider on 127.0.0.1, all
// on one simulated clock, with the settings of an ops box: a 5 s interval, headroom every 30 s, default hysteresis
// and cooldown, and the default 5 s grouping. Keys change scenario while it runs, as real keys do.
import {afterEach, describe, expect, it} from 'vitest';
import {createAlerter, type Alerter} from '../../source/alerts/alerter.js';
import type {Alert, AlertKeyChange, AlertSink} from '../../source/alerts/types.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import type {Scenario} from '../../source/fake/types.js';
import {createMonitor, type Monitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import type {KeyConfig, Status} from '../../source/types.js';
import {seededRandom} from '../monitor/helpers.js';
import {settleWhenQuiet, SteppedClock, until} from '../monitor/stepped-clock.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const names = ['perminute', 'daily', 'revoked', 'flappy', 'steady'] as const;
type Name = (typeof names)[number];
// No scenario marker in the secrets: every key starts healthy, and the test switches them.
const secretOf = (name: Name) => `sk-proj-alerts-${name}-0000wxyz`;

type Fired = AlertKeyChange & {at: number; provider: string};

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
	for (const step of cleanup.reverse()) await step();
	cleanup = [];
});

async function setup() {
	const clock = new SteppedClock();
	const fake: FakeProvider = await startFakeProvider({clock: () => clock.now()});
	const real = createTransport();
	let inFlight = 0;
	const transport: Transport = {
		async send(request, provider, options) {
			inFlight++;
			try {
				return await real.send(request, provider, options);
			} finally {
				inFlight--;
			}
		},
		close: () => real.close(),
	};
	const keys: KeyConfig[] = names.map(name => ({name, provider: 'openai', secret: {type: 'value', value: secretOf(name)}, baseUrl: fake.baseUrl('openai')}));
	const monitor: Monitor = createMonitor({keys, transport, clock, random: seededRandom(5), intervalMs: 5 * SECOND, headroomIntervalMs: 30 * SECOND});
	const alerts: Alert[] = [];
	const sink: AlertSink = {
		name: 'record',
		async send(alert) {
			alerts.push(alert);
			return {sink: 'record', ok: true, detail: 'recorded'};
		},
	};
	const alerter: Alerter = createAlerter(monitor, {}, [sink], {clock});
	// What a screen (or a scrape) would have shown of each key, one entry per change.
	const shown = new Map<string, Status[]>();
	monitor.subscribe(() => {
		for (const key of monitor.getSnapshot().keys) {
			const seen = shown.get(key.name) ?? [];
			if (seen.at(-1) !== key.status) seen.push(key.status);
			shown.set(key.name, seen);
		}
	});
	clock.settle = settleWhenQuiet(() => inFlight > 0 || monitor.getSnapshot().keys.some(k => k.probing));
	cleanup.push(async () => {
		await alerter.stop();
		const stopping = monitor.stop();
		await real.close();
		await stopping;
		await fake.close();
	});
	const fired = (): Fired[] => alerts.flatMap(alert => alert.keys.map(change => ({...change, at: alert.at, provider: alert.provider})));
	const firedFor = (name: Name) => fired().filter(change => change.name === name);
	const state = (name: Name) => monitor.getSnapshot().keys.find(k => k.name === name)!;
	const switchTo = (name: Name, scenario: Scenario) => fake.setScenario(secretOf(name), scenario);
	monitor.start();
	await until(() => clock.pending >= names.length);
	return {clock, monitor, fired, firedFor, state, switchTo, shown};
}

describe('alerts from the real monitor against the fake provider', () => {
	it('fires LIMITED, DENIED and recovery alerts once each, and keeps quiet about a flapping key', async () => {
		const {clock, firedFor, fired, state, switchTo, shown, monitor} = await setup();
		await clock.advance(2 * MINUTE);
		expect(names.map(name => state(name).status)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
		expect(fired()).toEqual([]);

		// The flapping key answers well and badly by turns: one round OK, the next DOWN.
		let flappyAt = state('flappy').checkedAt;
		let flappyBad = false;
		const unflap = monitor.subscribe(() => {
			const at = state('flappy').checkedAt;
			if (at === flappyAt) return;
			flappyAt = at;
			flappyBad = !flappyBad;
			switchTo('flappy', flappyBad ? 'overloaded' : 'healthy');
		});

		const changedAt = clock.now();
		switchTo('perminute', 'limited');
		switchTo('daily', 'daily_cap');
		switchTo('revoked', 'invalid');
		await clock.advance(2 * MINUTE);

		expect(state('perminute').status).toBe('LIMITED');
		expect(state('daily').status).toBe('LIMITED');
		expect(state('revoked').status).toBe('DENIED');
		// An explicit 401 is definite: it is told within one poll (plus the 5 s grouping), not after a slow re-check.
		const [denied, ...moreDenied] = firedFor('revoked');
		expect(denied).toMatchObject({from: 'OK', to: 'DENIED', title: expect.stringMatching(/./), firstFix: expect.stringMatching(/./)});
		expect(denied!.at - changedAt).toBeLessThanOrEqual(5.5 * SECOND + 5 * SECOND);
		expect(moreDenied).toEqual([]);
		// A per-minute limit read every minute, and a daily cap read once and then held until midnight, each alert once,
		// as soon as the headroom probe meets them.
		for (const name of ['perminute', 'daily'] as const) {
			const changes = firedFor(name);
			expect(changes.map(c => `${c.from}>${c.to}`)).toEqual(['OK>LIMITED']);
			expect(changes[0]!.at - changedAt).toBeLessThanOrEqual(33 * SECOND + 5 * SECOND);
		}
		// Each round's status is decided once: the free probe's OK never shows between a key's 429s.
		expect(shown.get('perminute')).toEqual(['CHECKING', 'OK', 'LIMITED']);
		expect(shown.get('daily')).toEqual(['CHECKING', 'OK', 'LIMITED']);

		await clock.advance(10 * MINUTE);
		unflap();
		expect(shown.get('flappy')!.filter(s => s === 'DOWN').length).toBeGreaterThanOrEqual(5);
		expect(firedFor('flappy')).toEqual([]);
		expect(firedFor('steady')).toEqual([]);
		// Still limited, still one alert each: a held key repeating itself is not news.
		expect(firedFor('perminute')).toHaveLength(1);
		expect(firedFor('daily')).toHaveLength(1);
		expect(firedFor('revoked')).toHaveLength(1);

		// Fixed: the quota resets and the key is replaced. Recoveries wait out the 15 min cooldown, then are told.
		switchTo('perminute', 'healthy');
		switchTo('revoked', 'healthy');
		switchTo('flappy', 'healthy');
		await clock.advance(6 * MINUTE);
		expect(state('perminute').status).toBe('OK');
		expect(state('revoked').status).toBe('OK');
		expect(firedFor('perminute').map(c => `${c.from}>${c.to} ${c.title}`)).toEqual(['OK>LIMITED ' + firedFor('perminute')[0]!.title, 'LIMITED>OK quota has reset']);
		expect(firedFor('revoked').map(c => `${c.from}>${c.to} ${c.title}`)).toEqual(['OK>DENIED ' + firedFor('revoked')[0]!.title, 'DENIED>OK the key is accepted again']);
		expect(firedFor('daily')).toHaveLength(1);
		expect(firedFor('flappy')).toEqual([]);
		// No alert text carries a key.
		for (const name of names) expect(JSON.stringify(fired())).not.toContain(secretOf(name).slice(8));
	});
});
