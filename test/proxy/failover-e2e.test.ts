// Failover end to end: a denied key's request is retried once with a healthy backup; provider trouble
// and account-wide limits are passed through untouched.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import type {ProviderId, Verdict} from '../../source/types.js';
import {readAll, request, startHarness, startUpstream, testKey, type Harness} from './helpers.js';

let fake: FakeProvider;
let h: Harness;

beforeAll(async () => {
	fake = await startFakeProvider();
});
afterAll(async () => {
	await fake.close();
});
afterEach(async () => {
	await h?.close();
});

const chat = JSON.stringify({model: 'gpt-4o-mini', messages: [{role: 'user', content: 'hi'}], max_tokens: 1});

async function post(provider: ProviderId, path: string, body = chat): Promise<{status: number; text: string}> {
	const res = await request(`${h.proxy.baseUrl(provider)}${path}`, {
		method: 'POST',
		headers: {authorization: `Bearer ${h.token}`, 'content-type': 'application/json'},
		body,
		dispatcher: h.client,
	});
	return {status: res.statusCode, text: (await readAll(res.body)).toString('utf8')};
}

function pair(provider: ProviderId, primary: string, backup: string): Parameters<typeof startHarness> {
	return [
		[testKey('primary', provider, fake.baseUrl(provider)), testKey('spare', provider, fake.baseUrl(provider), {backup: true})],
		{primary, spare: backup},
	];
}

describe('failover', () => {
	it.each([
		['an invalid key', 'sk-test-invalid-fo-0001', 401],
		['an exhausted quota', 'sk-test-quota-fo-0002', 429],
	])('moves to the backup on %s and the retried request succeeds', async (_what, primary, deniedStatus) => {
		h = await startHarness(...pair('openai', primary, 'sk-test-healthy-fo-0003'));
		const answer = await post('openai', '/chat/completions');
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text)).toHaveProperty('choices');
		expect(h.failovers).toEqual([{provider: 'openai', from: 'primary', to: 'spare', reason: expect.any(String) as string, at: expect.any(Number) as number}]);
		expect(h.proxy.active('openai')).toBe('spare');
		expect(h.exchanges.map(e => [e.keyName, e.exchange.status])).toEqual([
			['primary', deniedStatus],
			['spare', 200],
		]);
		expect(JSON.parse(h.logLines.at(-1)!)).toMatchObject({keyName: 'spare', status: 200, failoverFrom: 'primary'});

		// The next request goes straight to the backup.
		expect((await post('openai', '/chat/completions')).status).toBe(200);
		expect(h.exchanges.at(-1)!.keyName).toBe('spare');
		expect(h.failovers).toHaveLength(1);
	});

	it('moves on a rate limit whose reset is hours away (Groq daily tokens)', async () => {
		h = await startHarness(...pair('groq', 'sk-test-daily_cap-fo-0004', 'sk-test-healthy-fo-0005'));
		const answer = await post('groq', '/chat/completions', JSON.stringify({model: 'llama-3.1-8b-instant', messages: [{role: 'user', content: 'hi'}], max_tokens: 1}));
		expect(h.exchanges[0]!.exchange.status).toBe(429);
		expect(answer.status).toBe(200);
		expect(h.failovers.map(f => [f.from, f.to])).toEqual([['primary', 'spare']]);
	});

	it('does not move on a per-minute rate limit that clears by itself', async () => {
		h = await startHarness(...pair('openai', 'sk-test-limited-fo-0006', 'sk-test-healthy-fo-0007'));
		const answer = await post('openai', '/chat/completions');
		expect(answer.status).toBe(429);
		expect(h.failovers).toEqual([]);
		expect(h.proxy.active('openai')).toBe('primary');
	});

	it.each<[ProviderId, string, string]>([
		['openai', 'sk-test-overloaded-fo-0008', '/chat/completions'],
		['anthropic', 'sk-test-overloaded-fo-0009', '/v1/messages'],
		['openai', 'sk-test-outage-fo-0010', '/chat/completions'],
	])('does not move when %s is in trouble (%s): more keys cannot help', async (provider, primary, path) => {
		h = await startHarness(...pair(provider, primary, 'sk-test-healthy-fo-0011'));
		const before = fake.requests.length;
		const answer = await post(provider, path);
		expect(answer.status).toBeGreaterThanOrEqual(500);
		expect(h.failovers).toEqual([]);
		expect(h.proxy.active(provider)).toBe('primary');
		expect(fake.requests.length - before).toBe(1);
		expect(h.exchanges.map(e => e.keyName)).toEqual(['primary']);
	});

	it("does not move on OpenRouter's account-wide daily cap", async () => {
		h = await startHarness(...pair('openrouter', 'sk-or-v1-test-daily_cap-fo-0012', 'sk-or-v1-test-healthy-fo-0013'));
		const body = JSON.stringify({model: 'meta-llama/llama-3.2-3b-instruct:free', messages: [{role: 'user', content: 'hi'}], max_tokens: 1});
		let answer = await post('openrouter', '/chat/completions', body);
		for (let i = 0; i < 60 && answer.status === 200; i++) answer = await post('openrouter', '/chat/completions', body);
		expect(answer.status).toBe(429);
		expect(h.failovers).toEqual([]);
		expect(h.proxy.active('openrouter')).toBe('primary');
	});

	it('does not move to a backup the monitor already sees as denied', async () => {
		const denied: Verdict = {kind: 'invalid_key', title: 'Invalid key', why: '', fix: [], clears: 'needs_action', evidence: {status: 401, headers: {}}, windows: []};
		const [keys, secrets] = pair('openai', 'sk-test-invalid-fo-0014', 'sk-test-healthy-fo-0015');
		h = await startHarness(keys, secrets, {verdictOf: name => (name === 'spare' ? denied : undefined)});
		const answer = await post('openai', '/chat/completions');
		expect(answer.status).toBe(401);
		expect(h.failovers).toEqual([]);
	});

	it('never moves to a key that is not marked as a backup', async () => {
		h = await startHarness(
			[testKey('primary', 'openai', fake.baseUrl('openai')), testKey('other', 'openai', fake.baseUrl('openai'))],
			{primary: 'sk-test-invalid-fo-0016', other: 'sk-test-healthy-fo-0017'},
		);
		expect((await post('openai', '/chat/completions')).status).toBe(401);
		expect(h.failovers).toEqual([]);
	});

	it('retries only once: a denied backup answer goes to the client', async () => {
		h = await startHarness(...pair('openai', 'sk-test-invalid-fo-0018', 'sk-test-quota-fo-0019'));
		const answer = await post('openai', '/chat/completions');
		expect(answer.status).toBe(429);
		expect(h.exchanges.map(e => [e.keyName, e.exchange.status])).toEqual([
			['primary', 401],
			['spare', 429],
		]);
	});

	it('does not resend a body too large to keep, but moves later requests to the backup', async () => {
		// A recording upstream: it reads the whole upload before refusing, so the test sees the proxy, not socket races.
		const upstream = await startUpstream();
		try {
			h = await startHarness(
				[testKey('primary', 'openai', `${upstream.url}/v1`), testKey('spare', 'openai', `${upstream.url}/v1`, {backup: true})],
				{primary: 'sk-test-invalid-fo-0020', spare: 'sk-test-healthy-fo-0021'},
			);
			const large = Buffer.alloc(1536 * 1024, 'x');
			const answer = await post('openai', '/echo', large.toString());
			expect(answer.status).toBe(401);
			expect(upstream.seen.map(s => s.body.length)).toEqual([large.length]);
			expect(h.failovers.map(f => [f.from, f.to])).toEqual([['primary', 'spare']]);
			expect(h.exchanges.map(e => e.keyName)).toEqual(['primary']);
			expect((await post('openai', '/echo', 'small')).status).toBe(200);
			expect(upstream.seen.at(-1)!.headers.authorization).toBe('Bearer sk-test-healthy-fo-0021');
		} finally {
			await h.close();
			await upstream.close();
		}
	});
});

