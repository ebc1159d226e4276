// OpenAI's error codes and types. Groq, Together, DeepSeek, Azure, OpenRouter and most gateways reuse
// them, so they apply to every provider (after the provider's own table).
import type {Rule} from '../types.js';
import * as t from './texts.js';

export const openaiCompatibleRules: Rule[] = [
	{
		id: 'oai.insufficient-quota',
		match: {typeOrCode: 'insufficient_quota'},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
		why: 'The account has no credit left or has hit its plan quota (code insufficient_quota). It arrives as HTTP 429 like a rate limit, but retrying does not help.',
	},
	{
		id: 'oai.billing-not-active',
		match: {typeOrCode: 'billing_not_active'},
		kind: 'billing',
		...t.billing,
		why: 'The account behind this key is not active for billing (code billing_not_active): no valid payment method, a failed payment, or credit that has not been applied. It arrives as HTTP 429, but retrying does not help.',
	},
	{
		id: 'oai.billing-hard-limit',
		match: {message: /billing[_ ]hard[_ ]limit/i},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
		why: 'The organisation reached the monthly spend limit (hard limit) set in its billing settings.',
	},
	{id: 'oai.account-deactivated', match: {typeOrCode: 'account_deactivated'}, kind: 'suspended', ...t.suspended},
	{
		id: 'oai.mismatched-organization',
		match: {typeOrCode: 'mismatched_organization'},
		kind: 'permission',
		...t.permission,
		title: 'Wrong organisation for this key',
		why: 'The organisation header sent with the request (OpenAI-Organization) is not the organisation this key belongs to.',
		fix: [
			'Remove the OpenAI-Organization / OPENAI_ORG_ID setting, or set it to the organisation that owns the key ({org}).',
			'Or create a key in the intended organisation at {keys}.',
		],
	},
	{
		id: 'oai.unsupported-country',
		match: {typeOrCode: 'unsupported_country_region_territory'},
		kind: 'region_blocked',
		...t.regionBlocked,
	},
	{
		id: 'oai.project-model',
		match: {status: 403, typeOrCode: 'model_not_found'},
		kind: 'model_access',
		...t.modelAccess,
		title: 'Project has no access to this model',
		why: 'The key belongs to a project whose model allow-list does not include this model (HTTP 403, code model_not_found).',
		fix: [
			"Open the project's settings at {limits} and allow the model for this project.",
			'Or use a key from a project that allows it ({keys}).',
		],
	},
	{
		// model_not_found is ambiguous, but not when the message itself says the model was retired.
		id: 'oai.model-not-found-retired',
		match: {typeOrCode: /^model_not_found$/i, message: /has been (?:deprecated|decommissioned|retired|removed)|no longer (?:available|supported)|(?:was|is) (?:deprecated|decommissioned|retired)/i},
		kind: 'model_access',
		...t.modelAccess,
		title: 'Model retired',
		why: 'The message says the model was retired by {provider} (code model_not_found): it no longer answers for any key.',
		fix: ["Switch to the replacement model named in {provider}'s deprecations page or in the message below.", 'Update the model in every app and in keywatch (settings.model).'],
	},
	{
		id: 'oai.model-not-found',
		match: {typeOrCode: /^model_not_found$/i},
		kind: 'model_access',
		candidates: ['model_access', 'bad_request'],
		...t.modelAccess,
		why: 'The answer is the same for a model that does not exist and for a model this key may not use (code model_not_found), so it could be either.',
		fix: [
			"Tell them apart: list the models this key can use (GET /v1/models with the same key). If the model is listed elsewhere in {provider}'s catalogue but not for you, it is access; if it is nowhere, the name is wrong or retired.",
			'Fix the model name, or get access (tier, verification or project allow-list at {limits}).',
		],
	},
	{
		id: 'oai.model-decommissioned',
		match: {typeOrCode: /^model_decommissioned$|^model_deprecated$/i},
		kind: 'model_access',
		...t.modelAccess,
		title: 'Model retired',
		why: 'The model was decommissioned by {provider} and no longer answers.',
		fix: ["Switch to the replacement model named in {provider}'s deprecations page or in the message below.", 'Update the model in every app and in keywatch (settings.model).'],
	},
	{
		id: 'oai.content-policy',
		match: {typeOrCode: /^(?:content_policy_violation|content_filter|moderation_blocked)$/i},
		kind: 'content_policy',
		...t.contentPolicy,
	},
	{
		id: 'oai.content-filter-inner',
		match: {reason: /^(?:ResponsibleAIPolicyViolation|content_filter)$/i},
		kind: 'content_policy',
		...t.contentPolicy,
	},
	{
		id: 'oai.request-too-large',
		match: {message: /Request too large for .{0,200}(?:per min|TPM)/i},
		kind: 'rate_limited',
		limit: 'tokens',
		window: 'minute',
		clears: 'needs_action',
		...t.rateLimited,
		title: 'Request larger than the whole token limit',
		why: 'This one request asks for more tokens than the per-minute token limit allows at all, so waiting will never let it through.',
		fix: [
			'Send a smaller request (shorter input, lower max_tokens).',
			'Or raise the limit: move up a tier at {limits} (usually by adding credit at {billing}).',
		],
	},
	{
		id: 'oai.rate-limit-exceeded',
		match: {typeOrCode: /^rate_limit_exceeded$|^rate_limit_error$|^rate_limited$/i},
		kind: 'rate_limited',
		...t.rateLimited,
	},
	{
		id: 'oai.invalid-api-key',
		match: {typeOrCode: /^(?:invalid_api_key|invalid_authentication|authentication_error|unauthorized)$/i, notTag: 'google'},
		kind: 'invalid_key',
		...t.invalidKey,
	},
	{id: 'oai.server-error', match: {typeOrCode: /^(?:server_error|internal_error|api_error)$/i}, kind: 'outage', ...t.outage, stage: 'late'},
	{id: 'oai.context-length', match: {typeOrCode: /context_length_exceeded|string_above_max_length/i}, kind: 'bad_request', ...t.badRequest},
];
