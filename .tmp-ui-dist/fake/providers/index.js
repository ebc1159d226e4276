import { anthropic } from './anthropic.js';
import { azure } from './azure.js';
import { deepseek } from './deepseek.js';
import { gemini } from './gemini.js';
import { groq } from './groq.js';
import { mistral } from './mistral.js';
import { openai, openaiCompatible } from './openai.js';
import { openrouter } from './openrouter.js';
import { together } from './together.js';
import { xai } from './xai.js';
import { xaiManagement } from './xai-management.js';
/** The base URL path of each provider on the fake (team brief, "Fixed conventions"). */
export const basePaths = {
    openai: openai.prefix,
    anthropic: anthropic.prefix,
    gemini: gemini.prefix,
    openrouter: openrouter.prefix,
    groq: groq.prefix,
    mistral: mistral.prefix,
    deepseek: deepseek.prefix,
    xai: xai.prefix,
    azure_openai: azure.prefix,
    together: together.prefix,
    openai_compatible: openaiCompatible.prefix,
};
export const modules = [
    openai,
    openaiCompatible,
    anthropic,
    gemini,
    openrouter,
    groq,
    mistral,
    deepseek,
    xai,
    xaiManagement,
    azure,
    together,
];
/** The module whose prefix starts `path` (prefixes never nest, so the first match is the only one). */
export function moduleFor(path) {
    return modules.find(m => path === m.prefix || path.startsWith(`${m.prefix}/`));
}
