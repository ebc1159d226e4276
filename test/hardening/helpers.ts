// Shared by the hardening tests: configs written the way `keywatch add --stdin` writes them, a port nobody
// listens on, and the checks every output must pass (no key, no escapes, no NaN).

import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {chmodSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {expect} from 'vitest';
import {basePaths} from '../../source/fake/providers/index.js';
import type {MonitorApi} from '../../source/monitor/types.js';
import type {Transport} from '../../source/net/types.js';
import type {KeyConfig, ProviderId} from '../../source/types.js';
import type {FakeClock} from '../monitor/helpers.js';
import {cleanEnv, cliPath, tempConfigDir} from '../helpers/cli.js';

/** A config folder (0700) holding `keys` in config.json (0600), as `keywatch add` leaves it. */
export function writeConfig(keys: KeyConfig[], settings: Record<string, unknown> = {}): string {
	const dir = tempConfigDir();
	chmodSync(dir, 0o700);
	const file = path.join(dir, 'config.json');
	writeFileSync(file, JSON.stringify({keys, settings}, null, '\t'), {mode: 0o600});
	return dir;
}

/** A 127.0.0.1 port that was free a moment ago and is closed now: connecting is refused. */
export async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// The same characters as JSON writes them.
const escapedControl = /\\u00(?:[01][0-9a-f]|7f|[89][0-9a-f])/i;

/** No raw or JSON-escaped terminal escape or control character (newlines and tabs are fine). */
export function expectNoControl(text: string, where: string): void {
	const raw = controlCharacters.exec(text);
	expect(raw, `${where} holds control character U+${raw?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} near "${raw ? JSON.stringify(text.slice(Math.max(0, raw.index - 40), raw.index + 20)) : ''}"`).toBeNull();
	const escaped = escapedControl.exec(text);
	expect(escaped, `${where} holds an escaped control character near ${escaped ? JSON.stringify(text.slice(Math.max(0, escaped.index - 40), escaped.index + 20)) : ''}`).toBeNull();
}

/** Never NaN, Infinity or a stringified undefined: unknown numbers are null or "—". */
export function expectNoBadNumbers(text: string, where: string): void {
	for (const word of ['NaN', 'Infinity', 'undefined']) {
		const at = text.indexOf(word);
		expect(at, `${where} says "${word}" near ${JSON.stringify(text.slice(Math.max(0, at - 60), at + 20))}`).toBe(-1);
	}
}

/** Neither the key, nor any 12-character run of it, nor a marker it carries. */
export function expectNoSecret(text: string, secrets: readonly string[], where: string, markers: readonly string[] = []): void {
	for (const secret of secrets) {
		for (let i = 0; i + 12 <= secret.length; i++) {
			const piece = secret.slice(i, i + 12);
			expect(text.includes(piece), `${where} holds "${piece}", a piece of a key`).toBe(false);
		}
	}
	for (const marker of markers) expect(text.includes(marker), `${where} holds the canary marker ${marker}`).toBe(false);
}

/** Every number in a JSON document is finite (JSON cannot hold NaN, but a parser may have made one). */
export function expectFiniteNumbers(value: unknown, where: string): void {
	if (typeof value === 'number') expect(Number.isFinite(value), `${where} is ${value}`).toBe(true);
	else if (Array.isArray(value)) value.forEach((v, i) => expectFiniteNumbers(v, `${where}[${i}]`));
	else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectFiniteNumbers(v, `${where}.${k}`);
}

export type FakeProcess = {url: string; baseUrl(provider: ProviderId): string; close(): Promise<void>};

/**
 * The fake provider in its own process (`keywatch simulate`), so a test that drives many hostile answers at
 * once does not share one event loop between the server and the client it is testing.
 */
export async function startFakeProcess(): Promise<FakeProcess> {
	const child = spawn(process.execPath, [cliPath, 'simulate'], {env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe']});
	let seen = '';
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`keywatch simulate did not start: ${seen}`)), 15_000);
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			seen += chunk;
			const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
			if (found) {
				clearTimeout(timer);
				resolve(found[1]!);
			}
		});
		child.once('exit', code => reject(new Error(`keywatch simulate exited with ${code}: ${seen}`)));
	});
	return {
		url,
		baseUrl: provider => `${url}${basePaths[provider]}`,
		close: async () => {
			if (child.exitCode !== null) return;
			const exited = once(child, 'exit');
			child.kill('SIGTERM');
			await exited;
		},
	};
}

/** The real transport, counting requests in flight and stamping each with the simulated time it started. */
export class CountingTransport implements Transport {
	inFlight = 0;
	maxInFlight = 0;
	readonly startedAt: number[] = [];
	constructor(
		readonly inner: Transport,
		readonly clock: FakeClock,
	) {}

	async send(...args: Parameters<Transport['send']>) {
		this.startedAt.push(this.clock.now());
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		try {
			return await this.inner.send(...args);
		} finally {
			this.inFlight--;
		}
	}

	close() {
		return this.inner.close();
	}

	/** Requests started in [from, to), counted per simulated second. */
	perSecond(from: number, to: number): number[] {
		const counts = new Array<number>(Math.ceil((to - from) / 1000)).fill(0);
		for (const at of this.startedAt) if (at >= from && at < to) counts[Math.floor((at - from) / 1000)]!++;
		return counts;
	}
}

/**
 * A monitor on a fake clock making real requests: simulated time moves on one step at a time, and after each
 * step real time passes until every request the step started has been answered and no key is still running.
 */
export async function runSimulated(clock: FakeClock, transport: CountingTransport, monitor: MonitorApi, ms: number, stepMs: number): Promise<void> {
	for (let done = 0; done < ms; done += stepMs) {
		await clock.advance(Math.min(stepMs, ms - done));
		do await sleep(2);
		while (transport.inFlight > 0 || monitor.getSnapshot().keys.some(k => k.probing));
	}
}
