import {describe, expect, it} from 'vitest';
import {publishedLimits} from '../../source/providers/published.js';

describe('published limits for a declared tier', () => {
	it.each(['Tier 1', 'tier1', 'TIER-1', '1', ' tier 1 '])('reads Gemini "%s" as tier 1: the spend limits providers.md gives', tier => {
		const published = publishedLimits('gemini', tier);
		expect(published?.tier).toBe(tier.trim());
		expect(published?.limits.map(l => [l.label, l.limit, l.unit, l.per, l.source])).toEqual([
			['spend per 10 minutes (rolling)', 10, 'USD', '10m', 'published'],
			['spend per month (tier cap)', 250, 'USD', 'mo', 'published'],
		]);
		for (const limit of published?.limits ?? []) expect(limit.ref).toMatch(/providers\.md §3\.[13]/);
		expect(published?.limits[1]?.ref).toMatch(/third-party/);
	});

	it.each(['free', 'Free tier', 'tier 2', '3'])('invents nothing for Gemini "%s": no figures, and says so', tier => {
		const published = publishedLimits('gemini', tier);
		expect(published?.limits).toEqual([]);
		expect(published?.note).toMatch(/no published Gemini figures for this tier/);
	});

	it('says DeepSeek publishes none, whatever the tier', () => {
		expect(publishedLimits('deepseek', 'paid')).toEqual({tier: 'paid', limits: [], note: 'DeepSeek publishes no rate limits (and sends no rate-limit headers).'});
	});

	it('shows a tier set for another provider with no figures', () => {
		expect(publishedLimits('openai', 'tier 3')).toEqual({tier: 'tier 3', limits: [], note: expect.stringMatching(/knows no published limits/)});
	});

	it('is nothing without a tier', () => {
		expect(publishedLimits('gemini', undefined)).toBeUndefined();
		expect(publishedLimits('gemini', '  ')).toBeUndefined();
	});

	it('hands out copies: a caller cannot change the table', () => {
		const first = publishedLimits('gemini', '1');
		first!.limits[0]!.limit = 1;
		expect(publishedLimits('gemini', '1')?.limits[0]?.limit).toBe(10);
	});
});
