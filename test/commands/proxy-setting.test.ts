// The proxy toggle in the config (`keywatch proxy enable|disable`) and the live view's `--proxy [port]` flag,
// parsed by the real CLI program in-process; the commands that would start a live view or a proxy are stubbed.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

const runDefault = vi.fn(async (_options: Record<string, unknown>) => 0);
const runProxy = vi.fn(async (_options: Record<string, unknown>) => 0);
vi.mock('../../source/commands/live.js', () => ({runDefault}));
vi.mock('../../source/commands/proxy.js', () => ({runProxy}));

const {runCli} = await import('../../source/main.js');

let dir: string;
let out: string;
let err: string;
const saved = process.env.KEYWATCH_CONFIG_DIR;

beforeEach(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'kw-proxy-setting-'));
	process.env.KEYWATCH_CONFIG_DIR = dir;
	out = '';
	err = '';
	vi.spyOn(process.stdout, 'write').mockImplementation(chunk => {
		out += String(chunk);
		return true;
	});
	vi.spyOn(process.stderr, 'write').mockImplementation(chunk => {
		err += String(chunk);
		return true;
	});
	runDefault.mockClear();
	runProxy.mockClear();
});

afterEach(() => {
	vi.restoreAllMocks();
	if (saved === undefined) delete process.env.KEYWATCH_CONFIG_DIR;
	else process.env.KEYWATCH_CONFIG_DIR = saved;
	rmSync(dir, {recursive: true, force: true});
});

const proxySetting = () => JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')).settings.proxy as unknown;

describe('keywatch proxy enable | disable', () => {
	it('writes settings.proxy for the live view, and keeps the port across a disable', async () => {
		expect(await runCli(['proxy', 'enable', '--port', '9100'])).toBe(0);
		expect(proxySetting()).toEqual({enabled: true, port: 9100});
		expect(out).toContain('the live view now starts the proxy on 127.0.0.1:9100');
		expect(await runCli(['proxy', 'disable'])).toBe(0);
		expect(proxySetting()).toEqual({enabled: false, port: 9100});
		expect(out).toContain('the live view no longer starts the proxy');
		expect(await runCli(['proxy', 'enable'])).toBe(0);
		expect(proxySetting()).toEqual({enabled: true, port: 9100});
		expect(runProxy).not.toHaveBeenCalled();
	});

	it('says the default port when none was ever set', async () => {
		await runCli(['proxy', 'enable']);
		expect(proxySetting()).toEqual({enabled: true});
		expect(out).toContain('127.0.0.1:8787');
	});

	it('says a free port for port 0', async () => {
		await runCli(['proxy', 'enable', '--port', '0']);
		expect(proxySetting()).toEqual({enabled: true, port: 0});
		expect(out).toContain('127.0.0.1 (a free port each time)');
	});

	it('still runs the standalone proxy with its own --port', async () => {
		expect(await runCli(['proxy', '--port', '0'])).toBe(0);
		expect(runProxy).toHaveBeenCalledWith(expect.objectContaining({port: 0}));
	});

	it('refuses a port that is not one, with exit 2', async () => {
		expect(await runCli(['proxy', 'enable', '--port', 'lots'])).toBe(2);
		expect(err).toContain('--port must be a whole number');
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
		expect(err).toContain('--proxy must be a whole number from 0 to 65535');
		expect(runDefault).not.toHaveBeenCalled();
	});

	it('leaves the proxy to the config without the flag', async () => {
		await runCli([]);
		expect(runDefault.mock.calls[0]![0]).not.toHaveProperty('proxy');
	});
});
