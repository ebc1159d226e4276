// Issue #6, "Hostile and broken providers": one config mixing every fault the fake provider can play, plus
// healthy keys, a refused port and a host that cannot resolve. Every fault gets a clear verdict of the kind
// named below, the healthy keys stay OK, nothing hostile reaches the output, and the probes run side by side.

import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {diagnose, statusOf} from '../../source/diagnosis/index.js';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import {FAULTS, type Scenario} from '../../source/fake/types.js';
import {createMonitor} from '../../source/monitor/monitor.js';
import {getAdapter} from '../../source/providers/registry.js';
import {createTransport} from '../../source/net/transport.js';
import {PROVIDER_IDS, type KeyConfig, type KeyState, type ProviderId, type Status, type VerdictKind} from '../../source/types.js';
import {cleanEnv, runCli} from '../helpers/cli.js';
import {closedPort, expectFiniteNumbers, expectNoBadNumbers, expectNoControl, expectNoSecret, startFakeProcess, writeConfig} from './helpers.js';

// Whole seconds (undici's timers tick at about one second). The in-process matrix gets more: it reads eleven
// 1 MiB bodies at once, and a loaded machine must not turn a slow healthy answer into a timeout.
const TIMEOUT_S = 3;
const MATRIX_TIMEOUT_S = 6;
const CANARY = 'CANARY';
const EXTRA_HANGING = 18;

type Expected = {kind: VerdictKind; status: Status; title?: string};

// What each fault must read as. A 2xx whose body cannot be the API's answer is "unknown", never "Key works".
const expected: Record<(typeof FAULTS)[number] | 'echo_key' | 'healthy', Expected> = {
	hang: {kind: 'network', status: 'DOWN', title: 'No answer in time'},
	stall_body: {kind: 'network', status: 'DOWN', title: 'No answer in time'},
	drip: {kind: 'network', status: 'DOWN', title: 'No answer in time'},
	reset: {kind: 'network', status: 'DOWN', title: 'Connection reset'},
	html: {kind: 'outage', status: 'DOWN'},
	not_json: {kind: 'unknown', status: 'DOWN', title: 'Unreadable answer'},
	truncated_json: {kind: 'unknown', status: 'DOWN', title: 'Unreadable answer'},
	wrong_shape: {kind: 'unknown', status: 'DOWN', title: 'Unreadable answer'},
	null_body: {kind: 'unknown', status: 'DOWN', title: 'Unreadable answer'},
	deep_json: {kind: 'unknown', status: 'DOWN', title: 'Unreadable answer'},
	huge_body: {kind: 'unknown', status: 'DOWN', title: 'Unreadable answer'},
	// An 8 KB header is big but legal: the key works and the answer is read.
	huge_header: {kind: 'ok', status: 'OK'},
	// Nonsense rate-limit numbers are unknown, which leaves a working key OK with no windows.
	bad_headers: {kind: 'ok', status: 'OK'},
	redirect: {kind: 'network', status: 'DOWN', title: 'Redirected instead of answered'},
	escapes: {kind: 'bad_request', status: 'DENIED'},
	echo_key: {kind: 'invalid_key', status: 'DENIED', title: 'Invalid API key'},
	healthy: {kind: 'ok', status: 'OK'},
};
const scenarios = Object.keys(expected) as Array<keyof typeof expected>;

const prefixes: Partial<Record<ProviderId, string>> = {anthropic: 'sk-ant-', gemini: 'AIza-', groq: 'gsk_', xai: 'xai-', openrouter: 'sk-or-v1-'};

function keyValue(provider: ProviderId, scenario: Scenario): string {
	return `${prefixes[provider] ?? 'sk-'}test-${scenario}-${CANARY}${randomBytes(8).toString('hex')}`;
}

/** Names share no 12-character run with the keys (the scrubber would rightly cut it), so no underscores. */
function keyName(provider: ProviderId, scenario: string): string {
	return `${provider}.${scenario.replace(/_/g, '')}`;
}

function keyFor(fake: Pick<FakeProvider, 'baseUrl'>, provider: ProviderId, scenario: Scenario): KeyConfig {
	return {
		name: keyName(provider, scenario),
		provider,
		secret: {type: 'value', value: keyValue(provider, scenario)},
		baseUrl: fake.baseUrl(provider),
		...(provider === 'azure_openai' ? {settings: {deployment: 'gpt-4o-mini', apiVersion: '2024-10-21'}} : {}),
	};
}

const secretsOf = (keys: KeyConfig[]) => keys.map(k => (k.secret.type === 'value' ? k.secret.value : ''));

type KeyJson = {name: string; status: Status; kind: VerdictKind | null; title: string | null; windows: Array<Record<string, unknown>>; masked: string};

