// reliability-notes #44: an exception thrown inside a component's render in the live view, and one thrown inside
// the poller. The render throw comes from a preload that makes React's JSX runtime throw while drawing the row of a
// key named "boom-render", with that key's value in the message (the built CLI, unbundled so the preload reaches
// the same React, in a real terminal): the terminal is restored, one scrubbed line is printed, the exit code is 70.
// A poller throw (an adapter or the diagnosis throwing on one key's answer) is contained: that key reads "could not
// read this answer", the others are unaffected, and polling goes on.

import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import {getAdapter} from '../../source/providers/registry.js';
import type {KeyConfig} from '../../source/types.js';
import {FakeClock, seededRandom} from '../monitor/helpers.js';
import {cliPath} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';
import {expectNoControl, expectNoSecret, runSimulated, CountingTransport, writeConfig} from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CANARY = 'CANARY';

let fake: FakeProvider;
beforeAll(async () => {
	fake = await startFakeProvider();
});
afterAll(() => fake.close());

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** A preload that makes the JSX runtime throw, with the key in the message, when a text holds the marker. */
function renderBomb(dir: string): string {
	const preload = path.join(dir, 'render-bomb.mjs');
	writeFileSync(
		preload,
		[
			"import {createRequire} from 'node:module';",
			// The bin sets this too, later; the runtime patched here must be the one React's production build uses.
			"process.env.NODE_ENV = 'production';",
			`const runtime = createRequire(${JSON.stringify(path.join(root, 'package.json'))})('react/jsx-runtime');`,
			'const texts = value => [].concat(value ?? []).filter(part => typeof part === "string");',
			'const wrap = original => function (type, props, ...rest) {',
			"\tif (texts(props?.children).some(text => text.includes('boom-render'))) throw new Error(`cannot draw the row of ${process.env.CRASH_KEY}\\n    at Row (row.js:1:1)`);",
			'\treturn original.call(this, type, props, ...rest);',
			'};',
			'runtime.jsx = wrap(runtime.jsx);',
			'runtime.jsxs = wrap(runtime.jsxs);',
		].join('\n'),
	);
	return pathToFileURL(preload).href;
}

function tmux(s: TmuxSession, format: string): string {
	return execFileSync('tmux', ['-L', s.socket, 'display', '-p', '-t', 'main', format], {encoding: 'utf8'}).trim();
}

