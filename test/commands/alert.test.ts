// `keywatch alert list | remove | set | test`, run in-process against a config folder of their own.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {UsageError} from '../../source/app/options.js';
import {parseCooldown, runAlertAdd, runAlertList, runAlertRemove, runAlertSet, runAlertTest} from '../../source/commands/alert.js';
import {startReceiver} from '../alerts/receiver.js';
import {commandSandbox} from '../helpers/command-sandbox.js';

const box = commandSandbox('keywatch-alert-');

const alertsInFile = () => {
	const file = path.join(box.dir, 'config.json');
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as {alerts?: Record<string, unknown>}).alerts : undefined;
};
const slack = 'https://hooks.slack.com/services/T0001/B0002/SECRETsecret0003';
const ops = 'https://ops.example.com/hooks/keywatch?token=SECRETtoken';

async function output(run: () => Promise<number>): Promise<{code: number; text: string}> {
	box.out = '';
	const code = await run();
	return {code, text: box.out};
}

describe('alert list', () => {
	it('shows the defaults of an empty config', async () => {
		expect(await output(runAlertList)).toEqual({
			code: 0,
			text: ['bell        off', 'desktop     off', 'webhooks    none (add one: keywatch alert add webhook URL)', 'cooldown    15m (default)', 'hysteresis  2 readings (default)', ''].join('\n'),
		});
	});

	it('numbers the webhooks, masks their URLs, and shows the settings as set', async () => {
		await runAlertAdd('bell', undefined, {});
		await runAlertAdd('webhook', slack, {format: 'slack'});
		await runAlertAdd('webhook', ops, {format: 'json'});
		await runAlertSet('cooldown', '90s');
		await runAlertSet('hysteresis', '3');
		const {text} = await output(runAlertList);
		// The README shows this layout.
		expect(text).toBe(
			['bell        on', 'desktop     off', 'webhook 1   slack  https://hooks.slack.com/…', 'webhook 2   json   https://ops.example.com/…', 'cooldown    1m 30s', 'hysteresis  3 readings', ''].join('\n'),
		);
		expect(text).not.toContain('SECRET');
	});
});

describe('alert remove', () => {
	beforeEach(async () => {
		await runAlertAdd('webhook', slack, {format: 'slack'});
		await runAlertAdd('webhook', ops, {format: 'json'});
		await runAlertAdd('desktop', undefined, {});
	});

	it('removes a webhook by its number in the list', async () => {
		const {code, text} = await output(() => runAlertRemove('1'));
		expect(code).toBe(0);
		expect(text).toBe('webhook 1 (slack https://hooks.slack.com/…) removed\n');
		expect(alertsInFile()).toEqual({desktop: true, webhooks: [{url: ops, format: 'json'}]});
	});

	it('removes a webhook by its exact URL, and bell or desktop by name', async () => {
		await runAlertRemove(ops);
		await runAlertRemove('desktop');
		expect(alertsInFile()).toEqual({webhooks: [{url: slack, format: 'slack'}]});
	});

	it('refuses a number or URL it does not have, without echoing the URL', async () => {
		await expect(runAlertRemove('3')).rejects.toThrow(new UsageError('no webhook 3: there are 2 (keywatch alert list numbers them)'));
		await expect(runAlertRemove('0')).rejects.toThrow(UsageError);
		const wrong = 'https://hooks.slack.com/services/T0001/B0002/OTHERsecret';
		const error = await runAlertRemove(wrong).catch((e: Error) => e);
		expect(String(error)).toContain('no webhook https://hooks.slack.com/… with that exact URL');
		expect(String(error)).not.toContain('OTHERsecret');
		expect((alertsInFile()?.webhooks as unknown[]).length).toBe(2);
	});
});

describe('alert set', () => {
	it.each([
		['10m', 10],
		['1h30m', 90],
		['90s', 1.5],
		['2d', 2880],
		['45', 45],
		['0', 0],
	])('reads cooldown %s as %d minutes', (text, minutes) => {
		expect(parseCooldown(text)).toBe(minutes);
	});

	it('stores the cooldown and hysteresis where the alerter reads them', async () => {
		expect((await output(() => runAlertSet('cooldown', '10m'))).text).toMatch(/^cooldown 10m: /);
		expect((await output(() => runAlertSet('hysteresis', '4'))).text).toMatch(/^hysteresis 4 readings: /);
		expect(alertsInFile()).toEqual({cooldownMinutes: 10, hysteresis: 4});
		await runAlertSet('cooldown', '0');
		expect(alertsInFile()?.cooldownMinutes).toBe(0);
	});

	it.each([
		['cooldown', 'soon'],
		['cooldown', '8d'],
		['cooldown', '-5m'],
		['hysteresis', '0'],
		['hysteresis', '2.5'],
		['hysteresis', '21'],
		['volume', '11'],
	])('refuses %s %s and leaves the config alone', async (setting, value) => {
		await expect(runAlertSet(setting, value)).rejects.toThrow(UsageError);
		expect(alertsInFile()).toBeUndefined();
	});
});

describe.skipIf(process.platform !== 'linux')('alert test', () => {
	it('prints what the README shows', async () => {
		const receiver = await startReceiver(() => ({status: 200, body: 'ok'}));
		try {
			await runAlertAdd('bell', undefined, {});
			await runAlertAdd('desktop', undefined, {});
			await runAlertAdd('webhook', `${receiver.url}/services/T/B/X`, {format: 'slack'});
			// No notifier on this PATH: the desktop line is the README's "not available".
			process.env.PATH = '/nonexistent';
			const {code, text} = await output(runAlertTest);
			expect(code).toBe(1);
			const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
			const sample = /`keywatch alert test` sends a test alert[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
			expect(sample).toBeDefined();
			expect(text.replaceAll(receiver.url.replace(/\/$/, ''), 'https://hooks.slack.com')).toBe(sample);
			expect(receiver.received).toHaveLength(1);
		} finally {
			await receiver.close();
		}
	});
});
