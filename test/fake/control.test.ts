import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FakeProvider} from '../../source/fake/server.js';
import {call, type Clock, headroom, START, startWithClock, validity} from './helpers.js';

let fake: FakeProvider;
let clock: Clock;

beforeAll(async () => {
	({fake, clock} = await startWithClock());
});
afterAll(() => fake.close());

describe('switching scenarios', () => {
	it('setScenario switches a key at once and starts its windows over', async () => {
		const key = 'sk-proj-plain-key-1';
		expect((await headroom(fake, 'openai', key)).status).toBe(200);
		fake.setScenario(key, 'invalid');
		expect((await validity(fake, 'openai', key)).status).toBe(401);
		fake.setScenario(key, 'healthy');
		const back = await headroom(fake, 'openai', key);
		expect(back.status).toBe(200);
		expect(back.headers['x-ratelimit-remaining-requests']).toBe('499');
		fake.setScenario(key, undefined);
	});

	it('POST /_fake/scenario switches a key, and null returns it to its name', async () => {
		const key = 'sk-test-healthy-ctl';
		const set = await call(`${fake.url}/_fake/scenario`, {body: {key, scenario: 'overloaded'}});
		expect(set.status).toBe(200);
		expect(set.json).toEqual({ok: true, scenario: 'overloaded'});
		expect((await headroom(fake, 'anthropic', key)).status).toBe(529);
		await call(`${fake.url}/_fake/scenario`, {body: {key, scenario: null}});
		expect((await headroom(fake, 'anthropic', key)).status).toBe(200);
	});

	it('rejects an unknown scenario and a missing key, listing the scenarios', async () => {
		const res = await call(`${fake.url}/_fake/scenario`, {body: {key: 'k', scenario: 'sideways'}});
		expect(res.status).toBe(400);
		expect(res.json.scenarios).toContain('daily_cap');
		expect(res.json.scenarios).toContain('huge_body');
		expect((await call(`${fake.url}/_fake/scenario`, {body: {scenario: 'low'}})).status).toBe(400);
	});

	it('lists behaviours and faults', async () => {
		const res = await call(`${fake.url}/_fake/scenarios`);
		expect(res.json.behaviours).toContain('echo_key');
		expect(res.json.faults).toContain('redirect');
	});

	it('serves the request log over HTTP', async () => {
		await validity(fake, 'openai', 'sk-test-healthy-log');
		const res = await call(`${fake.url}/_fake/requests`);
		expect(res.json.at(-2)).toMatchObject({provider: 'openai', path: '/openai/v1/models', authorized: true});
		expect(res.json.at(-1)).toMatchObject({provider: '_fake', path: '/_fake/requests'});
	});

	it('falls back to the provider’s error shape where the reference quotes no answer', async () => {
		const res = await headroom(fake, 'together', 'sk-test-region-1');
		expect(res.status).toBe(403);
		expect(res.json.error).toMatchObject({type: 'invalid_request_error', message: 'This service is not available in your country, region or territory.'});
	});
});

describe('request log', () => {
	it('keeps only the last 1000 requests', async () => {
		const local = await (await import('../../source/fake/server.js')).startFakeProvider();
		try {
			for (let i = 0; i < 1010; i++) await call(`${local.url}/status/openai/api/v2/status.json`);
			expect(local.requests).toHaveLength(1000);
			expect(local.requests[0]).toMatchObject({provider: 'openai', method: 'GET', path: '/status/openai/api/v2/status.json', authorized: false});
		} finally {
			await local.close();
		}
	});
});

describe('status pages', () => {
	it('serves Statuspage summary.json with no incident', async () => {
		const res = await call(`${fake.url}/status/openai/api/v2/summary.json`);
		expect(res.status).toBe(200);
		expect(res.json.page).toMatchObject({name: 'OpenAI', url: 'https://status.openai.com'});
		expect(res.json.status).toEqual({indicator: 'none', description: 'All Systems Operational'});
		expect(res.json.incidents).toEqual([]);
		expect(res.json.scheduled_maintenances).toEqual([]);
		expect(res.json.components.length).toBeGreaterThan(0);
		for (const c of res.json.components) {
			expect(Object.keys(c).sort()).toEqual(
				['created_at', 'description', 'group', 'group_id', 'id', 'name', 'only_show_if_degraded', 'page_id', 'position', 'showcase', 'start_date', 'status', 'updated_at'].sort(),
			);
			expect(c.status).toBe('operational');
		}
	});

	it('shows an incident from setIncident, and clears it', async () => {
		clock.now = START + 5000;
		fake.setIncident('anthropic', {name: 'Elevated errors on Claude API', impact: 'major', url: 'https://stspg.io/abc'});
		const res = await call(`${fake.url}/status/anthropic/api/v2/summary.json`);
		expect(res.json.status).toEqual({indicator: 'major', description: 'Partial System Outage'});
		const [incident] = res.json.incidents;
		expect(incident).toMatchObject({
			name: 'Elevated errors on Claude API',
			status: 'investigating',
			impact: 'major',
			shortlink: 'https://stspg.io/abc',
			created_at: new Date(START + 5000).toISOString(),
			resolved_at: null,
		});
		expect(incident.incident_updates[0].affected_components[0]).toMatchObject({old_status: 'operational', new_status: 'partial_outage'});
		expect(res.json.components[0].status).toBe('partial_outage');
		fake.setIncident('anthropic', undefined);
		expect((await call(`${fake.url}/status/anthropic/api/v2/summary.json`)).json.incidents).toEqual([]);
		clock.now = START;
	});

	it('sets incidents over the control endpoint too, and serves status.json', async () => {
		await call(`${fake.url}/_fake/incident`, {body: {provider: 'groq', incident: {name: 'Degraded', impact: 'critical'}}});
		const res = await call(`${fake.url}/status/groq/api/v2/status.json`);
		expect(res.json.status).toEqual({indicator: 'critical', description: 'Major System Outage'});
		expect(res.json.incidents).toBeUndefined();
		await call(`${fake.url}/_fake/incident`, {body: {provider: 'groq', incident: null}});
		expect((await call(`${fake.url}/status/groq/api/v2/status.json`)).json.status.indicator).toBe('none');
	});

	it('has no Statuspage for Gemini or Azure (404), like the real ones', async () => {
		expect((await call(`${fake.url}/status/gemini/api/v2/summary.json`)).status).toBe(404);
		expect((await call(`${fake.url}/status/azure_openai/api/v2/summary.json`)).status).toBe(404);
	});
});