describe('failover before sending, on the monitor\'s verdict', () => {
	const seen = (kind: Verdict['kind'], extra: Partial<Verdict> = {}): Verdict => ({
		kind,
		title: kind,
		why: '',
		fix: [],
		clears: kind === 'rate_limited' || kind === 'overloaded' ? 'by_itself' : 'needs_action',
		evidence: {status: 401, headers: {}},
		windows: [],
		...extra,
	});
	/** Both keys would answer 200: whatever moves traffic is the verdict the monitor holds, not an answer. */
	async function withVerdict(provider: ProviderId, primary: Verdict | undefined, spare?: Verdict) {
		const [keys, secrets] = pair(provider, `sk-test-healthy-pre-${provider}-1`, `sk-test-healthy-pre-${provider}-2`);
		h = await startHarness(keys, secrets, {verdictOf: name => (name === 'primary' ? primary : name === 'spare' ? spare : undefined)});
	}

	it.each<[string, Verdict]>([
		['denied (invalid key)', seen('invalid_key')],
		['denied (quota exhausted)', seen('quota_exhausted')],
		['limited until an hour from now', seen('rate_limited', {clearsAt: Date.now() + 3_600_000})],
	])('moves to the backup before the request when a probe found the active key %s', async (_what, primary) => {
		await withVerdict('openai', primary);
		const answer = await post('openai', '/chat/completions');
		expect(answer.status).toBe(200);
		// The request never went out with the key the monitor knew was useless.
		expect(h.exchanges.map(e => e.keyName)).toEqual(['spare']);
		expect(h.failovers).toEqual([{provider: 'openai', from: 'primary', to: 'spare', reason: `${primary.kind}: ${primary.title}`, at: expect.any(Number) as number}]);
		expect(h.proxy.active('openai')).toBe('spare');
		expect(JSON.parse(h.logLines.at(-1)!)).toMatchObject({keyName: 'spare', status: 200});
		await post('openai', '/chat/completions');
		expect(h.failovers).toHaveLength(1);
	});

	it.each<[string, ProviderId, Verdict | undefined, Verdict | undefined]>([
		['a healthy key', 'openai', seen('ok', {clears: 'by_itself'}), undefined],
		['no reading yet', 'openai', undefined, undefined],
		['a rate limit that clears within a minute', 'openai', seen('rate_limited', {clearsAt: Date.now() + 20_000}), undefined],
		['a rate limit with only a retry-after (its time is unknown)', 'openai', seen('rate_limited', {retryAfterSeconds: 3600}), undefined],
		['an overloaded provider', 'anthropic', seen('overloaded'), undefined],
		["OpenRouter's account-wide limit", 'openrouter', seen('rate_limited', {clearsAt: Date.now() + 86_400_000}), undefined],
		['a backup the monitor sees as denied too', 'openai', seen('invalid_key'), seen('quota_exhausted')],
	])('keeps the active key for %s', async (_what, provider, primary, spare) => {
		await withVerdict(provider, primary, spare);
		await post(provider, provider === 'anthropic' ? '/v1/messages' : '/chat/completions');
		expect(h.exchanges.map(e => e.keyName)).toEqual(['primary']);
		expect(h.failovers).toEqual([]);
		expect(h.proxy.active(provider)).toBe('primary');
	});
});
