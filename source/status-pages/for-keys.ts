// Which status pages a set of keys calls for.
import type {KeyConfig, ProviderId} from '../types.js';
import {defaultStatusPages} from './pages.js';

export type StatusPageTargets = {providers: ProviderId[]; pages: Partial<Record<ProviderId, string>>};

/** A base URL on this machine (a fake provider, a local gateway): not the provider's public service. */
export function isLocalBaseUrl(baseUrl: string | undefined): boolean {
	if (!baseUrl) return false;
	let host: string;
	try {
		host = new URL(baseUrl).hostname.toLowerCase();
	} catch {
		return false;
	}
	return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * The providers whose public page speaks for these keys, and their confirmed pages. A key aimed at a server
 * on this machine is not talking to the provider's public service, so it asks for no page of its own.
 */
export function statusPagesForKeys(keys: readonly KeyConfig[]): StatusPageTargets {
	const providers = [...new Set(keys.filter(key => !isLocalBaseUrl(key.baseUrl)).map(key => key.provider))];
	return {providers, pages: defaultStatusPages(providers)};
}
