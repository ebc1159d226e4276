// Whether the trend is kept across restarts: on for the live view and serve, off with the setting or the flag.
import {existsSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {CommonOptions} from '../../source/app/options.js';
import {openSession} from '../../source/app/session.js';
import {HISTORY_FILE} from '../../source/monitor/history-store.js';
import {tempConfigDir} from '../helpers/cli.js';

const saved = process.env.KEYWATCH_CONFIG_DIR;
afterEach(() => {
	if (saved === undefined) delete process.env.KEYWATCH_CONFIG_DIR;
	else process.env.KEYWATCH_CONFIG_DIR = saved;
});

/** A config folder with one key; the monitor is never started, so nothing is probed. */
function configWith(settings: Record<string, unknown>): string {
	const dir = tempConfigDir();
	const keys = [{name: 'prod', provider: 'openai', secret: {type: 'value', value: 'sk-test-healthy-history0000001'}, baseUrl: 'http://127.0.0.1:9/v1'}];
	writeFileSync(path.join(dir, 'config.json'), JSON.stringify({keys, settings: {statusPages: false, ...settings}}), {mode: 0o600});
	process.env.KEYWATCH_CONFIG_DIR = dir;
	return dir;
}

/** Open and close a session as `serve` does; the monitor writes its history on stop when it keeps one. */
async function savedHistory(options: CommonOptions, settings: Record<string, unknown> = {}): Promise<boolean> {
	const dir = configWith(settings);
	const session = await openSession(options, false, {persistHistory: true});
	await session.close();
	return existsSync(path.join(dir, HISTORY_FILE));
}

describe('saving the trend across restarts', () => {
	it('is on by default for the live view and serve', async () => {
		expect(await savedHistory({})).toBe(true);
	});

	it('is off with settings.saveHistory: false', async () => {
		expect(await savedHistory({}, {saveHistory: false})).toBe(false);
	});

	it('is off with --no-save-history, whatever the config says', async () => {
		expect(await savedHistory({saveHistory: false}, {saveHistory: true})).toBe(false);
	});

	it('is never on for a one-shot run', async () => {
		const dir = configWith({});
		const session = await openSession({}, false, {oneShot: true});
		await session.close();
		expect(existsSync(path.join(dir, HISTORY_FILE))).toBe(false);
	});
});
