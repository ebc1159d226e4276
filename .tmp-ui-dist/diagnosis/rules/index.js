import { anthropicRules } from './anthropic.js';
import { azureOpenaiRules } from './azure-openai.js';
import { deepseekRules } from './deepseek.js';
import { geminiRules } from './gemini.js';
import { googleRpcRules } from './google-rpc.js';
import { groqRules } from './groq.js';
import { messageRules } from './messages.js';
import { mistralRules } from './mistral.js';
import { openaiRules } from './openai.js';
import { openaiCompatibleRules } from './openai-compatible.js';
import { openrouterRules } from './openrouter.js';
import { statusRules } from './status.js';
import { togetherRules } from './together.js';
import { xaiRules } from './xai.js';
export const providerRules = {
    openai: openaiRules,
    anthropic: anthropicRules,
    gemini: geminiRules,
    openrouter: openrouterRules,
    groq: groqRules,
    mistral: mistralRules,
    deepseek: deepseekRules,
    xai: xaiRules,
    azure_openai: azureOpenaiRules,
    together: togetherRules,
    openai_compatible: [],
};
const shared = [...googleRpcRules, ...openaiCompatibleRules];
const cache = new Map();
export function rulesFor(provider) {
    const cached = cache.get(provider);
    if (cached)
        return cached;
    const own = providerRules[provider] ?? [];
    const early = (rules) => rules.filter(rule => rule.stage !== 'late');
    const late = (rules) => rules.filter(rule => rule.stage === 'late');
    const ordered = [...early(own), ...early(shared), ...messageRules, ...late(own), ...late(shared), ...statusRules];
    cache.set(provider, ordered);
    return ordered;
}
