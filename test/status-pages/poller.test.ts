import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createTransport} from '../../source/net/transport.js';
import type {Transport} from '../../source/net/types.js';
import {createStatusPoller, DEFAULT_STATUS_INTERVAL_MS, type StatusPoller, type StatusPollerOptions} from '../../source/status-pages/poller.js';
import type {Exchange, ProviderId} from '../../source/types.js';
import {ManualClock, summaryBody} from './helpers.js';

let fake: FakeProvider;
let transport: Transport;
let refusedUrl: string;
const pollers: StatusPoller[] = [];

beforeAll(async () => {
	fake = await startFakeProvider();
	transport = createTransport({timeoutMs: 5000});
	// A port that was just free: connecting to it is refused.
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	refusedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	await new Promise<void>(resolve => server.close(() => resolve()));
});

afterEach(async () => {
	await Promise.all(pollers.splice(0).map(p => p.stop()));
	for (const provider of ['openai', 'anthropic', 'together'] as const) fake.setIncident(provider, undefined);
});

afterAll(async () => {
	await transport.close();
	await fake.close();
});

const page = (provider: ProviderId) => `${fake.url}/status/${provider}`;

function reads(provider: ProviderId): number {
	return fake.requests.filter(r => r.path === `/status/${provider}/api/v2/summary.json`).length;
}

function poller(options: Partial<StatusPollerOptions> & Pick<StatusPollerOptions, 'providers'>): StatusPoller {
	const created = createStatusPoller({transport, pages: {openai: page('openai'), anthropic: page('anthropic')}, ...options});
	pollers.push(created);
	return created;
}

describe('createStatusPoller against the fake provider', () => {
	it('reads each page once at start, then once per interval on a chained timer', async () => {
		const clock = new ManualClock();
		const before = {openai: reads('openai'), anthropic: reads('anthropic')};
		const p = poller({providers: ['openai', 'anthropic'], clock});
		p.start();
		await p.refresh(); // joins the read start() began
		expect(reads('openai') - before.openai).toBe(1);
		expect(reads('anthropic') - before.anthropic).toBe(1);
		expect(clock.pendingDelays()).toEqual([DEFAULT_STATUS_INTERVAL_MS]);

		clock.advance(DEFAULT_STATUS_INTERVAL_MS - 1);
		expect(reads('openai') - before.openai).toBe(1);
		clock.advance(1);
		await p.refresh();
		expect(reads('openai') - before.openai).toBe(2);
		expect(reads('anthropic') - before.anthropic).toBe(2);
		// One timer at a time, never an interval timer piling up.
		expect(clock.pendingDelays()).toEqual([DEFAULT_STATUS_INTERVAL_MS]);
	});

	it('honours a custom interval', async () => {
		const clock = new ManualClock();
		const p = poller({providers: ['openai'], clock, intervalMs: 120_000});
		p.start();
		await p.refresh();
		expect(clock.pendingDelays()).toEqual([120_000]);
	});

	it('an incident appears after setIncident and a refresh, and clears when resolved', async () => {
		const p = poller({providers: ['openai', 'anthropic'], clock: new ManualClock()});
		let heard = 0;
		p.subscribe(() => heard++);
		await p.refresh();
		expect(p.incidents()).toEqual({openai: [], anthropic: []});
		expect(p.errors()).toEqual({});

		fake.setIncident('anthropic', {name: 'Elevated errors on Claude API', impact: 'major', url: 'https://stspg.io/demo1'});
		await p.refresh();
		expect(p.incidents().anthropic).toEqual([{provider: 'anthropic', name: 'Elevated errors on Claude API', impact: 'major', status: 'investigating', url: 'https://stspg.io/demo1', startedAt: expect.any(Number)}]);
		expect(p.incidents().openai).toEqual([]);
		expect(heard).toBe(2);

		fake.setIncident('anthropic', undefined);
		await p.refresh();
		expect(p.incidents().anthropic).toEqual([]);
		expect(heard).toBe(3);
	});

	it('keeps the same objects and stays quiet when nothing changed', async () => {
		fake.setIncident('openai', {name: 'Degraded Responses API', impact: 'minor'});
		const p = poller({providers: ['openai'], clock: new ManualClock()});
		await p.refresh();
		const incidents = p.incidents();
		const errors = p.errors();
		let heard = 0;
		p.subscribe(() => heard++);
		await p.refresh();
		expect(p.incidents()).toBe(incidents);
		expect(p.errors()).toBe(errors);
		expect(heard).toBe(0);
	});

	it('a 404 page is recorded once in errors, the other pages keep working, and it is retried at the normal interval', async () => {
		const clock = new ManualClock();
		fake.setIncident('openai', {name: 'Elevated error rates', impact: 'critical'});
		// Gemini has no Statuspage JSON: the fake answers 404, as the real world would.
		const p = poller({providers: ['openai', 'gemini'], pages: {openai: page('openai'), gemini: page('gemini')}, clock});
		let heard = 0;
		p.subscribe(() => heard++);
		const before = reads('gemini');
		p.start();
		await p.refresh();
		expect(p.errors()).toEqual({gemini: `${new URL(fake.url).host} answered HTTP 404`});
		expect(p.incidents().openai?.map(i => i.name)).toEqual(['Elevated error rates']);
		expect(p.incidents().gemini).toBeUndefined();
		expect(heard).toBe(1);
		const errors = p.errors();

		clock.advance(DEFAULT_STATUS_INTERVAL_MS);
		await p.refresh();
		expect(reads('gemini') - before).toBe(2);
		expect(p.errors()).toBe(errors);
		expect(heard).toBe(1);
	});

	it('a refused page is recorded as unreachable; the rest keep working', async () => {
		fake.setIncident('anthropic', {name: 'Claude Code login failures', impact: 'minor'});
		const p = poller({providers: ['openai', 'anthropic'], pages: {openai: `${refusedUrl}/status/openai`, anthropic: page('anthropic')}, clock: new ManualClock()});
		await p.refresh();
		expect(p.errors().openai).toMatch(/could not be reached \(refused\)$/);
		expect(p.incidents().anthropic?.map(i => i.name)).toEqual(['Claude Code login failures']);
		expect(p.incidents().openai).toBeUndefined();
	});

	it('reads only the pages of the providers it was given', async () => {
		const before = reads('anthropic');
		const p = poller({providers: ['openai', 'gemini'], clock: new ManualClock()});
		await p.refresh();
		expect(reads('anthropic')).toBe(before);
		expect(Object.keys(p.incidents())).toEqual(['openai']);
	});

	it('after stop, no timer is left and nothing is read', async () => {
		const clock = new ManualClock();
		const p = poller({providers: ['openai'], clock});
		p.start();
		await p.stop();
		expect(clock.pendingDelays()).toEqual([]);
		const before = reads('openai');
		await p.refresh();
		p.start();
		expect(reads('openai')).toBe(before);
		expect(clock.pendingDelays()).toEqual([]);
	});
});