describe('keywatch check on a config mixing every fault (the built CLI)', () => {
	let fake: FakeProvider;
	let keys: KeyConfig[];
	let dir: string;

	beforeAll(async () => {
		fake = await startFakeProvider();
		keys = (['openai', 'anthropic'] as const).flatMap(provider => scenarios.map(scenario => keyFor(fake, provider, scenario)));
		keys.push(
			{name: 'refused', provider: 'openai', secret: {type: 'value', value: keyValue('openai', 'healthy')}, baseUrl: `http://127.0.0.1:${await closedPort()}/v1`},
			{name: 'nodns', provider: 'anthropic', secret: {type: 'value', value: keyValue('anthropic', 'healthy')}, baseUrl: 'http://api.keywatch-hardening.invalid'},
		);
		// More keys that never answer than the live view polls side by side (8): a one-shot check must not queue them.
		for (let i = 0; i < EXTRA_HANGING; i++) keys.push({...keyFor(fake, i % 2 ? 'anthropic' : 'openai', 'hang'), name: `hanging${i}`});
		dir = writeConfig(keys);
	});
	afterAll(() => fake.close());

	it('gives every fault a clear verdict, keeps healthy keys OK, leaks nothing and runs the probes side by side', async () => {
		const started = Date.now();
		const result = await runCli(['check', '--json', '--timeout', String(TIMEOUT_S)], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
		const elapsedMs = Date.now() - started;
		const output = result.stdout + result.stderr;

		expect(result.code).toBe(1);
		const rows = JSON.parse(result.stdout) as KeyJson[];
		expect(rows.map(r => r.name)).toEqual(keys.map(k => k.name));
		const byName = new Map(rows.map(r => [r.name, r]));
		for (const provider of ['openai', 'anthropic'] as const) {
			for (const scenario of scenarios) {
				const row = byName.get(keyName(provider, scenario));
				const want = expected[scenario];
				expect({key: row?.name, kind: row?.kind, status: row?.status}).toEqual({key: keyName(provider, scenario), kind: want.kind, status: want.status});
				if (want.title) expect(row?.title, row?.name).toBe(want.title);
			}
		}
		expect(byName.get('refused')).toMatchObject({kind: 'network', status: 'DOWN', title: 'Connection refused'});
		expect(byName.get('nodns')).toMatchObject({kind: 'network', status: 'DOWN', title: 'Host name not found'});

		// The malformed rate-limit headers (abc, -5, 1e309, 25 digits, soon, -5s, 2025-02-30T25:61:00Z) are unknown.
		for (const provider of ['openai', 'anthropic']) {
			const windows = byName.get(`${provider}.badheaders`)?.windows ?? [];
			for (const w of windows) for (const field of ['limit', 'remaining']) expect(w[field] === null || Number.isSafeInteger(w[field])).toBe(true);
		}
		expectFiniteNumbers(rows, 'check --json');
		expectNoBadNumbers(output, 'check --json');
		expectNoControl(output, 'check --json');
		expectNoSecret(output, secretsOf(keys), 'check --json', [CANARY]);
		for (const row of rows) expect(row.masked).toMatch(/^(?:sk-|AIza|gsk_|xai-)?…[0-9a-f]{4}$/);

		// 24 keys hang for the whole timeout (72 s in a row, 9 s in batches of 8); side by side they cost one
		// timeout plus start-up.
		for (let i = 0; i < EXTRA_HANGING; i++) expect(byName.get(`hanging${i}`)).toMatchObject({kind: 'network', status: 'DOWN', title: 'No answer in time'});
		expect(elapsedMs).toBeLessThan(TIMEOUT_S * 1000 + 4_000);

		// The redirect was answered as a redirect, not followed: nothing asked for its target.
		const log = (await (await fetch(`${fake.url}/_fake/requests`)).json()) as Array<{path: string; authorized: boolean}>;
		expect(log.some(r => r.path.startsWith('/openai/v1/') && r.authorized)).toBe(true);
		expect(log.filter(r => r.path.includes('redirect-target'))).toEqual([]);
	});

	it('prints the plain table with the same verdicts and nothing hostile in it', async () => {
		const result = await runCli(['check', '--timeout', String(TIMEOUT_S)], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir})});
		expect(result.code).toBe(1);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^NAME\s+PROVIDER\s+STATUS/);
		expect(lines).toHaveLength(keys.length + 1);
		const line = (name: string) => lines.find(l => l.startsWith(`${name} `)) ?? '';
		expect(line('openai.hang')).toMatch(/\bDOWN\b.*No answer in time$/);
		expect(line('anthropic.notjson')).toMatch(/\bDOWN\b.*Unreadable answer$/);
		expect(line('openai.redirect')).toMatch(/\bDOWN\b.*Redirected instead of answered$/);
		expect(line('openai.healthy')).toMatch(/\bOK\b/);
		expect(line('anthropic.badheaders')).toMatch(/\bOK\s+—\s+—\s+—/);
		const output = result.stdout + result.stderr;
		expectNoBadNumbers(output, 'check table');
		expectNoControl(output, 'check table');
		expectNoSecret(output, secretsOf(keys), 'check table', [CANARY]);
	});
});

