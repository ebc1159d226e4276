// The live view drawn from a remote monitor reading a real serve over HTTP: what a second screen on an ops box
// shows. It must show what a local view shows (last alert, trend, forecast), and a serve that sends something
// malformed must cost a notice, not the screen.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {KeyHistory} from '../../source/monitor/history.js';
import {createRemoteMonitor, type RemoteMonitor} from '../../source/remote/remote-monitor.js';
import {startServe} from '../../source/serve/server.js';
import type {RateWindow} from '../../source/types.js';
import {App} from '../../source/ui/components/App.js';
import {createFakeMonitor, makeKey, makeReading, makeSnapshot, makeVerdict} from '../serve/fake-monitor.js';
import {keys, renderScreen} from '../ui/screen.js';

process.env.TZ = 'UTC';

const MINUTE = 60_000;
const now = Date.UTC(2026, 0, 15, 12, 0, 0);

let stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const stop of stops.reverse()) await stop();
	stops = [];
});

function tokens(remaining: number): RateWindow {
	return {id: 'tokens', limitKind: 'tokens', period: 'day', limit: 100_000, remaining, resetAt: now + 12 * 60 * MINUTE, source: 'headers'};
}

/** A serve whose key burns 1,000 tokens a minute out of 40,000 left: about 40 minutes to go. */
function burningSource() {
	const history = new KeyHistory();
	for (let i = 30; i >= 0; i--) history.record(now - i * MINUTE, 'OK', [tokens(40_000 + i * 1000)]);
	const monitor = Object.assign(
		createFakeMonitor(
			makeSnapshot([
				makeKey({id: 'prod', name: 'prod', status: 'OK', verdict: makeVerdict('ok'), windows: [tokens(40_000)], checkedAt: now - 5000, recent: [makeReading(now - 5000, makeVerdict('ok'))]}),
			]),
		),
		{history: (id: string) => (id === 'prod' ? history : undefined)},
	);
	return {monitor, history};
}

async function watch(url: string): Promise<RemoteMonitor> {
	const remote = createRemoteMonitor(url, {pollMs: 250});
	stops.push(() => remote.stop());
	return remote;
}

function show(remote: RemoteMonitor, url: string) {
	const screen = renderScreen(<App monitor={remote} remote={url} alerts={remote} clock={() => now} intervalMs={60_000} />, {columns: 140, rows: 40});
	stops.push(() => screen.unmount());
	return screen;
}

describe('a remote screen of a real serve', () => {
	it('shows when the serve last alerted, and the key’s trend and forecast', async () => {
		const {monitor, history} = burningSource();
		let lastAlertAt: number | undefined = now - 7 * MINUTE;
		const serve = await startServe(monitor, {port: 0, defaultMetrics: false, lastAlertAt: () => lastAlertAt});
		stops.push(() => serve.close());
		const remote = await watch(serve.url);
		const screen = show(remote, serve.url);

		let frame = await screen.waitFor(f => f.includes('last alert'), 'the last alert in the header');
		expect(frame).toContain('last alert 11:53:00 (7m ago)');
		await screen.press(keys.enter);
		frame = await screen.waitFor(f => f.includes('estimate: runs out'), 'the forecast in the pane');
		expect(frame).toMatch(/estimate: runs out in ~40m/);
		expect(frame).toContain('last 31 samples');

		// New samples arrive with later polls, and only the new ones are sent.
		expect(remote.history('prod')?.size).toBe(31);
		history.record(now + MINUTE, 'OK', [tokens(39_000)]);
		lastAlertAt = now - MINUTE;
		await screen.waitFor(f => f.includes('last 32 samples'), 'the new sample');
		expect(remote.history('prod')?.size).toBe(32);
		await screen.waitFor(f => f.includes('last alert 11:59:00'), 'the newer alert');
	});

	it('asks the serve only for samples it has not got, and the serve bounds what it sends', async () => {
		const {monitor, history} = burningSource();
		for (let i = 0; i < 400; i++) history.record(now + i, 'OK', [tokens(30_000 - i)]);
		const serve = await startServe(monitor, {port: 0, defaultMetrics: false});
		stops.push(() => serve.close());
		const first = (await (await fetch(`${serve.url}/snapshot?history=0`)).json()) as {history: Record<string, unknown[]>; lastAlertAt?: number};
		expect(first.history.prod).toHaveLength(240);
		expect(first.lastAlertAt).toBeUndefined();
		const later = (await (await fetch(`${serve.url}/snapshot?history=${now + 395}`)).json()) as {history: Record<string, Array<{at: number}>>};
		expect(later.history.prod!.map(s => s.at)).toEqual([395, 396, 397, 398, 399].map(i => now + i));
		// Without the parameter (status --line, scripts) no history is sent at all.
		const plain = (await (await fetch(`${serve.url}/snapshot`)).json()) as Record<string, unknown>;
		expect(plain.history).toBeUndefined();

		const remote = await watch(serve.url);
		for (let i = 0; i < 300 && (remote.history('prod')?.size ?? 0) < 240; i++) await new Promise(resolve => setTimeout(resolve, 10));
		expect(remote.history('prod')!.samples().at(-1)!.at).toBe(now + 399);
		expect(remote.history('nobody')).toBeUndefined();
	});

	it('leaves out readings a serve sent without a verdict or windows, says so in one line, and keeps drawing', async () => {
		const good = makeReading(now - 60_000, makeVerdict('ok'));
		const snapshot = makeSnapshot([
			makeKey({
				id: 'prod',
				name: 'prod',
				status: 'OK',
				verdict: makeVerdict('ok'),
				checkedAt: now - 5000,
				// What an older or broken serve sent: readings with a time and nothing else.
				recent: [{at: now - 30_000} as never, good, {at: now - 5000, probe: 'validity', verdict: {kind: 'ok'}} as never],
				windows: [{id: 'tokens'} as never, tokens(50_000)],
			}),
			makeKey({id: 'other', name: 'other', status: 'DENIED', verdict: {kind: 'invalid_key'} as never, checkedAt: now - 5000}),
		]);
		const server = http.createServer((_request, response) => {
			response.writeHead(200, {'content-type': 'application/json'});
			response.end(JSON.stringify(snapshot));
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		stops.push(() => new Promise(resolve => server.close(() => resolve())));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const remote = await watch(url);
		const screen = show(remote, url);

		let frame = await screen.waitFor(f => f.includes('other') && f.includes('malformed'), 'the keys and the notice');
		expect(remote.lastError()).toBe(`remote ${url}: 4 malformed items in the serve's snapshot left out (a different keywatch version?)`);
		const [prod, other] = remote.getSnapshot().keys;
		expect(prod!.recent).toEqual([good]);
		expect(prod!.windows).toEqual([tokens(50_000)]);
		expect(other!.verdict).toBeUndefined();
		expect(other!.status).toBe('DENIED');
		await screen.press(keys.enter);
		frame = await screen.waitFor(f => f.includes('prod · OpenAI'), 'the pane');
		expect(frame).toContain('prod');
		await screen.press('j');
		await screen.waitFor(f => /other · /.test(f), 'the pane of the key without a verdict');
	});
});
