export const pages = {
    openai: {
        label: 'OpenAI',
        keys: 'https://platform.openai.com/api-keys',
        billing: 'https://platform.openai.com/settings/organization/billing/overview',
        limits: 'https://platform.openai.com/settings/organization/limits',
        usage: 'https://platform.openai.com/usage',
        status: 'https://status.openai.com',
        console: 'https://platform.openai.com',
        org: 'https://platform.openai.com/settings/organization/general',
        docs: 'https://platform.openai.com/docs/guides/error-codes',
    },
    anthropic: {
        label: 'Anthropic',
        keys: 'https://console.anthropic.com/settings/keys',
        billing: 'https://console.anthropic.com/settings/billing',
        limits: 'https://console.anthropic.com/settings/limits',
        usage: 'https://console.anthropic.com/settings/usage',
        status: 'https://status.claude.com',
        console: 'https://console.anthropic.com',
        org: 'https://console.anthropic.com/settings/organization',
        docs: 'https://docs.anthropic.com/en/api/errors',
    },
    gemini: {
        label: 'Google Gemini',
        keys: 'https://aistudio.google.com/apikey',
        billing: 'https://console.cloud.google.com/billing',
        limits: 'https://aistudio.google.com/rate-limit',
        usage: 'https://aistudio.google.com/usage',
        status: 'https://aistudio.google.com/status',
        console: 'https://aistudio.google.com',
        org: 'https://console.cloud.google.com/apis/credentials',
        docs: 'https://ai.google.dev/gemini-api/docs/rate-limits',
    },
    openrouter: {
        label: 'OpenRouter',
        keys: 'https://openrouter.ai/settings/keys',
        billing: 'https://openrouter.ai/settings/credits',
        limits: 'https://openrouter.ai/docs/api-reference/limits',
        usage: 'https://openrouter.ai/activity',
        status: 'https://status.openrouter.ai',
        console: 'https://openrouter.ai/settings',
        org: 'https://openrouter.ai/settings/integrations',
        docs: 'https://openrouter.ai/docs/api-reference/errors',
    },
    groq: {
        label: 'Groq',
        keys: 'https://console.groq.com/keys',
        billing: 'https://console.groq.com/settings/billing',
        limits: 'https://console.groq.com/settings/limits',
        usage: 'https://console.groq.com/dashboard/usage',
        status: 'https://status.groq.com',
        console: 'https://console.groq.com',
        org: 'https://console.groq.com/settings/organization',
        docs: 'https://console.groq.com/docs/rate-limits',
    },
    mistral: {
        label: 'Mistral',
        keys: 'https://console.mistral.ai/api-keys',
        billing: 'https://console.mistral.ai/billing',
        limits: 'https://console.mistral.ai/limits',
        usage: 'https://console.mistral.ai/usage',
        status: 'https://status.mistral.ai',
        console: 'https://console.mistral.ai',
        org: 'https://console.mistral.ai/codestral',
        docs: 'https://docs.mistral.ai/deployment/laplateforme/tier/',
    },
    deepseek: {
        label: 'DeepSeek',
        keys: 'https://platform.deepseek.com/api_keys',
        billing: 'https://platform.deepseek.com/top_up',
        limits: 'https://api-docs.deepseek.com/quick_start/rate_limit',
        usage: 'https://platform.deepseek.com/usage',
        status: 'https://status.deepseek.com',
        console: 'https://platform.deepseek.com',
        docs: 'https://api-docs.deepseek.com/quick_start/error_codes',
    },
    xai: {
        label: 'xAI',
        keys: 'https://console.x.ai/team/default/api-keys',
        billing: 'https://console.x.ai/team/default/billing',
        limits: 'https://console.x.ai/team/default/models',
        usage: 'https://console.x.ai/team/default/usage',
        status: 'https://status.x.ai',
        console: 'https://console.x.ai',
        docs: 'https://docs.x.ai/docs/key-information/consumption-and-rate-limits',
    },
    azure_openai: {
        label: 'Azure OpenAI',
        keys: 'https://portal.azure.com (your Azure OpenAI resource → Keys and Endpoint)',
        billing: 'https://portal.azure.com/#view/Microsoft_Azure_CostManagement/Menu/~/overview',
        limits: 'https://ai.azure.com (Quotas; increases: https://aka.ms/oai/quotaincrease)',
        usage: 'https://portal.azure.com (your resource → Metrics)',
        status: 'https://azure.status.microsoft/en-us/status',
        console: 'https://ai.azure.com',
        docs: 'https://learn.microsoft.com/azure/ai-services/openai/quotas-limits',
    },
    together: {
        label: 'Together AI',
        keys: 'https://api.together.ai/settings/api-keys',
        billing: 'https://api.together.xyz/settings/billing',
        limits: 'https://docs.together.ai/docs/rate-limits',
        usage: 'https://api.together.ai/settings/billing',
        status: 'https://status.together.ai',
        console: 'https://api.together.ai',
        docs: 'https://docs.together.ai/docs/error-codes',
    },
    openai_compatible: {
        label: 'the provider',
    },
};
/** What a step says when a provider has no such page (OpenAI-compatible hosts). */
const fallback = {
    keys: "your provider's API keys page",
    billing: "your provider's billing page",
    limits: "your provider's rate-limits page",
    usage: "your provider's usage page",
    status: "your provider's status page",
    console: "your provider's console",
    org: "your provider's organisation settings",
    docs: "your provider's API error reference",
};
export function pagesFor(provider) {
    return pages[provider] ?? pages.openai_compatible;
}
/** The URL (or a description of the page, when the provider has none). */
export function pageOf(provider, name) {
    const found = pagesFor(provider)[name];
    if (found)
        return found;
    // Pages a provider lacks fall back to its console before a generic description.
    if (name === 'org' || name === 'docs' || name === 'limits' || name === 'usage') {
        const console = pagesFor(provider).console;
        if (console)
            return console;
    }
    return fallback[name];
}
