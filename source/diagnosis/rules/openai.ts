// OpenAI (providers.md §1.4). Its codes live in openai-compatible.ts, shared with the look-alikes;
// this table holds what only OpenAI says, or says differently.
import type {Rule} from '../types.js';
import * as t from './texts.js';

export const openaiRules: Rule[] = [
	{
		id: 'openai.insufficient-quota',
		match: {typeOrCode: 'insufficient_quota'},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
		why: 'The organisation has no prepaid credit left or reached its monthly budget (code insufficient_quota). OpenAI sends it as HTTP 429 like a rate limit, but waiting does not help.',
		fix: [
			'Open {billing} and check the credit balance; buy credit (OpenAI API billing is prepaid).',
			'Check the monthly budget at {limits} and raise it if that is what stopped you.',
			'If you just paid, it can take a few minutes; if it still fails, create a new key at {keys} (first top-ups sometimes need one).',
		],
	},
	{
		id: 'openai.verify-organization',
		match: {message: /organi[sz]ation must be verified|Verify Organi[sz]ation/i},
		kind: 'verification_required',
		...t.verificationRequired,
		why: 'OpenAI requires organisation verification (identity check) for this model or feature, such as streaming some reasoning models.',
	},
	{
		id: 'openai.no-organization',
		match: {message: /must be a member of an organi[sz]ation|no such organi[sz]ation/i},
		kind: 'permission',
		...t.permission,
		title: 'Key has no usable organisation',
		why: 'OpenAI could not tie the request to an organisation the key belongs to.',
		fix: ['Set the organisation id (OPENAI_ORG_ID) to one the key belongs to, or remove it ({org}).', 'Or create a key inside the right organisation at {keys}.'],
	},
	{
		id: 'openai.ip-not-authorized',
		match: {message: /IP (?:address )?(?:is )?not authori[sz]ed|not (?:authori[sz]ed|allowed) (?:to access this (?:API|resource) )?from (?:this|your) IP/i},
		kind: 'permission',
		...t.permission,
		title: 'IP address not allowed',
		why: "The organisation or project has an IP allow-list that does not include the address keywatch's request came from.",
		fix: ['Add the egress IP address to the allow-list in the organisation security settings ({org}).', 'Or run keywatch from an allowed network.'],
	},
	{
		id: 'openai.missing-scopes',
		match: {message: /insufficient permissions|missing scopes?/i},
		kind: 'permission',
		...t.permission,
		why: 'The key is a restricted key without the scope this call needs (for example model.request or models.read).',
		fix: ['Open {keys}, edit the key, and grant the missing scope named in the message (or use an unrestricted key).'],
	},
	{
		id: 'openai.slow-down',
		match: {message: /^slow down\b/i},
		kind: 'overloaded',
		...t.overloaded,
		why: 'OpenAI asked clients to slow down during degraded service; it is not your own limit.',
	},
];
