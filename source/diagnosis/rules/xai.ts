// xAI (providers.md §8): bare JSON strings, a flat {"code","error"} 403, limits per team.
import type {Rule} from '../types.js';
import * as t from './texts.js';

export const xaiRules: Rule[] = [
	// GET /v1/api-key answers 200 for a blocked or disabled key and says so in its flags (§8).
	{
		id: 'xai.flag-team-blocked',
		match: {flag: 'team_blocked'},
		kind: 'suspended',
		...t.suspended,
		title: 'Team blocked',
		why: "xAI's key status says the team this key belongs to is blocked (team_blocked: true): no key of the team can make calls. A new key will not help.",
	},
	{
		id: 'xai.flag-key-blocked',
		match: {flag: 'key_blocked'},
		kind: 'invalid_key',
		...t.invalidKey,
		title: 'Key blocked',
		why: "xAI's key status says this key is blocked (api_key_blocked: true), so xAI refuses its calls.",
		fix: ['Open {keys}: a blocked key cannot be used again; create a new one and update the secret keywatch reads.', 'If you did not expect the block, ask xAI support why (a leaked key is blocked).'],
	},
	{
		id: 'xai.flag-key-disabled',
		match: {flag: 'key_disabled'},
		kind: 'invalid_key',
		...t.invalidKey,
		title: 'Key disabled',
		why: "xAI's key status says this key is disabled (api_key_disabled: true), so xAI refuses its calls.",
		fix: ['Open {keys} and enable the key again, or create a new one and update the secret keywatch reads.', 'Then press R in keywatch to probe again.'],
	},
	{
		id: 'xai.no-credits-new-team',
		match: {message: /(?:doesn't|does not) have any credits|purchase credits/i},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
		title: 'Team has no credits',
		why: 'The xAI team this key belongs to has no credits (new teams start with none).',
		fix: ['Buy credits for the team at {billing} (the message below links the team page).', 'Then press R in keywatch to probe again.'],
	},
	{
		id: 'xai.credits-or-spend-limit',
		match: {message: /used all available credits|monthly spending limit/i},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
		why: 'The xAI team used all its credits or reached its monthly spending limit; xAI gives the same message for both.',
		fix: [
			'Tell them apart: open {billing}. A zero balance means buy credits; otherwise raise the monthly spending limit there.',
			'Check {usage} for what used it.',
		],
	},
	{
		id: 'xai.team-blocked',
		match: {message: /team[^\n]{0,80}(?:is |has been )?(?:blocked|disabled|suspended)/i},
		kind: 'suspended',
		...t.suspended,
	},
	{
		id: 'xai.key-blocked',
		match: {message: /api key[^\n]{0,60}(?:is |has been )?(?:blocked|disabled)/i},
		kind: 'invalid_key',
		...t.invalidKey,
		title: 'Key blocked or disabled',
		why: 'The key is blocked or disabled in the xAI console.',
	},
	{
		id: 'xai.rate-limit',
		match: {message: /Too many (?:tokens|requests)|rate limit/i},
		kind: 'rate_limited',
		...t.rateLimited,
		why: "The team is over a rate limit ({limit}). xAI limits requests and tokens per minute for each team and model; tiers rise with cumulative spend.",
		fix: ['Wait for the minute to pass; keywatch does not probe again before it.', 'See the team limits at {limits}; more spend moves the team to a higher tier.'],
	},
	{
		id: 'xai.model-access',
		match: {message: /does not exist or your team[^\n]{0,80}does not have access/i},
		kind: 'model_access',
		...t.modelAccess,
	},
	{id: 'xai.forbidden', match: {status: 403}, kind: 'permission', ...t.permission, stage: 'late'},
];
