import {describe, expect, it} from 'vitest';
import {pickIncident, withIncidents} from '../../source/status-pages/with-incidents.js';
import type {Incident} from '../../source/types.js';
import {keyState, stubMonitor, stubSource} from './helpers.js';

const incident = (name: string, impact: Incident['impact'], url?: string): Incident => ({provider: 'anthropic', name, impact, status: 'investigating', ...(url ? {url} : {})});

function setup() {
	const keys = [
		keyState('claude-ci', 'anthropic', 'overloaded', 'DOWN'),
		keyState('claude-main', 'anthropic', 'ok', 'OK'),
		keyState('claude-team', 'anthropic', 'quota_exhausted', 'DENIED'),
		keyState('claude-vpn', 'anthropic', 'network', 'DOWN'),
		keyState('openai-down', 'openai', 'outage', 'DOWN'),
	];
	const monitor = stubMonitor(keys);
	const source = stubSource();
	return {keys, monitor, source, decorated: withIncidents(monitor, source)};
}

describe('withIncidents', () => {
	it('snapshots carry the open incidents and the pages that could not be read', () => {
		const {source, decorated} = setup();
		const incidents = {anthropic: [incident('Elevated errors', 'major')], openai: []};
		source.set(incidents, {xai: 'status.x.ai answered HTTP 404'});
		const snapshot = decorated.getSnapshot();
		expect(snapshot.incidents).toEqual(incidents);
		expect(snapshot.statusPageErrors).toEqual({xai: 'status.x.ai answered HTTP 404'});
	});

	it("marks the provider's DOWN verdicts (overloaded, outage) with the incident; OK, DENIED and network keys stay as they were", () => {
		const {keys, source, decorated} = setup();
		source.set({anthropic: [incident('Elevated errors on Claude API', 'major', 'https://stspg.io/x1')]});
		const byName = Object.fromEntries(decorated.getSnapshot().keys.map(k => [k.name, k]));
		expect(byName['claude-ci']!.verdict!.evidence.incident).toEqual({name: 'Elevated errors on Claude API', url: 'https://stspg.io/x1'});
		expect(byName['claude-main']).toBe(keys[1]);
		expect(byName['claude-team']).toBe(keys[2]);
		expect(byName['claude-vpn']).toBe(keys[3]);
		// openai has no incident: its outage verdict is the monitor's own.
		expect(byName['openai-down']).toBe(keys[4]);
		// The monitor's own snapshot is left alone.
		expect(keys[0]!.verdict!.evidence.incident).toBeUndefined();
	});

	it('an outage verdict is marked too, with no url when the page gave none', () => {
		const {source, decorated} = setup();
		source.set({openai: [{provider: 'openai', name: 'Partial outage', impact: 'minor', status: 'identified'}]});
		const key = decorated.getSnapshot().keys.find(k => k.name === 'openai-down')!;
		expect(key.verdict!.evidence.incident).toEqual({name: 'Partial outage'});
		expect(key.verdict!.kind).toBe('outage');
	});

	it('picks the first major or critical incident, else the first', () => {
		const minor = incident('Slow console', 'minor');
		const maintenance = incident('Upgrade', 'maintenance');
		const critical = incident('API down', 'critical');
		const major = incident('Errors', 'major');
		expect(pickIncident([minor, maintenance, critical, major])).toBe(critical);
		expect(pickIncident([maintenance, minor])).toBe(maintenance);
		expect(pickIncident([])).toBeUndefined();
		expect(pickIncident(undefined)).toBeUndefined();
	});

	it('returns the same snapshot until the monitor or the status pages change', () => {
		const {keys, monitor, source, decorated} = setup();
		source.set({anthropic: [incident('Elevated errors', 'major')]});
		const first = decorated.getSnapshot();
		expect(decorated.getSnapshot()).toBe(first);

		source.set({anthropic: [incident('Elevated errors', 'major')]});
		const second = decorated.getSnapshot();
		expect(second).not.toBe(first);
		expect(decorated.getSnapshot()).toBe(second);

		monitor.set([...keys]);
		const third = decorated.getSnapshot();
		expect(third).not.toBe(second);
		expect(decorated.getSnapshot()).toBe(third);
		expect(Object.isFrozen(third)).toBe(true);
		// The marked DOWN key keeps its object while neither it nor its incident changed.
		expect(third.keys[0]).toBe(second.keys[0]);
		expect(second.keys[0]).not.toBe(first.keys[0]);
	});

	it('listeners hear both the monitor and the status pages; unsubscribing leaves neither', () => {
		const {keys, monitor, source, decorated} = setup();
		let heard = 0;
		const off = decorated.subscribe(() => heard++);
		monitor.set([...keys]);
		source.set({});
		expect(heard).toBe(2);
		off();
		monitor.set([...keys]);
		source.set({});
		expect(heard).toBe(2);
		expect(monitor.listenerCount()).toBe(0);
	});

	it('checkOnce reads the status pages while the keys are probed, and answers the decorated snapshot', async () => {
		const {monitor, source} = setup();
		let release: () => void = () => undefined;
		const gate = new Promise<void>(resolve => (release = resolve));
		const slowMonitor = {
			...monitor,
			async checkOnce() {
				monitor.calls.push('checkOnce');
				await gate;
				return monitor.getSnapshot();
			},
		};
		const decorated = withIncidents(slowMonitor, source);
		source.set({anthropic: [incident('Elevated errors', 'major')]});
		const checked = decorated.checkOnce();
		await Promise.resolve();
		expect(source.calls).toEqual(['refresh']);
		expect(monitor.calls).toEqual(['checkOnce']);
		release();
		const snapshot = await checked;
		expect(snapshot).toBe(decorated.getSnapshot());
		expect(snapshot.keys[0]!.verdict!.evidence.incident?.name).toBe('Elevated errors');
	});

	it('start and stop reach both; probeNow, setPaused and recordTraffic reach the monitor', async () => {
		const {monitor, source, decorated} = setup();
		decorated.start();
		decorated.probeNow('claude-ci');
		decorated.setPaused(true);
		decorated.recordTraffic('claude-ci', {provider: 'anthropic', status: 529, headers: {}, body: '', at: 0});
		await decorated.stop();
		expect(monitor.calls).toEqual(['start', 'probeNow claude-ci', 'setPaused true', 'recordTraffic claude-ci', 'stop']);
		expect(source.calls).toEqual(['start', 'stop']);
	});
});
