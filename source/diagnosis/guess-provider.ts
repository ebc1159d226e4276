// Which provider wrote this answer, for `keywatch explain` without --provider. Headers first (they
// are unambiguous), then body shapes, then names and key prefixes in the text. A named provider needs
// evidence only it leaves; an error with none is read as an OpenAI-compatible answer (every provider
// shares those shapes, and explain labels it a guess). Undefined when it is not an error at all.
import type {Exchange, ProviderId} from '../types.js';
import {normaliseHeaders} from './headers.js';
import {parseBody} from './parse-body.js';

type Clue = [ProviderId, (h: Record<string, string>) => boolean];

const headerClues: Clue[] = [
	['anthropic', h => Object.keys(h).some(name => name.startsWith('anthropic-'))],
	['groq', h => 'x-groq-region' in h],
	['azure_openai', h => 'apim-request-id' in h || 'x-ms-region' in h || 'azureml-model-session' in h],
	['openai', h => 'openai-organization' in h || 'openai-processing-ms' in h || 'openai-version' in h || 'openai-project' in h],
	['mistral', h => Object.keys(h).some(name => /^x-ratelimit-(?:limit|remaining)-(?:tokens|req)-(?:minute|month|second)/.test(name))],
	['together', h => Object.keys(h).some(name => name.startsWith('x-tokenlimit-'))],
];

// Names, hosts and key prefixes in the message. Order: the most specific first.
const textClues: Array<[ProviderId, RegExp]> = [
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

export function guessProvider(headers: Exchange['headers'] | undefined, body: string): ProviderId | undefined {
	const h = normaliseHeaders(headers);
	for (const [provider, test] of headerClues) if (test(h)) return provider;
	const parsed = parseBody(typeof body === 'string' ? body : '');
	const {error, tags} = parsed;
	if (tags.includes('anthropic') || ('request-id' in h && tags.includes('error_object') && /_error$/.test(error.type ?? ''))) return 'anthropic';
	if (tags.includes('google') || error.violations.length > 0) return 'gemini';
	const meta = error.metadata;
	if (meta && ('provider_name' in meta || 'limit_source' in meta || 'raw' in meta)) return 'openrouter';
	for (const [provider, pattern] of textClues) if (pattern.test(parsed.text)) return provider;
	if (tags.includes('error_object') && Object.keys(h).some(name => name.startsWith('x-ratelimit-'))) return 'openai';
	// {"detail": …} is what any FastAPI server sends (vLLM, LiteLLM, in-house gateways), not a Mistral mark.
	if (parsed.hasError) return 'openai_compatible';
	return undefined;
}