describe('a throw inside a component’s render in the live view (built CLI, tmux)', () => {
	it('restores the terminal, prints one scrubbed line and exits 70', {timeout: 60_000}, async () => {
		const key = `sk-proj-test-healthy-${CANARY}${randomBytes(8).toString('hex')}`;
		const dir = writeConfig([
			{name: 'calm', provider: 'openai', secret: {type: 'value', value: `sk-test-healthy-${randomBytes(8).toString('hex')}`}, baseUrl: fake.baseUrl('openai')},
			{name: 'boom-render', provider: 'openai', secret: {type: 'value', value: key}, baseUrl: fake.baseUrl('openai')},
		]);
		const files = {stderr: path.join(dir, 'stderr'), stty: path.join(dir, 'stty')};
		const preload = renderBomb(mkdtempSync(path.join(os.tmpdir(), 'keywatch-bomb-')));
		session = TmuxSession.start(`node --import ${preload} ${cliPath} --no-spend 2>${files.stderr}; code=$?; stty -a > ${files.stty}; (exit $code)`, {
			cols: 120,
			rows: 30,
			env: {KEYWATCH_CONFIG_DIR: dir, KEYWATCH_NO_BUNDLE: '1', CRASH_KEY: key},
		});
		const after = await session.waitFor(screen => screen.includes('[exit='), 'the crash');
		expect(after).toContain('[exit=70]');
		// Back on the shell's screen, cursor shown, line editing and echo on.
		expect(tmux(session, '#{alternate_on} #{cursor_flag}')).toBe('0 1');
		for (let i = 0; i < 40 && !existsSync(files.stty); i++) await sleep(50);
		const modes = readFileSync(files.stty, 'utf8');
		expect(modes).toMatch(/(?:^|\s)icanon(?:\s|$)/);
		expect(modes).toMatch(/(?:^|\s)echo(?:\s|$)/);
		const stderr = readFileSync(files.stderr, 'utf8');
		// Ink shows the cursor on stderr as it goes; what is left is the one line.
		const text = stderr.replace(/\u001B\[\?25[hl]/g, '');
		expect(text).toMatch(/^keywatch crashed: Error: cannot draw the row of sk-…[0-9a-f]{4}\n$/);
		expectNoControl(text, 'the crash line');
		expectNoSecret(stderr + after + session.scrollback(), [key], 'the crash in a terminal', [CANARY]);
	});
});

describe('a throw inside the poller', () => {
	it('is contained to the key it hit: that key reads "could not read this answer", the others stay OK, polling goes on', {timeout: 60_000}, async () => {
		const keys: KeyConfig[] = ['calm', 'bad-decode', 'bad-diagnose', 'also-calm'].map(name => ({
			name,
			provider: 'openai',
			secret: {type: 'value', value: `sk-test-healthy-${name.replace('-', '')}${randomBytes(6).toString('hex')}`},
			baseUrl: fake.baseUrl('openai'),
		}));
		const secrets = keys.map(k => (k.secret.type === 'value' ? k.secret.value : ''));
		const openai = getAdapter('openai');
		const clock = new FakeClock();
		const transport = new CountingTransport(createTransport({timeoutMs: 5_000}), clock);
		// Which key each answer was for, so the throws below hit one key each.
		const sentWith = new WeakMap<object, string>();
		const monitor = createMonitor({
			keys,
			transport: {
				send: async (request, provider, options) => {
					const exchange = await transport.send(request, provider, options);
					sentWith.set(exchange, String(request.headers.authorization));
					return exchange;
				},
				close: () => transport.close(),
			},
			clock,
			statusOf,
			// Real throws from inside the probe path, carrying the key the way a careless error message might.
			diagnose: (exchange, options) => {
				const who = sentWith.get(exchange) ?? '';
				if (who.includes('baddiagnose')) throw new TypeError(`Cannot read properties of undefined (reading 'limit') for ${who}`);
				return diagnose(exchange, options);
			},
			getAdapter: () => ({
				...openai,
				decode: (kind, exchange, now) => {
					const who = sentWith.get(exchange) ?? '';
					if (who.includes('baddecode')) throw new RangeError(`Invalid time value while decoding for ${who}`);
					return openai.decode(kind, exchange, now);
				},
			}),
			intervalMs: 60_000,
			noSpend: true,
			random: seededRandom(9),
		});
		try {
			monitor.start();
			await runSimulated(clock, transport, monitor, 5_000, 250);
			let snapshot = monitor.getSnapshot();
			const state = (name: string) => snapshot.keys.find(k => k.name === name)!;
			for (const name of ['calm', 'also-calm']) expect(state(name).status, name).toBe('OK');
			for (const name of ['bad-decode', 'bad-diagnose']) {
				expect(state(name).status, name).toBe('DOWN');
				expect(state(name).verdict?.title, name).toBe('keywatch could not read this answer');
			}
			expectNoSecret(JSON.stringify(snapshot), secrets, 'the snapshot after the throws');
			// Still polling: the next round comes and the broken keys are retried, not dropped.
			const before = transport.startedAt.length;
			await runSimulated(clock, transport, monitor, 5 * 60_000, 5_000);
			snapshot = monitor.getSnapshot();
			expect(transport.startedAt.length).toBeGreaterThan(before + 2);
			expect(state('calm').status).toBe('OK');
			expect(monitor.stats().timers).toBe(keys.length);
		} finally {
			await monitor.stop();
			await transport.close();
		}
	});
});
