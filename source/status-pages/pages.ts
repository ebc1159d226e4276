// Which providers' public status pages keywatch reads, and which it only names. The reference
// (shared/providers.md §11) confirms Statuspage JSON (`/api/v2/summary.json`) for OpenAI and Anthropic
// only; a page whose JSON is "not verified" is never polled by default, so keywatch spends no request on
// a guess and never reports a made-up "unreachable" for a page that may not serve JSON at all.
import type {ProviderId} from '../types.js';

export type StatusPage = {
	/** The page a person opens. Without one, the provider publishes none keywatch knows of. */
	page?: string;
	/** The page serves Statuspage JSON at `${page}/api/v2/summary.json`, per the reference. */
	json: boolean;
	/** Why, with the reference section. */
	note: string;
};

export const STATUS_PAGES: Record<ProviderId, StatusPage> = {
	openai: {page: 'https://status.openai.com', json: true, note: 'Statuspage JSON: summary.json, incidents.json (§1.5, §11)'},
	// status.anthropic.com redirects here, and the transport follows no redirects: poll the new host.
	anthropic: {page: 'https://status.claude.com', json: true, note: 'Atlassian Statuspage, no auth (§2.5, §11)'},
	gemini: {page: 'https://aistudio.google.com/status', json: false, note: 'a web page only; no Statuspage JSON (§3.4, §11)'},
	openrouter: {page: 'https://status.openrouter.ai', json: false, note: 'JSON not verified (§4.4, §11)'},
	groq: {page: 'https://status.groq.com', json: false, note: 'not verified (§5, §11)'},
	mistral: {page: 'https://status.mistral.ai', json: false, note: 'not verified (§6, §11)'},
	deepseek: {page: 'https://status.deepseek.com', json: false, note: 'linked by a maintainer; JSON not verified (§7, §11)'},
	xai: {page: 'https://status.x.ai', json: false, note: 'summary.json tried by one client and may 404 (§11)'},
	azure_openai: {page: 'https://azure.status.microsoft/en-us/status', json: false, note: 'Azure-wide page, not in the reference'},
	together: {page: 'https://status.together.ai', json: false, note: 'not in the reference'},
	openai_compatible: {json: false, note: "the user's own endpoint"},
};

/** The page a person opens for a provider's status, when one is known. */
export function humanStatusPage(provider: ProviderId): string | undefined {
	return STATUS_PAGES[provider]?.page;
}

/** Pages to poll by default for these providers: only those confirmed to serve Statuspage JSON. */
export function defaultStatusPages(providers: Iterable<ProviderId>): Partial<Record<ProviderId, string>> {
	const pages: Partial<Record<ProviderId, string>> = {};
	for (const provider of providers) {
		const entry = STATUS_PAGES[provider];
		if (entry?.json && entry.page) pages[provider] = entry.page;
	}
	return pages;
}

/** Where the Statuspage summary of a page lives. */
export function summaryUrl(page: string): string {
	return `${page.replace(/\/+$/, '')}/api/v2/summary.json`;
}