describe('createStatusPoller with a scripted transport', () => {
	function scripted(answer: () => Partial<Exchange> | Promise<never>): Transport & {sent: string[]} {
		const sent: string[] = [];
		return {
			sent,
			async send(request, provider) {
				sent.push(request.url);
				const result = answer();
				if (result instanceof Promise) return result;
				return {provider, status: 200, headers: {}, body: '', at: 0, ...result};
			},
			close: async () => undefined,
		};
	}

	it('keeps the last incidents read while the page is failing, and clears the error when it answers again', async () => {
		let next: Partial<Exchange> = {body: summaryBody({incidents: [{id: 'a', name: 'API outage', status: 'identified', impact: 'critical'}]})};
		const t = scripted(() => next);
		const p = createStatusPoller({transport: t, pages: {openai: 'https://status.openai.com'}, providers: ['openai'], clock: new ManualClock()});
		await p.refresh();
		expect(t.sent).toEqual(['https://status.openai.com/api/v2/summary.json']);
		next = {status: null, body: '', network: {kind: 'timeout', message: 'timed out after 10000 ms'}};
		await p.refresh();
		expect(p.errors()).toEqual({openai: 'status.openai.com could not be reached (timeout)'});
		expect(p.incidents().openai?.map(i => i.name)).toEqual(['API outage']);
		next = {body: summaryBody()};
		await p.refresh();
		expect(p.errors()).toEqual({});
		expect(p.incidents().openai).toEqual([]);
	});

	it('a page answering garbage or a transport that breaks its promise is an error, never a crash', async () => {
		let mode: 'html' | 'throw' = 'html';
		const t = scripted(() => (mode === 'html' ? {body: '<html>maintenance</html>'} : Promise.reject(new Error('boom'))));
		const p = createStatusPoller({transport: t, pages: {anthropic: 'https://status.claude.com'}, providers: ['anthropic'], clock: new ManualClock()});
		await p.refresh();
		expect(p.errors().anthropic).toBe('status.claude.com: status page answered something that is not JSON');
		mode = 'throw';
		await expect(p.refresh()).resolves.toBeUndefined();
		expect(p.errors().anthropic).toBe('status.claude.com could not be read');
	});

	it('a read in flight is joined, not repeated', async () => {
		let release: () => void = () => undefined;
		const gate = new Promise<void>(resolve => (release = resolve));
		const sent: string[] = [];
		const t: Transport = {
			async send(request, provider) {
				sent.push(request.url);
				await gate;
				return {provider, status: 200, headers: {}, body: summaryBody(), at: 0};
			},
			close: async () => undefined,
		};
		const p = createStatusPoller({transport: t, pages: {openai: 'https://status.openai.com'}, providers: ['openai'], clock: new ManualClock()});
		const first = p.refresh();
		const second = p.refresh();
		release();
		await Promise.all([first, second]);
		expect(sent).toHaveLength(1);
	});
});
