import {describe, expect, it} from 'vitest';
import {renderCheckTable} from '../../source/commands/check-table.js';
import type {Incident, KeyState, MonitorSnapshot, Verdict} from '../../source/types.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

function verdict(kind: Verdict['kind'], title: string, overrides: Partial<Verdict> = {}): Verdict {
	return {kind, title, why: '', fix: [], clears: 'by_itself', evidence: {status: 200, headers: {}}, windows: [], ...overrides};
}

function key(name: string, overrides: Partial<KeyState>): KeyState {
	return {id: name, name, provider: 'openai', masked: 'sk-…0000', secretSource: 'env X', status: 'OK', windows: [], recent: [], probing: false, ...overrides};
}

const incident: Incident = {provider: 'anthropic', name: 'Elevated errors on Claude API', impact: 'major', status: 'investigating', url: 'https://status.claude.com/incidents/abc'};

function table(keys: KeyState[], extra: Partial<MonitorSnapshot> = {}): Record<string, string> {
	const out = renderCheckTable({keys, paused: false, intervalMs: 60_000, startedAt: T0, ...extra}, T0);
	const [header, ...rows] = out.trimEnd().split('\n');
	const whyAt = header!.indexOf('WHY');
	const creditAt = header!.indexOf('CREDIT');
	return Object.fromEntries(rows.map(row => [row.split(/\s+/)[0], `${row.slice(creditAt, header!.indexOf('LATENCY')).trim()} | ${row.slice(whyAt)}`.trimEnd()]));
}

describe('keywatch check table', () => {
	it('says which window is low for a LOW key', () => {
		const low = key('batch', {status: 'LOW', verdict: verdict('ok', 'Key works'), windows: [{id: 'r', limitKind: 'requests', period: 'minute', limit: 500, remaining: 24, source: 'headers'}]});
		expect(table([low]).batch).toBe('— | requests per minute 24/500 left');
	});

	it('names the open incident of the provider for a DOWN key', () => {
		const down = key('claude', {provider: 'anthropic', status: 'DOWN', verdict: verdict('overloaded', 'Anthropic is overloaded', {evidence: {status: 529, headers: {}, incident: {name: incident.name, url: incident.url}}})});
		const unmarked = key('claude-2', {provider: 'anthropic', status: 'DOWN', verdict: verdict('outage', 'Anthropic answered 500')});
		const rows = table([down, unmarked], {incidents: {anthropic: [incident]}});
		expect(rows.claude).toBe('— | Anthropic is overloaded; incident: Elevated errors on Claude API https://status.claude.com/incidents/abc');
		expect(rows['claude-2']).toBe('— | Anthropic answered 500; incident: Elevated errors on Claude API https://status.claude.com/incidents/abc');
	});

	it('keeps the title for DOWN keys when no incident is open, and nothing for OK keys', () => {
		const rows = table([key('net', {status: 'DOWN', verdict: verdict('network', 'Could not connect')}), key('fine', {verdict: verdict('ok', 'Key works')})]);
		expect(rows.net).toBe('— | Could not connect');
		expect(rows.fine).toBe('— |');
	});

	it('shows spend against the budget in the credit column when known', () => {
		const rows = table([
			key('spender', {verdict: verdict('ok', 'Key works'), spend: {month: '2026-01', used: 12.3, currency: 'USD', budget: 500, left: 487.7, source: 'endpoint'}}),
			key('open', {verdict: verdict('ok', 'Key works'), spend: {month: '2026-01', used: 3.2, currency: 'USD', source: 'endpoint'}}),
			key('balance', {verdict: verdict('ok', 'Key works'), credit: {remaining: 4.5, currency: 'USD', source: 'endpoint'}}),
		]);
		expect(rows.spender).toBe('$12.30 of $500 ($487.70 left) |');
		expect(rows.open).toBe('$3.20 used |');
		expect(rows.balance).toBe('$4.50 |');
	});

	it('says "no headers" for Gemini and DeepSeek only', () => {
		const out = renderCheckTable(
			{
				keys: [
					key('gem', {provider: 'gemini', checkedAt: T0, verdict: verdict('ok', 'Key works')}),
					key('deep', {provider: 'deepseek', checkedAt: T0, verdict: verdict('ok', 'Key works')}),
					key('oa', {status: 'DENIED', checkedAt: T0, verdict: verdict('invalid_key', 'Invalid API key')}),
				],
				paused: false,
				intervalMs: 60_000,
				startedAt: T0,
			},
			T0,
		);
		const lines = out.split('\n');
		expect(lines.find(line => line.startsWith('gem '))).toMatch(/gemini +OK +no headers +no headers/);
		expect(lines.find(line => line.startsWith('deep '))).toMatch(/deepseek +OK +no headers +no headers/);
		expect(lines.find(line => line.startsWith('oa '))).toMatch(/openai +DENIED +— +— /);
	});
});
