import {describe, expect, it} from 'vitest';
import {pageOf, pages, pagesFor} from '../../source/diagnosis/pages.js';
import {PROVIDER_IDS} from '../../source/types.js';

describe('pages', () => {
	const named = PROVIDER_IDS.filter(id => id !== 'openai_compatible');

	it.each(named)('%s has keys, billing, limits, usage and status pages', id => {
		for (const name of ['keys', 'billing', 'limits', 'usage', 'status'] as const) {
			expect(pagesFor(id)[name], `${id} ${name}`).toMatch(/^https:\/\/\S+/);
		}
		expect(pagesFor(id).label.length).toBeGreaterThan(0);
	});

	it('uses the real key pages', () => {
		expect(pages.openai.keys).toBe('https://platform.openai.com/api-keys');
		expect(pages.anthropic.keys).toBe('https://console.anthropic.com/settings/keys');
		expect(pages.gemini.keys).toBe('https://aistudio.google.com/apikey');
		expect(pages.openrouter.keys).toBe('https://openrouter.ai/settings/keys');
		expect(pages.groq.keys).toBe('https://console.groq.com/keys');
		expect(pages.anthropic.status).toBe('https://status.claude.com');
	});

	it('describes the page for OpenAI-compatible hosts instead of inventing a URL', () => {
		expect(pageOf('openai_compatible', 'keys')).toBe("your provider's API keys page");
		expect(pageOf('openai_compatible', 'status')).toBe("your provider's status page");
	});

	it('falls back to the console for pages a provider lacks', () => {
		expect(pageOf('deepseek', 'org')).toBe('https://platform.deepseek.com');
	});
});
