// Every real provider answer in test/fixtures/real-responses.jsonl (copied from the shared research
// set), with the verdict it must get. `a|b` in expected.kind means either is right.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {classify} from '../../source/diagnosis/diagnose.js';
import type {LimitKind, ProviderId} from '../../source/types.js';
import {NOW, bodyText} from './cases/case.js';

type Fixture = {
	provider: ProviderId;
	status: number | null;
	headers: Record<string, string>;
	body: unknown;
	source: string;
	note: string;
	expected: {kind: string; limit?: LimitKind};
};

const path = fileURLToPath(new URL('../fixtures/real-responses.jsonl', import.meta.url));
const fixtures = readFileSync(path, 'utf8')
	.split('\n')
	.filter(line => line.trim())
	.map(line => JSON.parse(line) as Fixture);

describe('real provider responses', () => {
	it('are all here', () => {
		expect(fixtures).toHaveLength(30);
	});

	it.each(fixtures.map((f, i) => [`${i + 1} ${f.provider} ${f.status ?? '-'} → ${f.expected.kind}`, f] as const))('%s', (_name, f) => {
		const {verdict, rule} = classify({provider: f.provider, status: f.status, headers: f.headers, body: bodyText(f.body), at: NOW}, {now: NOW});
		expect(f.expected.kind.split('|'), `rule ${rule} for ${f.source}`).toContain(verdict.kind);
		if (f.expected.limit) expect(verdict.limit).toBe(f.expected.limit);
	});

	it('hold no usable key material', () => {
		const text = readFileSync(path, 'utf8');
		expect(text).not.toMatch(/\b(?:sk-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{30,}|gsk_[A-Za-z0-9]{20,}|xai-[A-Za-z0-9_-]{20,})/);
	});
});
