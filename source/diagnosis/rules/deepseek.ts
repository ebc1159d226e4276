// DeepSeek (providers.md §7): OpenAI shapes with misused type/code, 402 for an empty balance.
import type {Rule} from '../types.js';
import * as t from './texts.js';

export const deepseekRules: Rule[] = [
	// GET /user/balance answers 200 even when the balance cannot pay for calls (§7).
	{
		id: 'deepseek.flag-balance-unusable',
		match: {flag: 'balance_unusable'},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
		title: 'Balance not usable',
		why: 'DeepSeek says the account balance cannot be used for calls (is_available: false in /user/balance), so calls get 402 "Insufficient Balance".',
		fix: ['Top up at {billing}.', 'keywatch probes the balance again every interval and shows OK once it is usable.'],
	},
	{
		id: 'deepseek.flag-balance-empty',
		match: {flag: 'balance_empty'},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
		title: 'Out of balance',
		why: 'The DeepSeek balance is zero in every currency (/user/balance), so calls get 402 "Insufficient Balance".',
		fix: ['Top up at {billing}.', 'keywatch probes the balance again every interval and shows OK once it is positive.'],
	},
	{
		id: 'deepseek.no-such-user',
		match: {message: /no such user/i},
		kind: 'unknown',
		candidates: ['invalid_key', 'outage'],
		...t.unknown,
		title: 'Authentication failed (no such user)',
		why: 'DeepSeek says "Authentication Fails (no such user)" for a deleted key, but it also said it to fresh, funded keys during a DeepSeek incident, so the answer alone does not tell which.',
		fix: [
			'Tell them apart: check {status} first. If there is an incident, wait for it to end.',
			'If DeepSeek is healthy, check the key is listed at {keys}; create a new one if not.',
		],
	},
	{
		id: 'deepseek.auth-format',
		match: {message: /auth header format/i},
		kind: 'invalid_key',
		candidates: ['invalid_key', 'bad_request'],
		...t.invalidKey,
		title: 'Key missing or malformed',
		why: 'DeepSeek could not read the key from the Authorization header (it expects "Bearer sk-…"): the key is empty, malformed, or not a DeepSeek key.',
	},
	{
		id: 'deepseek.insufficient-balance',
		match: {message: /Insufficient Balance/i},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
		title: 'Out of balance',
		why: 'The DeepSeek account balance is used up (HTTP 402 "Insufficient Balance").',
		fix: ['Top up at {billing}.', 'keywatch shows the balance from /user/balance once it is positive again.'],
	},
	{id: 'deepseek.402', match: {status: 402}, kind: 'quota_exhausted', ...t.quotaExhausted, stage: 'late'},
	{
		id: 'deepseek.busy',
		match: {message: /server is busy/i},
		kind: 'overloaded',
		...t.overloaded,
	},
	{id: 'deepseek.model', match: {message: /Model Not Exist/i}, kind: 'model_access', ...t.modelAccess},
];