describe('every fault on every provider, read in full (monitor and real transport, in process)', () => {
	it('gives each a clear verdict whose every text is free of keys, escapes and bad numbers', {timeout: 60_000}, async () => {
		const fake = await startFakeProcess();
		// Room for every hanging key at once (and as many connections, or the pool would queue the rest behind
		// them), so the whole matrix costs about one timeout.
		const transport = createTransport({timeoutMs: MATRIX_TIMEOUT_S * 1000, connections: 64});
		const keys = PROVIDER_IDS.flatMap(provider => scenarios.map(scenario => keyFor(fake, provider, scenario)));
		const monitor = createMonitor({keys, transport, timeoutMs: MATRIX_TIMEOUT_S * 1000, concurrency: 64, diagnose, statusOf});
		try {
			const snapshot = await monitor.checkOnce();
			const secrets = secretsOf(keys);
			const wrong: string[] = [];
			for (const [index, state] of snapshot.keys.entries()) {
				const scenario = scenarios[index % scenarios.length]!;
				const want = expected[scenario];
				if (state.verdict?.kind !== want.kind || state.status !== want.status || (want.title && state.verdict?.title !== want.title)) {
					wrong.push(`${state.name}: ${state.status} ${state.verdict?.kind} "${state.verdict?.title}" (want ${want.status} ${want.kind}${want.title ? ` "${want.title}"` : ''})`);
				}
				checkState(state, secrets);
			}
			expect(wrong).toEqual([]);
			const text = JSON.stringify(snapshot);
			// The escape payloads are gone, not merely defused: no title was set, no screen cleared.
			expect(text).not.toContain('pwned');
			expect(text).toContain('Invalid request RED');
		} finally {
			await monitor.stop();
			await transport.close();
			await fake.close();
		}
	});
});

const noRateHeaders: ReadonlySet<ProviderId> = new Set(['gemini', 'xai']);

describe('malformed rate-limit headers', () => {
	it('arrive as sent (abc, -5, 1e309, 25 digits, soon, -5s, an impossible date) and decode to unknown on every provider', async () => {
		const fake = await startFakeProvider();
		const transport = createTransport({timeoutMs: 5_000});
		try {
			for (const provider of PROVIDER_IDS) {
				const key = keyFor(fake, provider, 'bad_headers');
				const adapter = getAdapter(provider);
				const secret = key.secret.type === 'value' ? key.secret.value : '';
				for (const probe of ['validity', 'headroom'] as const) {
					const request = adapter.request(probe, {key, secret});
					if (!request) continue;
					const exchange = await transport.send(request, provider);
					const windows = adapter.decode(probe, exchange, exchange.at).windows;
					expectFiniteNumbers(windows, `${provider} ${probe} windows`);
					for (const w of windows) {
						for (const n of [w.limit, w.remaining]) if (n !== undefined) expect(Number.isSafeInteger(n) && n >= 0, `${provider} ${w.id}: ${n}`).toBe(true);
					}
					const verdict = diagnose(exchange, {windows});
					expectFiniteNumbers(verdict, `${provider} ${probe} verdict`);
					expectNoBadNumbers([verdict.title, verdict.why, ...verdict.fix].join(' '), `${provider} ${probe} verdict`);
					if (probe === 'headroom') {
						// The hostile values really were there to be misread (Gemini and xAI send no rate-limit headers).
						const values = Object.entries(exchange.headers).filter(([name]) => name !== 'retry-after').map(([, v]) => String(v)).join(' ');
						if (!noRateHeaders.has(provider)) expect(values, provider).toMatch(/1234567890123456789012345|1e309/);
						expect(exchange.headers['retry-after'], provider).toBe('soon');
					}
				}
			}
		} finally {
			await transport.close();
			await fake.close();
		}
	});
});

function checkState(state: KeyState, secrets: readonly string[]): void {
	const where = `${state.name} (${state.verdict?.kind})`;
	expectFiniteNumbers(state, where);
	const verdict = state.verdict;
	const words = verdict ? [verdict.title, verdict.why, ...verdict.fix, verdict.evidence.message ?? '', verdict.evidence.network ?? '', ...Object.values(verdict.evidence.headers)].join('\n') : '';
	expectNoBadNumbers(words, where);
	const everything = JSON.stringify(state);
	expectNoControl(everything, where);
	expectNoSecret(everything, secrets, where, [CANARY]);
	for (const w of state.windows) {
		for (const n of [w.limit, w.remaining]) if (n !== undefined) expect(Number.isSafeInteger(n) && n >= 0, `${where} window ${w.id}: ${n}`).toBe(true);
		if (w.resetAt !== undefined) expect(Math.abs(w.resetAt - Date.now()) < 40 * 86_400_000, `${where} window ${w.id} resets at ${w.resetAt}`).toBe(true);
	}
}
