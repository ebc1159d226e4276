import {startFakeProvider, type FakeProvider} from '../fake/server.js';
import {hasStatusPage} from '../fake/status-page.js';
import type {KeyConfig, ProviderId} from '../types.js';

type DemoRow = [name: string, provider: ProviderId, scenario: string, extra?: Pick<KeyConfig, 'settings' | 'admin'>];

// Each row shows one state a real key can be in. Keys are obviously fake; the scenario is in the name. With the
// unreachable key below that is 20 rows, what a 118x26 terminal shows without scrolling.
const demoRows: DemoRow[] = [
	['openai-prod', 'openai', 'healthy'],
	['openai-batch', 'openai', 'low'],
	['openai-burst', 'openai', 'limited'],
	['openai-trial', 'openai', 'quota'],
	['openai-old', 'openai', 'invalid'],
	// An admin key and a monthly budget: the row shows spent this month of the budget (no credit to show).
	['openai-org', 'openai', 'healthy', {admin: {type: 'value', value: 'sk-admin-test-healthy-demo0021'}, settings: {budget: 500}}],
	['claude-main', 'anthropic', 'healthy'],
	['claude-team', 'anthropic', 'quota'],
	['claude-ci', 'anthropic', 'overloaded'],
	// A declared tier: Gemini sends no headers, so the row shows the tier's published spend limit.
	['gemini-studio', 'gemini', 'healthy', {settings: {tier: '1'}}],
	// A free-tier key whose last answer was a 429 naming its quota (QuotaFailure): the row shows that limit.
	['gemini-free', 'gemini', 'daily_cap'],
	['openrouter-app', 'openrouter', 'low'],
	['groq-agent', 'groq', 'daily_cap'],
	['mistral-docs', 'mistral', 'healthy'],
	['deepseek-r1', 'deepseek', 'healthy'],
	['xai-grok', 'xai', 'quota'],
	['azure-eu', 'azure_openai', 'healthy', {settings: {deployment: 'gpt-4o-mini', apiVersion: '2024-10-21'}}],
	['together-llama', 'together', 'outage'],
	// Any gateway that speaks the OpenAI API; the headroom probe needs the model it serves.
	['local-gateway', 'openai_compatible', 'healthy', {settings: {model: 'gpt-4o-mini'}}],
];

export type Demo = {
	keys: KeyConfig[];
	fake: FakeProvider;
	/** The fake's status page per provider it serves one for (Gemini and Azure have none, as in the real world). */
	statusPages: Partial<Record<ProviderId, string>>;
	close(): Promise<void>;
};

/** The fake provider in-process on 127.0.0.1 and one key per interesting state. */
export async function startDemo(): Promise<Demo> {
	const fake = await startFakeProvider();
	const keys: KeyConfig[] = demoRows.map(([name, provider, scenario, extra], index) => ({
		name,
		provider,
		secret: {type: 'value', value: `sk-test-${scenario}-demo${String(index).padStart(4, '0')}`},
		baseUrl: fake.baseUrl(provider),
		origin: 'demo',
		...extra,
	}));
	// A network failure needs no server at all: `.invalid` never resolves (RFC 2606).
	keys.push({
		name: 'openai-vpn',
		provider: 'openai',
		secret: {type: 'value', value: 'sk-test-healthy-unreachable01'},
		baseUrl: 'http://api.unreachable.invalid/v1',
		origin: 'demo',
	});
	// claude-ci is overloaded: an open incident on the status page explains it, as it would in real life.
	fake.setIncident('anthropic', {name: 'Elevated errors on Claude API', impact: 'major', url: 'https://status.claude.com'});
	const statusPages: Partial<Record<ProviderId, string>> = {};
	for (const provider of new Set(keys.map(k => k.provider))) {
		if (hasStatusPage(provider)) statusPages[provider] = `${fake.url}/status/${provider}`;
	}
	return {keys, fake, statusPages, close: () => fake.close()};
}
