import { stableId } from './formats.js';
// Providers whose status page serves Statuspage JSON. Gemini and Azure have none (§3.4, §11); the
// OpenAI-compatible endpoint is the user's own server.
const pages = {
    openai: { name: 'OpenAI', url: 'https://status.openai.com', components: ['Chat Completions', 'Responses', 'Embeddings', 'Files', 'Fine-tuning', 'Moderations'] },
    anthropic: { name: 'Claude', url: 'https://status.claude.com', components: ['claude.ai', 'Claude API (api.anthropic.com)', 'Claude Console (platform.claude.com)', 'Claude Code'] },
    openrouter: { name: 'OpenRouter', url: 'https://status.openrouter.ai', components: ['API', 'Website'] },
    groq: { name: 'GroqCloud', url: 'https://groqstatus.com', components: ['API', 'Console'] },
    mistral: { name: 'Mistral AI', url: 'https://status.mistral.ai', components: ['API', 'Le Chat'] },
    deepseek: { name: 'DeepSeek Service Status', url: 'https://status.deepseek.com', components: ['API 服务 (API Service)', '网页对话服务 (Web Chat Service)'] },
    xai: { name: 'xAI', url: 'https://status.x.ai', components: ['API', 'Console'] },
    together: { name: 'Together AI', url: 'https://status.together.ai', components: ['Inference API', 'Fine-tuning'] },
};
export function hasStatusPage(provider) {
    return provider in pages;
}
const descriptions = {
    none: 'All Systems Operational',
    minor: 'Minor Service Outage',
    major: 'Partial System Outage',
    critical: 'Major System Outage',
};
const componentStatus = { minor: 'degraded_performance', major: 'partial_outage', critical: 'major_outage' };
function iso(ms) {
    return new Date(ms).toISOString();
}
function build(provider, incident, now) {
    const page = pages[provider];
    const pageId = stableId(`page:${provider}`, 12);
    const updated = iso(incident?.createdAt ?? now - 3_600_000);
    const components = page.components.map((name, position) => ({
        id: stableId(`component:${provider}:${name}`, 12),
        name,
        status: incident && position === 0 ? componentStatus[incident.impact] : 'operational',
        created_at: '2021-01-01T00:00:00.000Z',
        updated_at: updated,
        position: position + 1,
        description: null,
        showcase: true,
        start_date: null,
        group_id: null,
        page_id: pageId,
        group: false,
        only_show_if_degraded: false,
    }));
    const incidents = incident ? [incidentJson(provider, incident, pageId, components[0])] : [];
    return {
        page: { id: pageId, name: page.name, url: page.url, time_zone: 'Etc/UTC', updated_at: updated },
        status: { indicator: incident?.impact ?? 'none', description: descriptions[incident?.impact ?? 'none'] },
        components,
        incidents,
        scheduled_maintenances: [],
    };
}
function incidentJson(provider, incident, pageId, component) {
    const id = stableId(`incident:${provider}:${incident.name}:${incident.createdAt}`, 12);
    const at = iso(incident.createdAt);
    return {
        id,
        name: incident.name,
        status: 'investigating',
        created_at: at,
        updated_at: at,
        monitoring_at: null,
        resolved_at: null,
        impact: incident.impact,
        shortlink: incident.url ?? `https://stspg.io/${id.slice(0, 7)}`,
        started_at: at,
        page_id: pageId,
        incident_updates: [
            {
                id: stableId(`update:${id}`, 12),
                status: 'investigating',
                body: `We are currently investigating this issue: ${incident.name}.`,
                incident_id: id,
                created_at: at,
                updated_at: at,
                display_at: at,
                affected_components: [{ code: component.id, name: component.name, old_status: 'operational', new_status: component.status }],
                deliver_notifications: true,
                custom_tweet: null,
                tweet_id: null,
            },
        ],
        components: [component],
    };
}
/** `summary.json` or `status.json` for a provider, or undefined for a page that does not exist. */
export function statusDocument(provider, file, incident, now) {
    if (!hasStatusPage(provider))
        return undefined;
    const summary = build(provider, incident, now);
    if (file === 'summary.json')
        return summary;
    if (file === 'status.json')
        return { page: summary.page, status: summary.status };
    if (file === 'incidents.json' || file === 'incidents/unresolved.json')
        return { page: summary.page, incidents: summary.incidents };
    return undefined;
}
