// The floor for `keywatch check`: a bare undici loop that makes the same requests (method, path, a bearer
// header, a JSON body for POSTs) with the same concurrency as a one-shot check of this many keys — one Agent
// with N connections per origin and N requests in flight, N = min(max(requests, 8), 64) as in
// source/app/session.ts — each body read to the end, and nothing else: no config, no diagnosis, no output.
// Usage: node bare-undici.mjs BASE_URL REQUESTS_JSON_FILE
import {readFileSync} from 'node:fs';
import {Agent, request} from 'undici';

const [base, file] = process.argv.slice(2);
const list = JSON.parse(readFileSync(file, 'utf8'));
const concurrency = Math.min(Math.max(list.length, 8), 64);
const agent = new Agent({connections: concurrency, pipelining: 1, keepAliveTimeout: 10_000});
let next = 0;
let failed = 0;

async function worker() {
	while (next < list.length) {
		const r = list[next++];
		const res = await request(`${base}${r.path}`, {
			dispatcher: agent,
			method: r.method,
			headers: {authorization: `Bearer ${r.secret}`, 'content-type': 'application/json'},
			body: r.method === 'POST' ? '{"model":"gpt-4o-mini","max_tokens":1,"messages":[{"role":"user","content":"hi"}]}' : undefined,
		});
		await res.body.text();
		if (res.statusCode >= 400) failed++;
	}
}

await Promise.all(Array.from({length: concurrency}, worker));
await agent.close();
process.stdout.write(`${JSON.stringify({requests: list.length, failed})}\n`);
