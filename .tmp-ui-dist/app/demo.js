import { startFakeProvider } from '../fake/server.js';
// Each row shows one state a real key can be in. Keys are obviously fake; the scenario is in the name.
const demoRows = [
    ['openai-prod', 'openai', 'healthy'],
    ['openai-batch', 'openai', 'low'],
    ['openai-burst', 'openai', 'limited'],
    ['openai-trial', 'openai', 'quota'],
    ['openai-old', 'openai', 'invalid'],
    ['claude-main', 'anthropic', 'healthy'],
    ['claude-eval', 'anthropic', 'limited'],
    ['claude-team', 'anthropic', 'quota'],
    ['claude-ci', 'anthropic', 'overloaded'],
    ['gemini-studio', 'gemini', 'healthy'],
    ['openrouter-app', 'openrouter', 'low'],
    ['groq-agent', 'groq', 'daily_cap'],
    ['mistral-docs', 'mistral', 'healthy'],
    ['deepseek-r1', 'deepseek', 'healthy'],
    ['xai-grok', 'xai', 'quota'],
    ['azure-eu', 'azure_openai', 'healthy'],
    ['together-llama', 'together', 'outage'],
];
/** The fake provider in-process on 127.0.0.1 and one key per interesting state. */
export async function startDemo() {
    const fake = await startFakeProvider();
    const keys = demoRows.map(([name, provider, scenario], index) => ({
        name,
        provider,
        secret: { type: 'value', value: `sk-test-${scenario}-demo${String(index).padStart(4, '0')}` },
        baseUrl: fake.baseUrl(provider),
        origin: 'demo',
        ...(provider === 'azure_openai' ? { settings: { deployment: 'gpt-4o-mini', apiVersion: '2024-10-21' } } : {}),
    }));
    // A network failure needs no server at all: `.invalid` never resolves (RFC 2606).
    keys.push({
        name: 'openai-vpn',
        provider: 'openai',
        secret: { type: 'value', value: 'sk-test-healthy-unreachable01' },
        baseUrl: 'http://api.unreachable.invalid/v1',
        origin: 'demo',
    });
    return { keys, fake, close: () => fake.close() };
}
