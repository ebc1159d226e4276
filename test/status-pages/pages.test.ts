import {describe, expect, it} from 'vitest';
import {pageOf} from '../../source/diagnosis/pages.js';
import {isLocalBaseUrl, statusPagesForKeys} from '../../source/status-pages/for-keys.js';
import {defaultStatusPages, STATUS_PAGES, summaryUrl} from '../../source/status-pages/pages.js';
import {PROVIDER_IDS, type KeyConfig, type ProviderId} from '../../source/types.js';

const key = (provider: ProviderId, baseUrl?: string): KeyConfig => ({name: provider, provider, secret: {type: 'env', name: 'X'}, ...(baseUrl ? {baseUrl} : {})});

describe('status page table', () => {
	it('polls by default only the pages the reference confirms serve Statuspage JSON', () => {
		expect(defaultStatusPages(PROVIDER_IDS)).toEqual({openai: 'https://status.openai.com', anthropic: 'https://status.claude.com'});
	});

	it('names the same human page the fix steps do', () => {
		for (const provider of PROVIDER_IDS) {
			const page = STATUS_PAGES[provider].page;
			if (page) expect(pageOf(provider, 'status')).toBe(page);
		}
	});

	it('reads summary.json below the page', () => {
		expect(summaryUrl('https://status.openai.com/')).toBe('https://status.openai.com/api/v2/summary.json');
		expect(summaryUrl('http://127.0.0.1:9/status/openai')).toBe('http://127.0.0.1:9/status/openai/api/v2/summary.json');
	});
});

describe('statusPagesForKeys', () => {
	it('asks for the pages of the providers whose public API the keys use, once each', () => {
		const targets = statusPagesForKeys([key('openai'), key('openai'), key('anthropic', 'https://api.anthropic.com'), key('gemini')]);
		expect(targets.providers).toEqual(['openai', 'anthropic', 'gemini']);
		expect(targets.pages).toEqual({openai: 'https://status.openai.com', anthropic: 'https://status.claude.com'});
	});

	it('a key aimed at this machine (a fake provider, a local gateway) asks for no page', () => {
		const targets = statusPagesForKeys([key('openai', 'http://127.0.0.1:4000/openai/v1'), key('anthropic', 'http://localhost:8080')]);
		expect(targets).toEqual({providers: [], pages: {}});
	});

	it.each([
		['http://127.0.0.1:1234/v1', true],
		['http://127.8.0.3/v1', true],
		['http://localhost/v1', true],
		['http://proxy.localhost:80', true],
		['http://[::1]:9000/v1', true],
		['https://api.openai.com/v1', false],
		['https://gateway.example.com/openai', false],
		['not a url', false],
		[undefined, false],
	])('isLocalBaseUrl(%s) is %s', (url, local) => {
		expect(isLocalBaseUrl(url)).toBe(local);
	});
});
