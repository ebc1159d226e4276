// The small parts the hardening work added, each on its own: the unreadable-body check, the connection pool
// that must not queue a healthy probe behind hung ones, and the signal and crash handlers.

import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {crashLine} from '../../source/app/crash.js';
import {installSignalHandlers} from '../../source/app/signals.js';
import {LEAVE_ALT_SCREEN, restoreTerminal, SHOW_CURSOR} from '../../source/app/terminal.js';
import {createTransport} from '../../source/net/transport.js';
import {unreadableBody} from '../../source/util/safe-json.js';
import {Secret} from '../../source/secrets/secret.js';

describe('unreadableBody: what a 2xx body must be before "key works"', () => {
	it.each([
		['empty', '', undefined],
		['an object', '{"object":"list","data":[]}', undefined],
		['an array', '[{"id":"m"}]', undefined],
		['text', 'upstream answered: OK', 'not JSON'],
		['null', 'null', 'bare JSON value null'],
		['a number', '42', 'bare JSON number'],
		['a string', '"hello"', 'bare JSON string'],
		['truncated JSON', '{"object":"list","data":[{"id":"gp', 'cut-off or invalid JSON'],
		['300,000 levels of nesting', `${'['.repeat(300_000)}${']'.repeat(300_000)}`, 'nested more than 200 levels'],
	])('%s', (_label, body, problem) => {
		const found = unreadableBody(body);
		if (problem === undefined) expect(found).toBeUndefined();
		else expect(found).toContain(problem);
	});

	it('calls a body cut at the cap unreadable even when its start parses', () => {
		expect(unreadableBody('{}', true)).toMatch(/cut off/);
	});
});

describe('the transport’s connection pool', () => {
	let server: http.Server | undefined;
	afterEach(async () => {
		server?.closeAllConnections();
		await new Promise<void>(resolve => (server ? server.close(() => resolve()) : resolve()));
	});

	it('answers a healthy probe at once while seven others to the same host hang (the monitor runs eight at a time)', async () => {
		server = http.createServer((req, res) => {
			if (req.url === '/ok') res.end('{"ok":true}');
			// Anything else hangs until the client gives up.
		});
		await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
		const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const transport = createTransport({timeoutMs: 10_000});
		try {
			const hung = Array.from({length: 7}, (_, i) => transport.send({method: 'GET', url: `${base}/hang/${i}`, headers: {}}, 'openai'));
			let hungSettled = false;
			void Promise.all(hung).then(() => (hungSettled = true));
			const ok = await transport.send({method: 'GET', url: `${base}/ok`, headers: {}}, 'openai');
			expect(ok.status).toBe(200);
			expect(ok.network).toBeUndefined();
			expect(hungSettled).toBe(false);
		} finally {
			await transport.close();
		}
	});
});

describe('signal handling', () => {
	const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
	let saved: Map<string, Array<(...args: unknown[]) => void>>;
	let dispose: (() => void) | undefined;

	function isolate(): void {
		saved = new Map(signals.map(s => [s, process.listeners(s) as Array<(...args: unknown[]) => void>]));
		for (const s of signals) process.removeAllListeners(s);
	}
	afterEach(() => {
		dispose?.();
		for (const s of signals) {
			process.removeAllListeners(s);
			for (const listener of saved.get(s) ?? []) process.on(s, listener);
		}
		process.exitCode = undefined;
	});

	it('ends the process at once with 128 + n when nothing else handles the signal', () => {
		isolate();
		const exits: number[] = [];
		dispose = installSignalHandlers({exit: code => exits.push(code)});
		// Library exit hooks (signal-exit, when-exit) re-send the signal; they are not handlers.
		process.on('SIGINT', function listener() {});
		process.on('SIGINT', () => {
			const process14 = {kill: (_pid: number, _sig: string) => {}, pid: 1};
			process14.kill(process14.pid, 'SIGINT');
		});
		process.emit('SIGINT', 'SIGINT');
		process.emit('SIGHUP', 'SIGHUP');
		expect(exits).toEqual([130, 129]);
	});

	it('lets a command that handles the signal finish, ignores the library echo of it, and ends on a second one', () => {
		isolate();
		const exits: number[] = [];
		let unmounted = 0;
		dispose = installSignalHandlers({exit: code => exits.push(code), graceMs: 60_000});
		process.on('SIGTERM', () => unmounted++);
		process.emit('SIGTERM', 'SIGTERM');
		expect(unmounted).toBe(1);
		expect(exits).toEqual([]);
		expect(process.exitCode).toBe(143);
		// when-exit re-sends the same signal straight away: not a second Ctrl+C.
		process.emit('SIGTERM', 'SIGTERM');
		expect(exits).toEqual([]);
		// A different signal (or the same one later) is the user insisting.
		process.emit('SIGINT', 'SIGINT');
		expect(exits).toEqual([130]);
	});
});

describe('restoring the terminal and the crash line', () => {
	const out = () => {
		const written: string[] = [];
		return {written, stream: {isTTY: true, write: (s: string) => written.push(s) > 0}};
	};

	it('leaves the alternate screen only when the live view is up (raw keys), and always shows the cursor', () => {
		const live = out();
		const raw: boolean[] = [];
		restoreTerminal(live.stream, {isTTY: true, isRaw: true, setRawMode: (mode: boolean) => raw.push(mode)});
		expect(live.written.join('')).toBe(`${LEAVE_ALT_SCREEN}${SHOW_CURSOR}`);
		expect(raw).toEqual([false]);
		const check = out();
		restoreTerminal(check.stream, {isTTY: true, isRaw: false});
		expect(check.written.join('')).toBe(SHOW_CURSOR);
		const piped = {written: [] as string[], stream: {isTTY: false, write: (s: string) => piped.written.push(s) > 0}};
		restoreTerminal(piped.stream, {isTTY: false});
		expect(piped.written).toEqual([]);
	});

	it('says a crash in one line with no key, no escape and no stack', () => {
		const key = 'sk-proj-test-crashline-0123456789abcdef';
		new Secret(key);
		const error = new Error(`boom \u001B]0;title\u0007 with ${key}\n    at frame (file.js:1:1)\n    at another`);
		const line = crashLine(error);
		expect(line).toBe('keywatch crashed: Error: boom  with sk-…cdef');
		expect(crashLine('plain')).toBe('keywatch crashed: plain');
		expect(crashLine(new Error('x'.repeat(1_000))).length).toBeLessThan(340);
	});
});
