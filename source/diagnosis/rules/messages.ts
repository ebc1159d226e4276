// Wordings that mean the same thing at every provider. They run after the provider and shared-code
// tables and before the status-code fallbacks. Order matters: account-level causes before request-
// level ones ("violation of Terms of Service" is a suspension, not a content refusal).
import type {Rule} from '../types.js';
import * as t from './texts.js';

export const messageRules: Rule[] = [
	{
		// Before msg.suspended: "this key was disabled because it was leaked" is about the key, not the account.
		id: 'msg.key-leaked',
		match: {
			message:
				/\b(?:api[_ -]?)?(?:key|token)\b[^.]{0,100}\b(?:leak(?:ed)?|exposed publicly|publicly exposed|compromised)\b|\bleaked (?:api[_ -]?)?(?:key|token|credential)|found (?:it )?(?:in a )?public(?:ly)? (?:repositor|on github)/i,
		},
		kind: 'invalid_key',
		...t.keyLeaked,
	},
	{
		id: 'msg.suspended',
		match: {
			message:
				/\b(?:account|organi[sz]ation|org|team|project|consumer|workspace|user)\b[^.]{0,80}\b(?:has been|was|is|got) (?:permanently |temporarily )?(?:deactivated|disabled|suspended|banned|restricted|terminated|blocked)|violation of (?:the |our )?terms of\s+(?:service|use)|\baccount (?:is )?(?:suspended|banned|deactivated)|\baccess (?:was |has been )?terminated|access_terminated|\baccount[^\n]{0,40}flagged for (?:potential )?abuse|\b(?:account|organi[sz]ation)[^.\n]{0,60}(?:suspicious|unusual) activity/i,
		},
		kind: 'suspended',
		...t.suspended,
	},
	{
		id: 'msg.region',
		match: {
			message:
				/(?:not (?:available|supported)|unavailable) in your (?:country|region|location|territory)|unsupported[_ ]country|country, region,? or territory|location is not supported|(?:country|region) (?:is )?not supported/i,
		},
		kind: 'region_blocked',
		...t.regionBlocked,
	},
	{
		id: 'msg.verification',
		match: {
			message:
				/must be verified|verify (?:your |the )?(?:organi[sz]ation|identity|phone|account|email|business|company)|verification (?:is )?required|complete (?:the |your )?(?:phone(?: number)?|identity|business|organi[sz]ation|account|email|id)? ?verification|unverified (?:organi[sz]ation|account|business)|(?:phone(?: number)?|identity|id|business|organi[sz]ation|account|email) verification (?:has )?(?:failed|pending|incomplete|required|is required|not (?:complete|completed))|identity document (?:was |has been )?(?:rejected|declined)|two[- ]factor authentication (?:is )?required|\b2fa (?:is )?required|(?:enable|set up) two[- ]factor/i,
		},
		kind: 'verification_required',
		...t.verificationRequired,
	},
	{
		id: 'msg.content-policy',
		match: {
			message:
				/content (?:management )?polic|safety system|content[_ ]filter|flagged (?:as|for|by)|input was flagged|moderation|prohibited content|violat\w* (?:our |the )?usage polic|responsible ?ai|blocked by (?:our |the )?safety/i,
		},
		kind: 'content_policy',
		...t.contentPolicy,
	},
	{
		id: 'msg.invalid-key',
		match: {
			message:
				/invalid[_ ](?:api[_ -]?|subscription |x-api-)?key|incorrect api key|api[_ -]?key (?:is )?(?:invalid|not valid|expired|revoked|disabled|not found)|invalid (?:authentication|credentials|bearer|access token)|authentication fail|no auth credentials|missing (?:an? )?(?:api[_ ]?)?key|unauthenticated|key (?:has been |was )?(?:revoked|deleted|disabled|deactivated)|(?:session|login|access) token (?:has )?expired/i,
		},
		kind: 'invalid_key',
		...t.invalidKey,
	},
	{
		id: 'msg.overloaded',
		match: {
			message:
				/overload|over capacity|at capacity|capacity (?:exceeded|constraint|limit reached)|high demand|server is busy|servers? (?:are|is) (?:currently )?busy|^slow down\b|experiencing (?:high|heavy|unusual) (?:load|traffic|demand)|rate-limited upstream/i,
		},
		kind: 'overloaded',
		...t.overloaded,
	},
	{
		id: 'msg.rate-limit',
		match: {
			message:
				/rate[- ]?limit|too many (?:concurrent |parallel |simultaneous )?(?:requests|tokens|connections)|concurren(?:t|cy) (?:request )?limit|throttl|(?:requests?|tokens?|queries) per (?:min|minute|second|day|hour)|daily (?:request |token |usage )?(?:limit|quota|cap)/i,
		},
		kind: 'rate_limited',
		...t.rateLimited,
	},
	{
		id: 'msg.quota',
		match: {
			message:
				/insufficient (?:balance|credits?|funds|quota)|credit balance (?:is )?too low|(?:out of|no remaining|used all(?: available| your| of your)?|run out of|exhausted(?: all)?(?: your)?|used up(?: all)?(?: your)?|any)(?: (?:free[- ]tier|free|paid|trial|prepaid|usage))* credits?\b|(?:purchase|buy|add) (?:more )?credits|credit limit|spend(?:ing)? limit|spend(?:ing)? cap|monthly (?:usage |spend(?:ing)? |token )?(?:limit|quota)|usage limits?\b|subscription (?:usage )?(?:limit|quota)|exceeded your (?:current )?quota|quota (?:has been )?(?:exceeded|exhausted|used up)|balance (?:is )?(?:insufficient|too low|exhausted|negative)|trial (?:has )?(?:ended|expired)|budget (?:has been )?exceeded|exceeded (?:your |the )?budget/i,
		},
		kind: 'quota_exhausted',
		...t.quotaExhausted,
	},
	{
		id: 'msg.billing',
		match: {
			message:
				/billing (?:account )?(?:is )?(?:not active|inactive|disabled|not (?:set ?up|enabled|linked|configured))|payment (?:method )?(?:was |has been |is )?(?:failed|declined|rejected|invalid|issue)|card (?:was |has been )?declined|card (?:has )?expired|expired (?:credit |debit )?card|past due|unpaid invoice|enable billing|link (?:a )?billing|billing details|\baccount (?:is |has )?(?:become )?(?:inactive|not active|expired)/i,
		},
		kind: 'billing',
		...t.billing,
	},
	{
		// A cancelled or lapsed subscription is billing, not quota: nothing was used up, and no billing cycle
		// brings it back by itself; the account's paid standing is gone until someone resubscribes on the
		// billing page, the same fix as inactive billing. ("subscription key" is Azure's name for an API key.)
		id: 'msg.subscription-ended',
		match: {message: /\bsubscription (?:has been |was |is |has )?(?:cancell?ed|canceled|expired|lapsed|ended|terminated|inactive|not active|paused)/i},
		kind: 'billing',
		...t.billing,
		title: 'Subscription not active',
		why: 'The subscription or plan behind this key was cancelled or has lapsed, so {provider} no longer serves it. Waiting does not bring it back.',
		fix: [
			'Open {billing} and check the subscription: renew or resubscribe, and fix the payment method if a failed payment cancelled it.',
			'Then press R in keywatch to probe again; some providers need a new key after a plan change ({keys}).',
		],
	},
	{
		id: 'msg.model',
		match: {
			message:
				/\b(?:models?|deployment|feature)\b[^\n]{0,120}(?:does not exist|doesn't exist|not found|is not (?:available|supported|found)|no longer (?:available|supported)|has been (?:deprecated|decommissioned|retired|removed)|do(?:es)? not have access)|not a valid model|invalid model|unknown model|no endpoints found|unable to access model|model[_ ]not[_ ](?:found|exist)|model not exist|(?:not allowed|no access|not have access) to (?:sample from |use |access )?(?:this |the )?model|(?:does not|doesn't|do not) have access to (?:claude|gpt|gemini|llama|grok|mistral|o\d)/i,
		},
		kind: 'model_access',
		...t.modelAccess,
	},
	{
		id: 'msg.plan-gated',
		match: {
			message:
				/(?:is|are) (?:only )?available (?:only )?(?:on|to|for) (?:paid|pro|enterprise|higher)|requires? (?:a )?(?:paid|pro|higher|upgraded) (?:plan|tier|account|subscription)|not (?:available|included) (?:on|in) your (?:current )?(?:plan|tier)/i,
		},
		kind: 'model_access',
		candidates: ['model_access', 'quota_exhausted'],
		...t.modelAccess,
		title: 'Not available on your plan',
		why: 'The model or feature is limited to a higher plan or tier than this key has.',
		fix: ['Check which tier the model or feature needs in {docs}.', 'Upgrade the plan or tier at {billing}, or use a model your tier includes.'],
	},
	{
		id: 'msg.outage',
		match: {
			message:
				/maintenance|undergoing (?:an? )?(?:system )?(?:upgrade|update)|service (?:is )?(?:temporarily )?unavailable|bad gateway|gateway time-?out|internal (?:server )?error|upstream (?:connect )?error|server (?:had|experienced) an error|no (?:allowed )?providers? (?:are )?available/i,
		},
		kind: 'outage',
		...t.outage,
	},
	{
		// Only wordings that name what is missing. A bare "Access denied", "Forbidden" or "Not authorized" says
		// a request was refused, not why: those fall through to the status rules, which name the candidates.
		id: 'msg.permission',
		match: {
			statusRange: [401, 403],
			message:
				/insufficient (?:scope|privilege|permission)s?|missing (?:the )?(?:required )?(?:scope|permission)s?|(?:key|token|account|user|role)\b[^.]{0,40}(?:does not|doesn't|do not) have (?:the )?(?:required |necessary )?permissions?|lacks? (?:the )?(?:required )?(?:scope|permission)|ip (?:address )?(?:is )?not (?:authori[sz]ed|allowed)|(?:ip|address)[^.]{0,40}(?:allow-?list|whitelist)|(?:virtual network|vnet|firewall) rules?|member of an organi[sz]ation|restricted key|read-only key/i,
		},
		kind: 'permission',
		...t.permission,
	},
];
