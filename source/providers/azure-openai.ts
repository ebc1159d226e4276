import {openAiStyleReads, openAiStyleWindows} from './openai-style.js';
import {type DescribedAdapter, getJson, joinUrl, oneTokenChat, postJson, probe} from './shared.js';
import type {AdapterContext} from './types.js';

export const AZURE_DEFAULT_API_VERSION = '2024-10-21';

/** The resource endpoint (AZURE_OPENAI_ENDPOINT); there is no default, and a trailing `/openai` is tolerated. */
function resourceBase(ctx: AdapterContext): string | undefined {
	const raw = ctx.key.baseUrl?.trim();
	if (!raw) return undefined;
	return raw.replace(/\/+$/, '').replace(/\/openai$/i, '');
}

function apiVersion(ctx: AdapterContext): string {
	return encodeURIComponent(ctx.key.settings?.apiVersion?.trim() || AZURE_DEFAULT_API_VERSION);
}

// Azure reuses OpenAI's header names per deployment and minute, with `-1` meaning "unknown"
// (parseCount drops it) and resets in whole seconds.
export const azureOpenai: DescribedAdapter = {
	id: 'azure_openai',
	label: 'Azure OpenAI',
	defaultBaseUrl: 'https://RESOURCE.openai.azure.com',
	envVars: ['AZURE_OPENAI_API_KEY'],
	probes: [
		probe('validity', 'free: lists the models of the resource'),
		probe('headroom', 'one 1-token chat request on the configured deployment (price of its model; needs settings.deployment)'),
	],
	reads: [...openAiStyleReads({requests: 'minute', tokens: 'minute'}), 'per deployment; -1 (seen on the Responses API) is read as unknown, never as 0'],
	blindSpots: [
		'spend and quota in money (Azure Cost Management, not the API key)',
		'limits other than the deployment’s per-minute requests and tokens; -1 sentinels show as unknown',
	],
	request(kind, ctx) {
		const base = resourceBase(ctx);
		if (!base) return undefined;
		const headers = {'api-key': ctx.secret};
		if (kind === 'validity') return getJson(joinUrl(base, `/openai/models?api-version=${apiVersion(ctx)}`), headers);
		if (kind === 'headroom') {
			const deployment = ctx.key.settings?.deployment?.trim();
			if (!deployment) return undefined;
			const path = `/openai/deployments/${encodeURIComponent(deployment)}/chat/completions?api-version=${apiVersion(ctx)}`;
			return postJson(joinUrl(base, path), headers, oneTokenChat(undefined));
		}
		return undefined;
	},
	decode(_kind, exchange, now) {
		return {windows: openAiStyleWindows(exchange.headers, now, {requests: 'minute', tokens: 'minute'})};
	},
};
