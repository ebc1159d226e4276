// reliability-notes #43: SIGTERM, SIGINT or SIGHUP while probes hang. The built live view in a real terminal
// (tmux), one key answering and three whose host never answers, with a 60 s request timeout: the signal aborts
// the hanging requests instead of waiting them out, the trend history is flushed to the config folder, and the
// process exits with 128 + n on its own. A shutdown that waited on the requests would be cut off by the 5 s grace
// period instead, with nothing flushed; the history file is how the test tells the two apart, not a stopwatch.

import type net from 'node:net';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {HISTORY_FILE} from '../../source/monitor/history-store.js';
import {cliPath} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';
import {tcpServer, type Running} from '../net/servers.js';
import {writeConfig} from './helpers.js';

let fake: FakeProvider;
beforeAll(async () => {
	fake = await startFakeProvider();
});
afterAll(() => fake.close());

let session: TmuxSession | undefined;
let hang: Running | undefined;
afterEach(async () => {
	session?.kill();
	await hang?.close();
});

/** A host that accepts connections and reads requests but never answers, counting the connections open. */
async function hangingHost(): Promise<{server: Running; open: Set<net.Socket>}> {
	const open = new Set<net.Socket>();
	const server = await tcpServer(socket => {
		open.add(socket);
		socket.on('close', () => open.delete(socket));
		socket.on('error', () => {});
		// Read (and ignore) the request, so the far end closing is seen.
		socket.resume();
	});
	return {server, open};
}

async function until(predicate: () => boolean, what: string, tries = 300): Promise<void> {
	for (let i = 0; i < tries; i++) {
		if (predicate()) return;
		await sleep(50);
	}
	throw new Error(`timed out waiting for ${what}`);
}

describe('a signal while probes hang (built live view, tmux)', () => {
	it.each([
		['SIGTERM', 143],
		['SIGINT', 130],
		['SIGHUP', 129],
	] as const)('%s aborts the hanging requests, flushes the history and exits %i', {timeout: 60_000}, async (signal, code) => {
		const {server, open} = await hangingHost();
		hang = server;
		const dir = writeConfig([
			{name: 'alive', provider: 'openai', secret: {type: 'value', value: 'sk-test-healthy-flush0123456789abcdef'}, baseUrl: fake.baseUrl('openai')},
			...[1, 2, 3].map(i => ({name: `stuck-${i}`, provider: 'openai' as const, secret: {type: 'value' as const, value: `sk-test-hang-flush${i}0123456789abcdef`}, baseUrl: `${server.url}/v1`})),
		]);
		const files = {pid: path.join(dir, 'pid'), stderr: path.join(dir, 'stderr')};
		session = TmuxSession.start(`sh -c 'echo $$ > ${files.pid}; exec node ${cliPath} --timeout 60 --no-spend 2>${files.stderr}'`, {cols: 120, rows: 30, env: {KEYWATCH_CONFIG_DIR: dir}});
		await session.waitFor(screen => /alive\s.*OK/.test(screen) && screen.includes('stuck-3'), 'the answering key read OK');
		await until(() => open.size === 3, 'the three hanging requests');
		expect(existsSync(path.join(dir, HISTORY_FILE))).toBe(false);

		process.kill(Number(readFileSync(files.pid, 'utf8').trim()), signal);
		const after = await session.waitFor(screen => screen.includes('[exit='), 'the shell again', 30_000);
		expect(after).toContain(`[exit=${code}]`);
		// Flushed on the way out: the answering key's trend is in the folder.
		const history = JSON.parse(readFileSync(path.join(dir, HISTORY_FILE), 'utf8')) as Record<string, unknown>;
		expect(JSON.stringify(history)).toContain('alive');
		await until(() => open.size === 0, 'the hanging connections to close');
		// No message, no stack: a signal is a normal way to stop.
		expect(readFileSync(files.stderr, 'utf8').replace(/\u001B\[[0-?]*[ -/]*[@-~]/g, '').trim()).toBe('');
	});
});
