import {UsageError} from '../app/options.js';
import type {ProviderId} from '../types.js';

// keywatch appends the provider's own paths to --base-url the way each provider's SDK does: OpenAI-style SDKs
// append `/models` to a base that already names the version, Anthropic's SDK appends `/v1/models` itself.
// A base URL written for the other convention probes `/v1/v1/models` (or `/models` at the root) and reads as a
// 404 bad request, which looks like a broken key rather than a typo: refuse it where it is typed.

// Providers whose SDKs take a base URL that ends in the API version; a bare origin misses it.
const VERSIONED: ReadonlySet<ProviderId> = new Set(['openai', 'openai_compatible', 'together', 'mistral', 'xai', 'groq', 'openrouter']);

function pathOf(url: URL): string {
	return url.pathname.replace(/\/+$/, '');
}

/** Throws a one-line UsageError naming the corrected URL when `baseUrl` contradicts the provider's SDK convention. */
export function checkBaseUrl(provider: ProviderId, baseUrl: string): void {
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		return; // The config schema reports a URL that does not parse.
	}
	const path = pathOf(url);
	if (provider === 'anthropic' && /\/v1$/.test(path)) {
		const fixed = `${url.origin}${path.slice(0, -'/v1'.length)}`;
		throw new UsageError(`Anthropic base URLs do not include /v1 (the SDK and keywatch add it): use --base-url ${fixed}`);
	}
	if (VERSIONED.has(provider) && path === '') {
		throw new UsageError(`OpenAI-style base URLs include /v1 (keywatch appends /models to it): use --base-url ${url.origin}/v1`);
	}
}
