import { normaliseHeaders } from './headers.js';
import { parseBody } from './parse-body.js';
const headerClues = [
    ['anthropic', h => Object.keys(h).some(name => name.startsWith('anthropic-'))],
    ['groq', h => 'x-groq-region' in h],
    ['azure_openai', h => 'apim-request-id' in h || 'x-ms-region' in h || 'azureml-model-session' in h],
    ['openai', h => 'openai-organization' in h || 'openai-processing-ms' in h || 'openai-version' in h || 'openai-project' in h],
    ['mistral', h => Object.keys(h).some(name => /^x-ratelimit-(?:limit|remaining)-(?:tokens|req)-(?:minute|month|second)/.test(name))],
    ['together', h => Object.keys(h).some(name => name.startsWith('x-tokenlimit-'))],
];
// Names, hosts and key prefixes in the message. Order: the most specific first.
const textClues = [
    ['openrouter', /openrouter\.ai|\bsk-or-/i],
    ['anthropic', /anthropic|claude\.com|\bsk-ant-/i],
    ['gemini', /generativelanguage\.googleapis|ai\.google\.dev|aistudio\.google|\bAIza[0-9A-Za-z_-]{4}/],
    ['groq', /console\.groq\.com|\bgsk_|groq/i],
    ['xai', /console\.x\.ai|\bx\.ai\b|\bxai-/i],
    ['together', /together\.(?:xyz|ai)/i],
    ['deepseek', /deepseek|Authentication Fails/i],
    ['azure_openai', /Azure OpenAI|aka\.ms\/oai|subscription key|DeploymentNotFound/i],
    ['mistral', /mistral/i],
    ['openai', /platform\.openai\.com|api\.openai\.com|OpenAI-Organization|\borg-[A-Za-z0-9]{10,}/i],
];
export function guessProvider(headers, body) {
    const h = normaliseHeaders(headers);
    for (const [provider, test] of headerClues)
        if (test(h))
            return provider;
    const parsed = parseBody(typeof body === 'string' ? body : '');
    const { error, tags } = parsed;
    if (tags.includes('anthropic') || ('request-id' in h && tags.includes('error_object') && /_error$/.test(error.type ?? '')))
        return 'anthropic';
    if (tags.includes('google') || error.violations.length > 0)
        return 'gemini';
    const meta = error.metadata;
    if (meta && ('provider_name' in meta || 'limit_source' in meta || 'raw' in meta))
        return 'openrouter';
    for (const [provider, pattern] of textClues)
        if (pattern.test(parsed.text))
            return provider;
    if (tags.includes('fastapi_detail'))
        return 'mistral';
    if (tags.includes('error_object') && Object.keys(h).some(name => name.startsWith('x-ratelimit-')))
        return 'openai';
    if (tags.includes('error_object') && (error.type !== undefined || error.code !== undefined))
        return 'openai_compatible';
    return undefined;
}
