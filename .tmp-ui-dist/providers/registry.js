import { anthropic } from './anthropic.js';
import { azureOpenai } from './azure-openai.js';
import { deepseek } from './deepseek.js';
import { gemini } from './gemini.js';
import { groq } from './groq.js';
import { mistral } from './mistral.js';
import { openai } from './openai.js';
import { openaiCompatible } from './openai-compatible.js';
import { openrouter } from './openrouter.js';
import { together } from './together.js';
import { xai } from './xai.js';
const described = [openai, anthropic, gemini, openrouter, groq, mistral, deepseek, xai, azureOpenai, together, openaiCompatible];
/** Every adapter, in PROVIDER_IDS order. */
export const ADAPTERS = [...described];
const byId = new Map(described.map(adapter => [adapter.id, adapter]));
export function getAdapter(id) {
    const adapter = byId.get(id);
    if (!adapter)
        throw new Error(`no adapter for provider "${String(id)}"`);
    return adapter;
}
const EXAMPLE_BASE = 'https://HOST/v1';
/**
 * One row per provider and probe, for the README table and the detail pane. Paths come from each
 * adapter's own request() with placeholder keys, so they cannot drift from what is really sent.
 */
export function describeProbes() {
    const rows = [];
    for (const adapter of described) {
        const base = adapter.defaultBaseUrl || EXAMPLE_BASE;
        for (const spec of adapter.probes) {
            const key = { name: 'example', provider: adapter.id, secret: { type: 'env', name: 'EXAMPLE' }, baseUrl: base, settings: { deployment: 'DEPLOYMENT', model: adapter.id === 'openai_compatible' ? 'MODEL' : undefined } };
            const plain = adapter.request(spec.kind, { key, secret: 'placeholder' });
            const request = plain ?? adapter.request(spec.kind, { key, secret: 'placeholder', adminSecret: 'placeholder-admin' });
            if (!request)
                continue;
            const url = new URL(request.url);
            const basePath = new URL(base).pathname.replace(/\/+$/, '');
            const fullPath = decodeURIComponent(url.pathname) + url.search;
            const sameOrigin = url.origin === new URL(base).origin;
            const path = sameOrigin && basePath && fullPath.startsWith(basePath) ? fullPath.slice(basePath.length) : sameOrigin ? fullPath : `${url.origin}${fullPath}`;
            const needs = plain ? (adapter.id === 'azure_openai' && spec.kind === 'headroom' ? 'deployment setting' : undefined) : 'admin or management key';
            rows.push({
                provider: adapter.id,
                label: adapter.label,
                probe: spec.kind,
                method: request.method,
                path,
                cost: spec.cost,
                spends: spec.spends,
                ...(needs ? { needs } : {}),
                cannotSee: [...adapter.blindSpots],
            });
        }
    }
    return rows;
}
