// Published limits per tier, for providers that send no rate-limit headers to read them from. Every figure
// is from /work/shared/providers.md (the provider reference) with the section it cites; where the reference
// has no figure for a tier, none is invented and the key says so.
import type {ProviderId, PublishedLimit, PublishedLimits} from '../types.js';

type Table = {
	/** Tier names as users write them ("Tier 1", "tier1", "1", "free") → the table's key. */
	normalise(tier: string): string;
	tiers: Record<string, PublishedLimit[]>;
	/** Said with every tier: what the figures leave out, or why there are none. */
	note: string;
	/** Said for a tier the table has no figures for. */
	missing: string;
};

const GEMINI_RATE_LIMITS = 'ai.google.dev/gemini-api/docs/rate-limits (providers.md §3.1)';

const tables: Partial<Record<ProviderId, Table>> = {
	// providers.md §3.1: limits are per project, tier-based (Free; Tier 1 = billing linked; Tier 2/3 by
	// cumulative spend), with spend-based limits per 10-minute rolling window ("e.g. Tier 1 $10/10 min").
	// §3.3: tier spend caps since April 2026, "Tier 1 $250/mo", from a third-party summary.
	gemini: {
		normalise: tier => {
			const text = tier.trim().toLowerCase().replace(/^tier[\s_-]*/, '');
			return /^free/.test(text) ? 'free' : text;
		},
		tiers: {
			'1': [
				{label: 'spend per 10 minutes (rolling)', limit: 10, unit: 'USD', per: '10m', ref: GEMINI_RATE_LIMITS, source: 'published'},
				{
					label: 'spend per month (tier cap)',
					limit: 250,
					unit: 'USD',
					period: 'month',
					per: 'mo',
					ref: 'github.com/robhunter/agentdeals/issues/591, a third-party summary (providers.md §3.3)',
					source: 'published',
				},
			],
		},
		note: 'Limits apply per project and model; requests and tokens per minute and per day are on ai.dev/rate-limit, not in keywatch’s reference.',
		missing: 'keywatch’s reference has no published Gemini figures for this tier.',
	},
	// providers.md §7: DeepSeek sends no rate-limit headers; the reference finds no published limits either.
	deepseek: {
		normalise: tier => tier.trim().toLowerCase(),
		tiers: {},
		note: 'DeepSeek publishes no rate limits (and sends no rate-limit headers).',
		missing: '',
	},
};

/**
 * What the provider publishes for the tier the user declared (`--tier`), with provenance "published": limits,
 * never what is left. Undefined when no tier is set; an empty list, with a note saying so, when no figure is known.
 */
export function publishedLimits(provider: ProviderId, tier: string | undefined): PublishedLimits | undefined {
	const declared = tier?.trim();
	if (!declared) return undefined;
	const table = tables[provider];
	if (!table) return {tier: declared, limits: [], note: 'keywatch knows no published limits for this provider’s tiers.'};
	const limits = table.tiers[table.normalise(declared)] ?? [];
	const note = [limits.length === 0 ? table.missing : '', table.note].filter(Boolean).join(' ');
	return {tier: declared, limits: limits.map(limit => ({...limit})), note};
}
