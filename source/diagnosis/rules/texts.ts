// The words for each cause, shared by the provider tables. A table entry spreads one of these and
// overrides only what its provider says differently.
import type {RuleText} from '../types.js';

export const invalidKey: RuleText = {
	title: 'Invalid API key',
	why: '{provider} does not accept this key: it is wrong, malformed, expired, revoked or deleted.',
	fix: [
		'Open {keys} and check that this key is listed and active (compare the last four characters).',
		'If it was revoked, deleted or expired, create a new key there and update the secret keywatch reads (the environment variable, command or config entry).',
		'Check the key was copied whole: no quotes, spaces, line break or "Bearer " prefix.',
		'Check the key belongs to {provider} and that the base URL points at {provider}.',
	],
};

export const keyLeaked: RuleText = {
	title: 'Key blocked as leaked',
	why: '{provider} found this key in public (a repository, a web page, a log) and disabled it. It will never work again; a new key is the only fix.',
	fix: [
		'Create a new key at {keys} and update the secret keywatch reads.',
		'Remove the old key from wherever it was published, and rotate any other secret that was published with it.',
		'Keep keys out of code and logs: read them from the environment or a secret manager.',
	],
};

export const quotaExhausted: RuleText = {
	title: 'Out of credit or quota',
	why: 'The account (or this key) has used up its prepaid credit, plan quota or spend cap. Requests keep failing until credit is added, the plan or cap is raised, or the billing period resets; retrying does not help.',
	fix: [
		'Open {billing} and check the balance; add credit or move to a paid plan.',
		'Check {limits} for a monthly spend cap you set yourself, and raise it if that is what stopped you.',
		'Look at {usage} to see what used the quota up.',
		'After the first payment some providers need a new key: create one at {keys} if the error persists.',
	],
};

export const billing: RuleText = {
	title: 'Billing problem',
	why: 'The billing account behind this key is not in good standing: billing is not set up or linked, a payment failed, or the card expired. Retrying does not help.',
	fix: [
		'Open {billing} and check the payment method, failed payments and unpaid invoices.',
		'Add or update a payment method (and buy credit if the account is prepaid).',
		'Wait a few minutes after fixing billing, then press R in keywatch to probe again.',
	],
};

export const rateLimited: RuleText = {
	title: 'Rate limited',
	why: 'The key is over a rate limit ({limit}). It clears by itself when the window resets.',
	fix: [
		'Wait for the reset; keywatch does not probe again before it.',
		'Lower the request rate or size of the apps sharing this key (limits are usually per organisation or project, not per key).',
		'Check your limits at {limits}; a higher tier (often unlocked by adding credit at {billing}) raises them.',
	],
};

export const modelAccess: RuleText = {
	title: 'No access to this model',
	why: 'The model asked for does not exist under that name, or this key, project or organisation has no access to it (retired, renamed, not yet rolled out, or not on your tier).',
	fix: [
		'Check the model name for typos and retired versions.',
		"List the models this key can use ({provider}'s models endpoint) and pick one from that list.",
		'If the model should be available, check project or organisation model restrictions and tier requirements at {limits}.',
	],
};

export const permission: RuleText = {
	title: 'Key lacks permission',
	why: 'The key is valid but not allowed to do this: a missing scope, a wrong organisation or project, an IP allow-list, or an API restriction on the key.',
	fix: [
		'Open {keys} and check the permissions (scopes, project, restrictions) of this key.',
		'Check any organisation or project header your setup sends matches the key ({org}).',
		'If the key is restricted to IP addresses or referrers, add the address keywatch runs from.',
	],
};

export const verificationRequired: RuleText = {
	title: 'Verification required',
	why: '{provider} requires a verification step (organisation, identity or phone) before this key can use this model or feature.',
	fix: [
		'Open {org} and complete the verification {provider} asks for.',
		'Verification can take up to 15 minutes to reach the API; press R in keywatch to probe again after that.',
		'Until then, use a model that does not need verification.',
	],
};

export const regionBlocked: RuleText = {
	title: 'Blocked in this region',
	why: '{provider} refuses requests from the country or region your traffic leaves from. It decides by the egress IP address, not by the account.',
	fix: [
		'Check which country your requests leave from (VPN, proxy, cloud region of the machine).',
		"Run keywatch and your apps from a region {provider} supports; see {provider}'s supported-countries list in {docs}.",
		'A new key does not help: the same key works from a supported region.',
	],
};

export const suspended: RuleText = {
	title: 'Account suspended',
	why: 'The account or organisation behind this key has been deactivated, disabled, restricted or banned, usually for a policy or billing reason. A new key will not help.',
	fix: [
		"Check the account owner's email for a message from {provider} explaining why.",
		'Sign in at {console} to see the account state.',
		'Contact {provider} support or appeal; keep the request id below for them.',
	],
};

export const contentPolicy: RuleText = {
	title: 'Refused by content policy',
	why: "{provider}'s safety system refused this request because of what it contained. The key itself works.",
	fix: [
		'Change the input that was flagged (the message below may name the category).',
		"Review {provider}'s usage policies; repeated violations can get the account suspended.",
		'If it was a false positive, report it to {provider} with the request id below.',
	],
};

// The line between the two DOWN kinds: `overloaded` means the provider is up and answering but turning
// work away for capacity (529, Google UNAVAILABLE, "overloaded", "high demand", an upstream throttle);
// `outage` means it failed to handle the request (500/502/504, timeouts, maintenance, gateway pages).
export const overloaded: RuleText = {
	title: 'Provider overloaded',
	why: '{provider} is up but turning requests away for lack of capacity. This is not your limit and not your key; it clears by itself, usually within minutes.',
	fix: [
		'Wait and retry with backoff; keywatch keeps probing.',
		'Check {status} for an incident.',
		'If it lasts, switch to another model or region, or a backup key on another provider.',
	],
};

export const outage: RuleText = {
	title: 'Provider error',
	why: '{provider} failed to handle the request (a server-side error). Your key is probably fine; it clears when {provider} recovers.',
	fix: [
		'Check {status} for an incident.',
		'Retry later; keywatch keeps probing with backoff.',
		'If it persists while the status page is green, contact {provider} support with the request id below.',
	],
};

export const badRequest: RuleText = {
	title: 'Request rejected as malformed',
	why: '{provider} rejected the request itself (a path, parameter or body it does not accept), not the key.',
	fix: [
		'Check the base URL: OpenAI-style URLs end in /v1, Anthropic ones do not; no trailing path.',
		'Check the model name and the parameters against {docs}; the message below names the problem.',
		"If keywatch's own probe gets this answer, it is a keywatch bug: please report it with the evidence below.",
	],
};

export const unknown: RuleText = {
	title: 'Unrecognised answer',
	why: 'keywatch cannot tell the cause from this answer, so it does not guess.',
	fix: [
		'Read the status and the provider message in the evidence below.',
		'Check {status} for an incident and {keys} that the key is still active.',
		'Run the same request with curl to see the whole answer; if keywatch should recognise it, open an issue with it (remove the key first).',
	],
};
