// The proxy toggle in the config (`keywatch proxy enable|disable`) and the live view's `--proxy [port]` flag,
// parsed by the real CLI program in-process; the commands that would start a live view or a proxy are stubbed.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeEach, describe, expect, it, vi} from 'vitest';
import {commandSandbox} from '../helpers/command-sandbox.js';

const runDefault = vi.fn(async (_options: Record<string, unknown>) => 0);
const runProxy = vi.fn(async (_options: Record<string, unknown>) => 0);
vi.mock('../../source/commands/live.js', () => ({runDefault}));
vi.mock('../../source/commands/proxy.js', () => ({runProxy}));

const {runCli} = await import('../../source/main.js');

const box = commandSandbox('kw-proxy-setting-');

beforeEach(() => {
	runDefault.mockClear();
	runProxy.mockClear();
});

const proxySetting = () => JSON.parse(readFileSync(path.join(box.dir, 'config.json'), 'utf8')).settings.proxy as unknown;

describe('keywatch proxy enable | disable', () => {
	it('writes settings.proxy for the live view, and keeps the port across a disable', async () => {
		expect(await runCli(['proxy', 'enable', '--port', '9100'])).toBe(0);
		expect(proxySetting()).toEqual({enabled: true, port: 9100});
		expect(box.out).toContain('the live view now starts the proxy on 127.0.0.1:9100');
		expect(await runCli(['proxy', 'disable'])).toBe(0);
		expect(proxySetting()).toEqual({enabled: false, port: 9100});
		expect(box.out).toContain('the live view no longer starts the proxy');
		expect(await runCli(['proxy', 'enable'])).toBe(0);
		expect(proxySetting()).toEqual({enabled: true, port: 9100});
		expect(runProxy).not.toHaveBeenCalled();
	});

	it('says the default port when none was ever set', async () => {
		await runCli(['proxy', 'enable']);
		expect(proxySetting()).toEqual({enabled: true});
		expect(box.out).toContain('127.0.0.1:8787');
	});

	it('says a free port for port 0', async () => {
		await runCli(['proxy', 'enable', '--port', '0']);
		expect(proxySetting()).toEqual({enabled: true, port: 0});
		expect(box.out).toContain('127.0.0.1 (a free port each time)');
	});

	it('still runs the standalone proxy with its own --port', async () => {
		expect(await runCli(['proxy', '--port', '0'])).toBe(0);
		expect(runProxy).toHaveBeenCalledWith(expect.objectContaining({port: 0}));
	});

	it('refuses a port that is not one, with exit 2', async () => {
		expect(await runCli(['proxy', 'enable', '--port', 'lots'])).toBe(2);
		expect(box.err).toContain('--port must be a whole number');
	});
});

describe('keywatch --proxy [port]', () => {
	it.each<[string[], true | number]>([
		[['--proxy'], true],
		[['--proxy', '9200'], 9200],
		[['--demo', '--proxy', '0'], 0],
	])('%j hands the live view the proxy to start', async (argv, expected) => {
		expect(await runCli(argv)).toBe(0);
		expect(runDefault).toHaveBeenCalledWith(expect.objectContaining({proxy: expected}));
	});

	it('refuses a port that is not one, naming the flag', async () => {
		expect(await runCli(['--proxy', 'lots'])).toBe(2);
		expect(box.err).toContain('--proxy must be a whole number from 0 to 65535');
		expect(runDefault).not.toHaveBeenCalled();
	});

	it('leaves the proxy to the config without the flag', async () => {
		await runCli([]);
		expect(runDefault.mock.calls[0]![0]).not.toHaveProperty('proxy');
	});
});
