import type {ProbeKind, ProviderId} from '../types.js';
import {anthropic} from './anthropic.js';
import {azureOpenai} from './azure-openai.js';
import {deepseek} from './deepseek.js';
import {gemini} from './gemini.js';
import {groq} from './groq.js';
import {mistral} from './mistral.js';
import {openai} from './openai.js';
import {openaiCompatible} from './openai-compatible.js';
import {openrouter} from './openrouter.js';
import type {DescribedAdapter} from './shared.js';
import {together} from './together.js';
import type {ProviderAdapter} from './types.js';
import {xai} from './xai.js';

const described: readonly DescribedAdapter[] = [openai, anthropic, gemini, openrouter, groq, mistral, deepseek, xai, azureOpenai, together, openaiCompatible];

/** Every adapter, in PROVIDER_IDS order. */
export const ADAPTERS: ProviderAdapter[] = [...described];

const byId = new Map<ProviderId, DescribedAdapter>(described.map(adapter => [adapter.id, adapter]));

export function getAdapter(id: ProviderId): ProviderAdapter {
	const adapter = byId.get(id);
	if (!adapter) throw new Error(`no adapter for provider "${String(id)}"`);
	return adapter;
}

export type ProbeDescription = {
	provider: ProviderId;
	label: string;
	probe: ProbeKind;
	method: 'GET' | 'POST';
	/** Path under the provider's base URL, query included. */
	path: string;
	cost: string;
	spends: boolean;
	/** What the probe needs beyond the key, e.g. "admin key". */
	needs?: string;
	/** What keywatch reads for this provider: header names and the window each measures, bodies, endpoints. */
	reads: string[];
	/** What keywatch cannot see for this provider. */
	cannotSee: string[];
};

const EXAMPLE_BASE = 'https://HOST/v1';

/**
 * One row per provider and probe, for the README table and the detail pane. Paths come from each
 * adapter's own request() with placeholder keys, so they cannot drift from what is really sent.
 */
export function describeProbes(): ProbeDescription[] {
	const rows: ProbeDescription[] = [];
	for (const adapter of described) {
		const base = adapter.defaultBaseUrl || EXAMPLE_BASE;
		for (const spec of adapter.probes) {
			const key = {name: 'example', provider: adapter.id, secret: {type: 'env', name: 'EXAMPLE'}, baseUrl: base, settings: {deployment: 'DEPLOYMENT', model: adapter.id === 'openai_compatible' ? 'MODEL' : undefined}} as const;
			// Facts a probe needs from an earlier answer show as a placeholder named after the field (xAI's team_id).
			const facts = {teamId: '{team_id}'};
			const plain = adapter.request(spec.kind, {key, secret: 'placeholder', facts});
			const request = plain ?? adapter.request(spec.kind, {key, secret: 'placeholder', adminSecret: 'placeholder-admin', facts});
			if (!request) continue;
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
				...(needs ? {needs} : {}),
				reads: [...adapter.reads],
				cannotSee: [...adapter.blindSpots],
			});
		}
	}
	return rows;
}
