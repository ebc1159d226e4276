// Anthropic (providers.md §2.4): `error.type` decides, except where only the message tells
// (out of credit is a 400; a spend cap is a 429 with details.error_code).
import type {Rule} from '../types.js';
import * as t from './texts.js';

// The monthly spend cap, with or without its error_code: where to look, and how to resume before the month turns.
const spendCapSteps = [
	'Check the cap and current spend at {limits}.',
	'To resume before the month turns, move up a usage tier by buying credit at {billing}, or ask Anthropic for a higher limit.',
];

export const anthropicRules: Rule[] = [
	{
		// Needs action to work this month, yet not forever: the cap lifts at 00:00 UTC on the 1st
		// (providers.md §2.4), so the verdict carries that moment as clearsAt while staying needs_action
		// (a free probe still passes meanwhile, and must not make the key look fine).
		id: 'anthropic.spend-cap',
		match: {detailCode: 'enforced_spend_limit_reached'},
		kind: 'quota_exhausted',
		resets: 'month_start_utc',
		...t.quotaExhausted,
		title: 'Monthly spend cap reached',
		why: "The organisation reached its usage tier's monthly spend cap (429 with error_code enforced_spend_limit_reached). Retrying does not help: requests fail until the cap is raised or the month turns.",
		fix: [...spendCapSteps, 'Otherwise wait for the monthly reset at 00:00 UTC on the 1st (the time is under Clears); keywatch shows the key as denied until then.'],
	},
	{
		id: 'anthropic.spend-cap-words',
		match: {status: 429, message: /monthly spend(?:ing)? (?:limit|cap)/i},
		kind: 'quota_exhausted',
		resets: 'month_start_utc',
		...t.quotaExhausted,
		title: 'Monthly spend cap reached',
		why: "The organisation reached a monthly spend cap (the message says so, without an error_code). Retrying does not help: requests fail until the cap is raised or the month turns.",
		fix: [...spendCapSteps, 'Otherwise wait for the monthly reset at 00:00 UTC on the 1st (the time is under Clears).'],
	},
	{
		id: 'anthropic.credit-too-low',
		match: {message: /credit balance is too low/i},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
		title: 'Out of credit',
		why: 'The prepaid credit balance is used up. Anthropic sends this as HTTP 400 invalid_request_error, so only the message tells it apart.',
		fix: ['Open {billing} (Plans & Billing) and buy credit, or turn on auto-reload.', 'Then press R in keywatch to probe again.'],
	},
	{
		id: 'anthropic.usage-limit',
		match: {message: /reached your specified (?:workspace )?API usage limits?/i},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
		title: 'Your own spend limit reached',
		why: 'The organisation or workspace reached the API usage limit you set yourself; the message says when access resumes.',
		fix: ['Raise or remove the limit at {limits} (organisation) or in the workspace settings.', 'Or wait until the date in the message below.'],
	},
	{id: 'anthropic.org-disabled', match: {message: /organi[sz]ation has been disabled/i}, kind: 'suspended', ...t.suspended},
	{
		id: 'anthropic.oauth-not-allowed',
		match: {message: /OAuth authentication is currently not allowed/i},
		kind: 'permission',
		...t.permission,
		why: 'An administrator of the organisation turned off subscription (OAuth) access to the API.',
		fix: ['Use an API key from {keys} instead of a subscription login, or ask the organisation admin to allow it.'],
	},
	{
		id: 'anthropic.cors',
		match: {message: /CORS requests are not allowed/i},
		kind: 'permission',
		...t.permission,
		why: 'The request came from a browser (CORS) and the organisation does not allow direct browser access. Not a key problem.',
		fix: ['Call the API from a server, or send the anthropic-dangerous-direct-browser-access header if you accept the risk.'],
	},
	{
		id: 'anthropic.request-not-allowed',
		match: {status: 403, message: /^Request not allowed$/i},
		kind: 'region_blocked',
		candidates: ['region_blocked', 'permission'],
		...t.regionBlocked,
		why: 'Anthropic answered a bare 403 "Request not allowed". It says this to requests from unsupported countries and regions; it can also mean the request was blocked for this key.',
		fix: [
			'Tell them apart: try the same key from a machine in a supported country. If it works there, it is the region.',
			'Check the supported-countries list in {docs} and your VPN or proxy egress.',
			'If it fails everywhere, check the key and workspace permissions at {keys}.',
		],
	},
	{id: 'anthropic.authentication', match: {typeOrCode: 'authentication_error'}, kind: 'invalid_key', ...t.invalidKey},
	{id: 'anthropic.permission', match: {typeOrCode: 'permission_error'}, kind: 'permission', ...t.permission, stage: 'late'},
	{id: 'anthropic.billing', match: {typeOrCode: 'billing_error'}, kind: 'billing', ...t.billing},
	{
		id: 'anthropic.model-not-found',
		match: {typeOrCode: 'not_found_error', message: /model/i},
		kind: 'model_access',
		candidates: ['model_access', 'bad_request'],
		...t.modelAccess,
		why: 'Anthropic does not know this model for this key ("model: <id>"). The same answer comes for a typo, a retired model, and a model not yet available to the organisation.',
		fix: [
			'Tell them apart: list the models this key can use (GET /v1/models). If the id is missing there but in the public model list, it is access; otherwise fix the id.',
			'Use a current model id from that list.',
		],
	},
	{id: 'anthropic.not-found', match: {typeOrCode: 'not_found_error'}, kind: 'bad_request', ...t.badRequest, stage: 'late'},
	{id: 'anthropic.too-large', match: {typeOrCode: 'request_too_large'}, kind: 'bad_request', ...t.badRequest},
	{
		id: 'anthropic.rate-limit',
		match: {typeOrCode: 'rate_limit_error'},
		kind: 'rate_limited',
		...t.rateLimited,
		why: "The organisation is over a rate limit ({limit}). Anthropic limits requests, input tokens and output tokens per minute separately; the bucket at zero in the headers shows which.",
	},
	{id: 'anthropic.overloaded', match: {typeOrCode: 'overloaded_error'}, kind: 'overloaded', ...t.overloaded},
	{
		id: 'anthropic.timeout',
		match: {typeOrCode: 'timeout_error'},
		kind: 'outage',
		...t.outage,
		title: 'Provider timed out',
		why: 'Anthropic timed out while processing the request (timeout_error). The key is fine.',
	},
	{id: 'anthropic.api-error', match: {typeOrCode: 'api_error'}, kind: 'outage', ...t.outage},
	{id: 'anthropic.invalid-request', match: {typeOrCode: 'invalid_request_error'}, kind: 'bad_request', ...t.badRequest, stage: 'late'},
];
