// End to end: keys and status pages on the fake provider, through the monitor, the decorator and the JSON
// that `check --json` and `serve /state` print.
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {openSession} from '../../source/app/session.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {createTransport} from '../../source/net/transport.js';
import {snapshotToJson, type KeyJson} from '../../source/serve/state-json.js';
import {createStatusPoller} from '../../source/status-pages/poller.js';
import {withIncidents} from '../../source/status-pages/with-incidents.js';
import type {KeyConfig, ProviderId} from '../../source/types.js';
import {cleanEnv, runCli, tempConfigDir} from '../helpers/cli.js';

describe('incidents in check --json, wired as openSession wires them', () => {
	let fake: FakeProvider;
	beforeAll(async () => {
		fake = await startFakeProvider();
	});
	afterAll(async () => {
		await fake.close();
	});

	it('a DOWN key names its provider incident, and every key lists its provider incidents', async () => {
		fake.setIncident('anthropic', {name: 'Elevated errors on Claude API', impact: 'major', url: 'https://stspg.io/e2e01'});
		const key = (name: string, provider: ProviderId, scenario: string): KeyConfig => ({name, provider, secret: {type: 'value', value: `sk-test-${scenario}-e2e0000000001`}, baseUrl: fake.baseUrl(provider)});
		const keys = [key('claude-ci', 'anthropic', 'overloaded'), key('claude-main', 'anthropic', 'healthy'), key('openai-prod', 'openai', 'healthy'), key('gemini', 'gemini', 'healthy')];
		const transport = createTransport({timeoutMs: 5000});
		const providers = [...new Set(keys.map(k => k.provider))];
		const pages = Object.fromEntries(providers.map(p => [p, `${fake.url}/status/${p}`]));
		const monitor = withIncidents(createMonitor({keys, transport, noSpend: true}), createStatusPoller({transport, pages, providers}));
		try {
			const snapshot = await monitor.checkOnce();
			const rows = Object.fromEntries(snapshotToJson(snapshot).map(row => [row.name, row])) as Record<string, KeyJson>;
			const open = [{name: 'Elevated errors on Claude API', impact: 'major', status: 'investigating', url: 'https://stspg.io/e2e01', startedAt: expect.any(String)}];
			expect(rows['claude-ci']).toMatchObject({status: 'DOWN', kind: 'overloaded', incidents: open});
			expect(rows['claude-main']).toMatchObject({status: 'OK', incidents: open});
			expect(rows['openai-prod']!.incidents).toEqual([]);
			expect(rows['gemini']!.incidents).toEqual([]);
			expect(snapshot.keys.find(k => k.name === 'claude-ci')!.verdict!.evidence.incident).toEqual({name: 'Elevated errors on Claude API', url: 'https://stspg.io/e2e01'});
			expect(snapshot.keys.find(k => k.name === 'claude-main')!.verdict!.evidence.incident).toBeUndefined();
			expect(snapshot.statusPageErrors).toEqual({gemini: `${new URL(fake.url).host} answered HTTP 404`});
		} finally {
			await monitor.stop();
			await transport.close();
			fake.setIncident('anthropic', undefined);
		}
	});
});

describe('openSession', () => {
	const saved = process.env.KEYWATCH_CONFIG_DIR;
	afterEach(() => {
		if (saved === undefined) delete process.env.KEYWATCH_CONFIG_DIR;
		else process.env.KEYWATCH_CONFIG_DIR = saved;
	});

	it("the demo reads the fake's status pages: claude-ci is DOWN with the declared incident", async () => {
		process.env.KEYWATCH_CONFIG_DIR = tempConfigDir();
		const session = await openSession({demo: true, spend: false}, false);
		try {
			const snapshot = await session.monitor.checkOnce();
			expect(session.monitor.getSnapshot()).toBe(snapshot);
			expect(snapshot.incidents?.anthropic?.map(i => [i.name, i.impact])).toEqual([['Elevated errors on Claude API', 'major']]);
			expect(snapshot.incidents?.openai).toEqual([]);
			// Gemini and Azure publish no Statuspage JSON: the demo does not ask, so it reports no error for them.
			expect(snapshot.statusPageErrors).toEqual({});
			const ci = snapshot.keys.find(k => k.name === 'claude-ci')!;
			expect(ci.status).toBe('DOWN');
			expect(ci.verdict!.evidence.incident).toEqual({name: 'Elevated errors on Claude API', url: 'https://status.claude.com'});
		} finally {
			await session.close();
		}
	});

	it('settings.statusPages false turns the status pages off', async () => {
		const dir = tempConfigDir();
		writeFileSync(path.join(dir, 'config.json'), JSON.stringify({keys: [], settings: {statusPages: false}}), {mode: 0o600});
		process.env.KEYWATCH_CONFIG_DIR = dir;
		const session = await openSession({demo: true, spend: false}, false);
		try {
			const snapshot = await session.monitor.checkOnce();
			expect(snapshot.incidents).toBeUndefined();
			expect(snapshot.keys.find(k => k.name === 'claude-ci')!.verdict!.evidence.incident).toBeUndefined();
			expect(session.loaded.demo!.fake.requests.some(r => r.path.startsWith('/status/'))).toBe(false);
		} finally {
			await session.close();
		}
	});
});

describe('keywatch check --json (built CLI)', () => {
	it('prints each key with its provider incidents and its spend', async () => {
		const result = await runCli(['check', '--demo', '--json', '--no-spend'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: tempConfigDir()})});
		const rows = JSON.parse(result.stdout) as KeyJson[];
		const byName = Object.fromEntries(rows.map(r => [r.name, r]));
		expect(byName['claude-ci']).toMatchObject({status: 'DOWN', incidents: [{name: 'Elevated errors on Claude API', impact: 'major', status: 'investigating', url: 'https://status.claude.com'}]});
		expect(byName['gemini-studio']!.incidents).toEqual([]);
		for (const row of rows) {
			expect(row).toHaveProperty('spend');
			expect(Array.isArray(row.incidents)).toBe(true);
		}
	});
});
