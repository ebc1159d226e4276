// Azure OpenAI (providers.md §9): string error codes, waits in the message text, deployments.
import type {Rule} from '../types.js';
import * as t from './texts.js';

export const azureOpenaiRules: Rule[] = [
	{
		id: 'azure.peak-load',
		match: {message: /high demand|peak load/i},
		kind: 'overloaded',
		...t.overloaded,
		why: 'Azure is turning requests away at peak load; the request was within your quota. Not your limit.',
		fix: ['Retry after the wait in the message.', 'For guaranteed capacity, Azure suggests Provisioned Throughput.', 'Check {status} if it lasts.'],
	},
	{
		id: 'azure.token-rate',
		match: {status: 429, message: /token rate limit/i},
		kind: 'rate_limited',
		limit: 'tokens',
		window: 'minute',
		...t.rateLimited,
		why: "The deployment is over its tokens-per-minute quota. Azure's message sometimes asks for a day's wait (86400 seconds) on a per-minute overrun; the minute window usually clears sooner.",
		fix: [
			'Wait and retry; keywatch probes again after the wait Azure gave.',
			"Raise the deployment's TPM in {limits} (Deployments → Edit), or request more quota.",
		],
	},
	{
		id: 'azure.call-rate',
		match: {status: 429, message: /call rate limit|request rate limit/i},
		kind: 'rate_limited',
		limit: 'requests',
		window: 'minute',
		...t.rateLimited,
	},
	{
		id: 'azure.quota',
		match: {message: /out of call volume quota|quota (?:has been )?exceeded/i, notTag: 'google'},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
	},
	{
		id: 'azure.invalid-key',
		match: {message: /invalid subscription key|wrong API endpoint/i},
		kind: 'invalid_key',
		candidates: ['invalid_key', 'bad_request'],
		...t.invalidKey,
		why: 'Azure rejected the call: either the key is invalid, or the endpoint (resource name or region) does not match the key; the message is the same for both.',
		fix: [
			'Tell them apart: open {keys} and compare both KEY 1/KEY 2 and the Endpoint with what keywatch uses (--base-url).',
			'Regenerate the key there if it was rotated, and update the secret keywatch reads.',
		],
	},
	{
		id: 'azure.principal',
		match: {message: /Principal does not have access|PermissionDenied|Virtual Network|firewall rules/i},
		kind: 'permission',
		...t.permission,
		why: 'The identity or network is not allowed to use this resource (role assignment, virtual network or firewall rules).',
		fix: ['Check the role assignments (Cognitive Services OpenAI User) and Networking settings of the resource in {keys}.'],
	},
	{
		id: 'azure.deployment-not-found',
		match: {typeOrCode: 'DeploymentNotFound'},
		kind: 'model_access',
		candidates: ['model_access', 'bad_request'],
		...t.modelAccess,
		title: 'Deployment not found',
		why: 'The resource has no deployment with that name. Usually the deployment name in the URL is wrong; a deployment created in the last five minutes can also be not ready yet.',
		fix: [
			'Check the deployment name (not the model name) in {limits} → Deployments and in keywatch (settings.deployment).',
			'If you just created it, wait five minutes and press R.',
		],
	},
	{
		id: 'azure.subscription-disabled',
		match: {message: /subscription (?:is |has been )?(?:disabled|suspended|expired)|SubscriptionNotRegistered/i},
		kind: 'billing',
		...t.billing,
		why: 'The Azure subscription behind the resource is disabled (often a spending limit or an expired trial credit).',
	},
	{id: 'azure.operation-not-supported', match: {typeOrCode: 'OperationNotSupported'}, kind: 'bad_request', ...t.badRequest},
];
