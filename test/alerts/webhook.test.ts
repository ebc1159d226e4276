import {afterEach, describe, expect, it} from 'vitest';
import {createWebhookSink} from '../../source/alerts/sinks/webhook.js';
import type {Alert} from '../../source/alerts/types.js';
import {canaryKey} from '../serve/fake-monitor.js';
import {startReceiver} from './receiver.js';

const secretPath = '/services/T000TEST/B000TEST/XXXXsecretXXXXtoken';

const alert: Alert = {
	at: 1_700_000_000_000,
	provider: 'openai',
	keys: [
		{name: 'prod-openai', masked: 'sk-…41Ru', from: 'OK', to: 'DENIED', title: 'Invalid API key', why: 'OpenAI answered 401', firstFix: 'Create a new key'},
	],
	text: 'keywatch: prod-openai (sk-…41Ru, openai) OK → DENIED — Invalid API key. Why: OpenAI answered 401 <invalid_api_key> & more. First step: Create a new key.',
};

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
	await Promise.all(cleanup.map(c => c()));
	cleanup = [];
});

async function receiver(...args: Parameters<typeof startReceiver>) {
	const r = await startReceiver(...args);
	cleanup.push(r.close);
	return r;
}

/** A fake clock and sleep: the rate limit is checked by what it asks to wait, not by waiting. */
function fakeTime() {
	let now = 1_000_000;
	const sleeps: number[] = [];
	return {
		now: () => now,
		sleeps,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			now += ms;
		},
	};
}

describe('webhook sink', () => {
	it('posts a Slack-compatible {text} body', async () => {
		const r = await receiver();
		const sink = createWebhookSink({url: `${r.url}${secretPath}`, format: 'slack'});
		const result = await sink.send(alert);
		expect(result.ok).toBe(true);
		expect(r.received).toHaveLength(1);
		const [request] = r.received;
		expect(request!.method).toBe('POST');
		expect(request!.path).toBe(secretPath);
		expect(request!.headers['content-type']).toBe('application/json');
		expect(JSON.parse(request!.body)).toEqual({
			text: 'keywatch: prod-openai (sk-…41Ru, openai) OK → DENIED — Invalid API key. Why: OpenAI answered 401 &lt;invalid_api_key&gt; &amp; more. First step: Create a new key.',
		});
	});

	it('posts a generic JSON body {source, alert}', async () => {
		const r = await receiver();
		const sink = createWebhookSink({url: `${r.url}/hook`, format: 'json'});
		expect((await sink.send(alert)).ok).toBe(true);
		expect(JSON.parse(r.received[0]!.body)).toEqual({source: 'keywatch', alert});
	});

	it('never sends a key, even one that reached the alert text', async () => {
		const r = await receiver();
		const leaky: Alert = {...alert, text: `key ${canaryKey} was rejected`, keys: [{...alert.keys[0]!, why: `echo ${canaryKey}`}]};
		for (const format of ['slack', 'json'] as const) await createWebhookSink({url: r.url, format}).send(leaky);
		expect(r.received).toHaveLength(2);
		for (const request of r.received) {
			expect(request.body).not.toContain('Q7Zx93LmWp41');
			expect(request.body).toContain('sk-…RtYu');
			expect(() => JSON.parse(request.body)).not.toThrow();
		}
	});

	it('reports a rejected webhook with its status and answer, URL masked', async () => {
		const r = await receiver(() => ({status: 404, body: 'no_service'}));
		const sink = createWebhookSink({url: `${r.url}${secretPath}`, format: 'slack'});
		const result = await sink.send(alert);
		expect(result).toEqual({sink: `webhook slack ${r.url}/…`, ok: false, detail: `HTTP 404 from ${r.url}/…: no_service`});
		expect(r.received).toHaveLength(1);
		expect(JSON.stringify(result)).not.toContain('XXXXsecret');
	});

	it('masks the URL even when the receiver echoes it back', async () => {
		const r = await receiver(request => ({status: 400, body: `bad hook ${request.path}`}));
		const result = await createWebhookSink({url: `${r.url}${secretPath}`}).send(alert);
		expect(result.ok).toBe(false);
		expect(result.detail).not.toContain('XXXXsecret');
		expect(result.detail).not.toContain('T000TEST');
	});

	it('reports a refused connection without throwing', async () => {
		const r = await receiver();
		const url = `${r.url}${secretPath}`;
		await r.close();
		cleanup = [];
		const time = fakeTime();
		const result = await createWebhookSink({url, ...time}).send(alert);
		expect(result.ok).toBe(false);
		expect(result.detail).toBe(`connection refused posting to ${r.url}/…`);
		expect(time.sleeps).toEqual([1000]);
	});

	it('gives up on a receiver that never answers, and says so', async () => {
		const r = await receiver(() => 'hang');
		const result = await createWebhookSink({url: `${r.url}${secretPath}`, timeoutMs: 300, retries: 0}).send(alert);
		expect(result).toMatchObject({ok: false, detail: `timed out after 0.3 s posting to ${r.url}/…`});
	});

	it('retries once after a 429, honouring Retry-After', async () => {
		const r = await receiver((_request, index) => (index === 0 ? {status: 429, headers: {'retry-after': '2'}, body: 'rate_limited'} : {status: 200, body: 'ok'}));
		const time = fakeTime();
		const result = await createWebhookSink({url: r.url, ...time}).send(alert);
		expect(result).toMatchObject({ok: true, detail: `HTTP 200 from ${r.url}/…: ok`});
		expect(r.received).toHaveLength(2);
		expect(time.sleeps).toEqual([2000]);
	});

	it('does not retry a 4xx that more tries cannot fix', async () => {
		const r = await receiver(() => ({status: 410, body: 'gone'}));
		const time = fakeTime();
		const result = await createWebhookSink({url: r.url, ...time}).send(alert);
		expect(result.ok).toBe(false);
		expect(r.received).toHaveLength(1);
		expect(time.sleeps).toEqual([]);
	});

	it('posts at most once per second: the next alert waits its turn', async () => {
		const r = await receiver();
		const time = fakeTime();
		const sink = createWebhookSink({url: r.url, ...time});
		const results = await Promise.all([sink.send(alert), sink.send(alert), sink.send(alert)]);
		expect(results.map(x => x.ok)).toEqual([true, true, true]);
		expect(time.sleeps).toEqual([1000, 1000]);
		expect(r.received).toHaveLength(3);
	});

	it('drops alerts beyond the queue limit and reports it', async () => {
		const r = await receiver();
		const time = fakeTime();
		const sink = createWebhookSink({url: r.url, maxQueue: 2, ...time});
		const results = await Promise.all([sink.send(alert), sink.send(alert), sink.send(alert)]);
		expect(results.map(x => x.ok)).toEqual([true, true, false]);
		expect(results[2]!.detail).toMatch(/^dropped: 2 alerts already waiting/);
		expect(r.received).toHaveLength(2);
	});
});

describe('webhook URL as a secret', () => {
	it('registers the URL path with the global scrubber, so logs and crash reports lose it too', async () => {
		const {scrub} = await import('../../source/secrets/scrub.js');
		createWebhookSink({url: 'https://hooks.slack.com/services/T0REGISTER/B0REGISTER/abcdefghijklmnop'});
		const out = scrub('posting to https://hooks.slack.com/services/T0REGISTER/B0REGISTER/abcdefghijklmnop failed');
		expect(out).not.toContain('REGISTER');
		expect(out).not.toContain('abcdefghijkl');
	});
});
