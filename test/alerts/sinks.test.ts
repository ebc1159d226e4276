import {chmod, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {sendTest} from '../../source/alerts/dispatch.js';
import {createBellSink} from '../../source/alerts/sinks/bell.js';
import {createDesktopSink} from '../../source/alerts/sinks/desktop.js';
import {sinksFromConfig} from '../../source/alerts/sinks/from-config.js';
import type {Alert, AlertSink} from '../../source/alerts/types.js';
import {canaryKey} from '../serve/fake-monitor.js';
import {startReceiver} from './receiver.js';

const alert: Alert = {
	at: 1_700_000_000_000,
	provider: 'openai',
	keys: [{name: 'prod', from: 'OK', to: 'DENIED', title: 'Invalid API key'}],
	text: 'keywatch: prod (openai) OK → DENIED — Invalid API key. "quoted" -n $(not run)',
};

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'keywatch-sinks-'));
});
afterEach(async () => {
	await rm(dir, {recursive: true, force: true});
});

describe('bell sink', () => {
	it('writes BEL to its stream', async () => {
		const written: string[] = [];
		const result = await createBellSink({write: chunk => written.push(chunk)}).send(alert);
		expect(written).toEqual(['\u0007']);
		expect(result).toEqual({sink: 'bell', ok: true, detail: 'bell rung'});
	});

	it('reports a stream that cannot be written', async () => {
		const result = await createBellSink({
			write() {
				throw new Error('EPIPE');
			},
		}).send(alert);
		expect(result).toMatchObject({ok: false, detail: 'could not write the bell: EPIPE'});
	});
});

describe('desktop sink', () => {
	it('says "not available" when notify-send is not on PATH', async () => {
		const result = await createDesktopSink({platform: 'linux', env: {PATH: dir}}).send(alert);
		expect(result).toEqual({sink: 'desktop', ok: false, detail: 'not available: notify-send not found on PATH'});
	});

	it('says "not available" when osascript is missing on macOS, and on platforms without a notifier', async () => {
		expect((await createDesktopSink({platform: 'darwin', env: {PATH: dir}}).send(alert)).detail).toBe('not available: osascript not found on PATH');
		expect((await createDesktopSink({platform: 'win32', env: {PATH: dir}}).send(alert)).detail).toBe('not available: no desktop notifier on win32');
	});

	async function fakeNotifier(name: string, script: string): Promise<string> {
		const file = path.join(dir, name);
		await writeFile(file, `#!/bin/sh\n${script}\n`);
		await chmod(file, 0o755);
		return file;
	}

	it('runs notify-send with the text as arguments and an environment without keys', async () => {
		await fakeNotifier('notify-send', `for a in "$@"; do printf '%s\\n' "$a"; done > "${dir}/argv"; env > "${dir}/env"`);
		const env = {PATH: `${dir}:/usr/bin:/bin`, DISPLAY: ':0', OPENAI_API_KEY: canaryKey, HOME: dir};
		const result = await createDesktopSink({platform: 'linux', env}).send(alert);
		expect(result).toEqual({sink: 'desktop', ok: true, detail: 'shown with notify-send'});
		const argv = (await readFile(path.join(dir, 'argv'), 'utf8')).trimEnd().split('\n');
		expect(argv).toEqual([
			'--app-name=keywatch',
			'--urgency=critical',
			'--',
			'keywatch: openai',
			'prod (openai) OK → DENIED — Invalid API key. "quoted" -n $(not run)',
		]);
		const childEnv = await readFile(path.join(dir, 'env'), 'utf8');
		expect(childEnv).toContain('DISPLAY=:0');
		expect(childEnv).not.toContain('OPENAI_API_KEY');
		expect(childEnv).not.toContain('canary');
	});

	it('passes osascript the text as argv, not inside the script', async () => {
		await fakeNotifier('osascript', `for a in "$@"; do printf '%s\\n' "$a"; done > "${dir}/argv"`);
		const result = await createDesktopSink({platform: 'darwin', env: {PATH: `${dir}:/usr/bin:/bin`}}).send(alert);
		expect(result.ok).toBe(true);
		const argv = (await readFile(path.join(dir, 'argv'), 'utf8')).trimEnd().split('\n');
		expect(argv.slice(-2)).toEqual(['keywatch: openai', 'prod (openai) OK → DENIED — Invalid API key. "quoted" -n $(not run)']);
		expect(argv.filter(a => a.includes('display notification'))).toEqual(['display notification (item 2 of argv) with title (item 1 of argv)']);
	});

	it('reports a notifier that fails (no desktop session) with its message', async () => {
		await fakeNotifier('notify-send', `echo "Cannot autolaunch D-Bus without X11 \\$DISPLAY" >&2; exit 1`);
		const result = await createDesktopSink({platform: 'linux', env: {PATH: `${dir}:/usr/bin:/bin`}}).send(alert);
		expect(result).toEqual({sink: 'desktop', ok: false, detail: 'notify-send failed: Cannot autolaunch D-Bus without X11 $DISPLAY'});
	});
});

describe('sendTest', () => {
	it('sends a test alert through every sink and reports each one, even a sink that throws', async () => {
		const r = await startReceiver(() => ({status: 403, body: 'invalid_token'}));
		try {
			const written: string[] = [];
			const throwing: AlertSink = {
				name: 'broken',
				send() {
					throw new Error('boom');
				},
			};
			const sinks = [
				...sinksFromConfig({bell: true, webhooks: [{url: `${r.url}/hook/secret-part`, format: 'json'}]}, {bellStream: {write: c => written.push(c)}}),
				throwing,
			];
			const results = await sendTest(sinks);
			expect(results).toEqual([
				{sink: 'bell', ok: true, detail: 'bell rung'},
				{sink: `webhook json ${r.url}/…`, ok: false, detail: `HTTP 403 from ${r.url}/…: invalid_token`},
				{sink: 'broken', ok: false, detail: 'failed: boom'},
			]);
			expect(written).toEqual(['\u0007']);
			const body = JSON.parse(r.received[0]!.body) as {source: string; alert: Alert};
			expect(body.source).toBe('keywatch');
			expect(body.alert).toMatchObject({provider: 'keywatch', test: true, keys: []});
			expect(body.alert.text).toContain('test alert');
		} finally {
			await r.close();
		}
	});

	it('builds no sink for an empty config', () => {
		expect(sinksFromConfig({})).toEqual([]);
		expect(sinksFromConfig({bell: false, desktop: true}).map(s => s.name)).toEqual(['desktop']);
	});
});
