import {readFileSync} from 'node:fs';
import {it} from 'vitest';
import {classify} from '../../source/diagnosis/diagnose.js';
it('smoke', () => {
	const lines = readFileSync('/work/main/test/fixtures/real-responses.jsonl', 'utf8').trim().split('\n');
	for (const line of lines) {
		const f = JSON.parse(line);
		const body = typeof f.body === 'string' ? f.body : f.body === null ? '' : JSON.stringify(f.body);
		const {verdict, rule} = classify({provider: f.provider, status: f.status, headers: f.headers, body, at: 1_700_000_000_000});
		const ok = f.expected.kind.split('|').includes(verdict.kind) && (!f.expected.limit || f.expected.limit === verdict.limit);
		console.log(ok ? 'OK ' : 'BAD', f.provider, f.status, f.expected.kind, f.expected.limit ?? '', '=>', verdict.kind, verdict.limit ?? '', verdict.window ?? '', rule, verdict.retryAfterSeconds ?? '');
	}
});
