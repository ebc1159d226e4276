import {describe, expect, it} from 'vitest';
import {createAlerter} from '../../source/alerts/alerter.js';
import {alertConfigSchema} from '../../source/alerts/config.js';
import type {Alert, AlertSink, SinkResult} from '../../source/alerts/types.js';
import type {Status} from '../../source/types.js';
import {createFakeMonitor, makeKey, makeSnapshot, makeVerdict} from '../serve/fake-monitor.js';

function recordingSink() {
	const sent: Alert[] = [];
	const sink: AlertSink = {
		name: 'record',
		async send(alert) {
			sent.push(alert);
			return {sink: 'record', ok: true, detail: 'recorded'};
		},
	};
	return {sink, sent};
}

function reading(monitor: ReturnType<typeof createFakeMonitor>, at: number, status: Status) {
	const verdict = status === 'DENIED' ? makeVerdict('invalid_key') : status === 'DOWN' ? makeVerdict('outage') : makeVerdict('ok');
	monitor.set(makeSnapshot([makeKey({id: 'prod', status, verdict, checkedAt: at})]));
}

describe('createAlerter', () => {
	it('subscribes, sends a confirmed change through the sinks and records when it fired', async () => {
		let now = 5_000_000;
		const monitor = createFakeMonitor();
		const {sink, sent} = recordingSink();
		const alerter = createAlerter(monitor, {cooldownMinutes: 15}, [sink], {groupWindowMs: 0, now: () => now});
		const results: SinkResult[][] = [];
		alerter.subscribe((_alert, r) => results.push(r));
		expect(alerter.getLastAlertAt()).toBeUndefined();
		reading(monitor, 1, 'OK');
		reading(monitor, 2, 'DOWN');
		now += 1000;
		reading(monitor, 3, 'DOWN');
		await alerter.stop();
		expect(sent.map(a => a.keys.map(k => `${k.name}:${k.from}>${k.to}`))).toEqual([['prod:OK>DOWN']]);
		expect(alerter.getLastAlertAt()).toBe(now);
		expect(alerter.getLastResults()).toEqual([{sink: 'record', ok: true, detail: 'recorded'}]);
		expect(results).toHaveLength(1);
		expect(monitor.listenerCount()).toBe(0);
	});

	it('uses the config hysteresis', async () => {
		const monitor = createFakeMonitor();
		const {sink, sent} = recordingSink();
		const alerter = createAlerter(monitor, {hysteresis: 1}, [sink], {groupWindowMs: 0});
		reading(monitor, 1, 'OK');
		reading(monitor, 2, 'DOWN');
		await alerter.stop();
		expect(sent).toHaveLength(1);
	});

	it('sends grouped changes when the group window passes, without another monitor change', async () => {
		const monitor = createFakeMonitor();
		const {sink, sent} = recordingSink();
		const alerter = createAlerter(monitor, {hysteresis: 1}, [sink], {groupWindowMs: 20});
		const delivered = new Promise<void>(resolve => alerter.subscribe(() => resolve()));
		reading(monitor, 1, 'OK');
		reading(monitor, 2, 'DENIED');
		expect(sent).toHaveLength(0);
		await delivered;
		await alerter.stop();
		expect(sent).toHaveLength(1);
	});
});

describe('alertConfigSchema', () => {
	it('accepts the documented shape and defaults a webhook to Slack format', () => {
		const parsed = alertConfigSchema.parse({
			bell: true,
			desktop: false,
			webhooks: [{url: 'https://hooks.slack.com/services/T/B/X'}, {url: 'http://127.0.0.1:9000/hook', format: 'json'}],
			cooldownMinutes: 15,
		});
		expect(parsed.webhooks?.map(w => w.format)).toEqual(['slack', 'json']);
	});

	it.each([
		[{webhooks: [{url: 'ftp://example.com/x', format: 'slack'}]}],
		[{webhooks: [{url: 'not a url', format: 'slack'}]}],
		[{webhooks: [{url: 'https://example.com', format: 'teams'}]}],
		[{cooldownMinutes: -1}],
		[{bell: 'yes'}],
		[{hysteresis: 0}],
	])('rejects %j', config => {
		expect(alertConfigSchema.safeParse(config).success).toBe(false);
	});

	it('does not repeat a rejected webhook URL in its error', () => {
		const result = alertConfigSchema.safeParse({webhooks: [{url: 'ftp://hooks.example/SECRETPATH', format: 'slack'}]});
		expect(JSON.stringify(result.error?.issues)).not.toContain('SECRETPATH');
	});
});
