import {describe, expect, it} from 'vitest';
import {parseSummary} from '../../source/status-pages/parse.js';
import {summaryBody} from './helpers.js';

describe('parseSummary', () => {
	it('reads open incidents from a real Statuspage summary: name, status, impact, shortlink, start', () => {
		const body = summaryBody({
			indicator: 'major',
			incidents: [
				{id: 'p8qz5x1yj2mw', name: 'Elevated errors on Claude Opus', status: 'investigating', impact: 'major', shortlink: 'https://stspg.io/abc1234', created_at: '2026-01-15T11:31:07.212Z', started_at: '2026-01-15T11:30:00.000Z'},
				{id: 'r2xk8c0fj3vn', name: 'Slow responses in the Console', status: 'monitoring', impact: 'minor', shortlink: 'https://stspg.io/def5678', created_at: '2026-01-15T10:02:00.000Z'},
			],
		});
		const result = parseSummary('anthropic', body);
		expect(result).toEqual({
			ok: true,
			summary: {
				indicator: 'major',
				incidents: [
					{provider: 'anthropic', name: 'Elevated errors on Claude Opus', impact: 'major', status: 'investigating', url: 'https://stspg.io/abc1234', startedAt: Date.parse('2026-01-15T11:30:00.000Z')},
					{provider: 'anthropic', name: 'Slow responses in the Console', impact: 'minor', status: 'monitoring', url: 'https://stspg.io/def5678', startedAt: Date.parse('2026-01-15T10:02:00.000Z')},
				],
			},
		});
	});

	it('an operational page has no incidents', () => {
		expect(parseSummary('openai', summaryBody())).toEqual({ok: true, summary: {indicator: 'none', incidents: []}});
	});

	it('maintenance in progress is an incident with impact "maintenance"; scheduled or completed maintenance is not', () => {
		const body = summaryBody({
			indicator: 'maintenance',
			maintenances: [
				{id: 'm1', name: 'Database upgrade', status: 'in_progress', impact: 'maintenance', shortlink: 'https://stspg.io/m1', scheduled_for: '2026-01-15T12:00:00.000Z'},
				{id: 'm2', name: 'Next week', status: 'scheduled', impact: 'maintenance', shortlink: 'https://stspg.io/m2'},
				{id: 'm3', name: 'Done already', status: 'completed', impact: 'maintenance', shortlink: 'https://stspg.io/m3'},
			],
		});
		const result = parseSummary('openai', body);
		expect(result.ok && result.summary).toEqual({
			indicator: 'maintenance',
			incidents: [{provider: 'openai', name: 'Database upgrade', impact: 'maintenance', status: 'in_progress', url: 'https://stspg.io/m1', startedAt: Date.parse('2026-01-15T12:00:00.000Z')}],
		});
	});

	it('skips resolved incidents a lagging page still lists', () => {
		const body = summaryBody({
			incidents: [
				{id: 'a', name: 'Over', status: 'resolved', impact: 'major', resolved_at: '2026-01-15T11:00:00.000Z'},
				{id: 'b', name: 'Postmortem', status: 'postmortem', impact: 'critical'},
				{id: 'c', name: 'Still on', status: 'identified', impact: 'critical'},
			],
		});
		const result = parseSummary('openai', body);
		expect(result.ok && result.summary.incidents.map(i => i.name)).toEqual(['Still on']);
	});

	it('without a shortlink, links the incident on the page; a non-web shortlink is dropped', () => {
		const body = summaryBody({
			incidents: [
				{id: 'x1y2z3', name: 'No shortlink', status: 'investigating', impact: 'minor'},
				{id: 'bad/../id', name: 'Script link', status: 'investigating', impact: 'minor', shortlink: 'javascript:alert(1)'},
			],
		});
		const result = parseSummary('anthropic', body);
		expect(result.ok && result.summary.incidents.map(i => i.url)).toEqual(['https://status.claude.com/incidents/x1y2z3', undefined]);
	});

	it('strips terminal escapes from names and caps their length', () => {
		const body = summaryBody({incidents: [{id: 'e', name: `\u001b]0;pwned\u0007\u001b[2JOutage ${'x'.repeat(400)}`, status: 'investigating', impact: 'major'}]});
		const result = parseSummary('openai', body);
		const name = result.ok ? result.summary.incidents[0]!.name : '';
		expect(name.startsWith('Outage x')).toBe(true);
		expect(name).not.toMatch(/[\u001b\u0007]/);
		expect(name.length).toBeLessThanOrEqual(200);
	});

	it('an unknown impact is "none"; an entry without a name is skipped, the others kept', () => {
		const body = summaryBody({
			incidents: [
				{id: 'a', name: 'Odd impact', status: 'investigating', impact: 'catastrophic'},
				{id: 'b', status: 'investigating', impact: 'major'},
				{id: 'c', name: 42, status: 'investigating', impact: 'major'},
			],
		});
		const result = parseSummary('openai', body);
		expect(result.ok && result.summary.incidents.map(i => [i.name, i.impact])).toEqual([['Odd impact', 'none']]);
	});

	it.each([
		['an HTML page', '<!doctype html><html><body>Status</body></html>', /not JSON/],
		['an empty body', '', /not JSON/],
		['a bare array', '[]', /not a Statuspage summary/],
		['null', 'null', /not a Statuspage summary/],
		['no status', JSON.stringify({incidents: []}), /not a Statuspage summary/],
		['incidents not a list', JSON.stringify({status: {indicator: 'none'}, incidents: {}}), /not a Statuspage summary/],
		['a truncated body', summaryBody().slice(0, 120), /not JSON/],
	])('answers an error string for %s, never throws', (_name, body, error) => {
		const result = parseSummary('openai', body);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(error);
	});
});
