import * as t from './texts.js';
export const messageRules = [
    {
        id: 'msg.suspended',
        match: {
            message: /\b(?:account|organi[sz]ation|org|team|project|consumer|workspace|user)\b[^.]{0,80}\b(?:has been|was|is|got) (?:permanently |temporarily )?(?:deactivated|disabled|suspended|banned|restricted|terminated|blocked)|violation of (?:the |our )?terms of\s+(?:service|use)|\baccount (?:is )?(?:suspended|banned|deactivated)|\baccess (?:was |has been )?terminated|access_terminated|\baccount[^\n]{0,40}flagged for (?:potential )?abuse/i,
        },
        kind: 'suspended',
        ...t.suspended,
    },
    {
        id: 'msg.region',
        match: {
            message: /(?:not (?:available|supported)|unavailable) in your (?:country|region|location|territory)|unsupported[_ ]country|country, region,? or territory|location is not supported|(?:country|region) (?:is )?not supported/i,
        },
        kind: 'region_blocked',
        ...t.regionBlocked,
    },
    {
        id: 'msg.verification',
        match: {
            message: /must be verified|verify (?:your |the )?(?:organi[sz]ation|identity|phone|account|email)|verification (?:is )?required|complete (?:the )?verification|unverified (?:organi[sz]ation|account)/i,
        },
        kind: 'verification_required',
        ...t.verificationRequired,
    },
    {
        id: 'msg.content-policy',
        match: {
            message: /content (?:management )?polic|safety system|content[_ ]filter|flagged (?:as|for|by)|input was flagged|moderation|prohibited content|violat\w* (?:our |the )?usage polic|responsible ?ai|blocked by (?:our |the )?safety/i,
        },
        kind: 'content_policy',
        ...t.contentPolicy,
    },
    {
        id: 'msg.invalid-key',
        match: {
            message: /invalid[_ ](?:api[_ -]?|subscription |x-api-)?key|incorrect api key|api[_ -]?key (?:is )?(?:invalid|not valid|expired|revoked|disabled|not found)|invalid (?:authentication|credentials|bearer|access token)|authentication fail|no auth credentials|missing (?:an? )?(?:api[_ ]?)?key|unauthenticated|key (?:has been |was )?(?:revoked|deleted)/i,
        },
        kind: 'invalid_key',
        ...t.invalidKey,
    },
    {
        id: 'msg.overloaded',
        match: {
            message: /overload|over capacity|at capacity|capacity (?:exceeded|constraint|limit reached)|high demand|server is busy|servers? (?:are|is) (?:currently )?busy|^slow down\b|experiencing (?:high|heavy|unusual) (?:load|traffic|demand)|rate-limited upstream/i,
        },
        kind: 'overloaded',
        ...t.overloaded,
    },
    {
        id: 'msg.rate-limit',
        match: {
            message: /rate[- ]?limit|too many (?:requests|tokens)|throttl|(?:requests?|tokens?|queries) per (?:min|minute|second|day|hour)|daily (?:request |token |usage )?(?:limit|quota|cap)/i,
        },
        kind: 'rate_limited',
        ...t.rateLimited,
    },
    {
        id: 'msg.quota',
        match: {
            message: /insufficient (?:balance|credits?|funds|quota)|credit balance (?:is )?too low|(?:out of|no remaining|used all (?:available |your )?|run out of|any) credits?\b|(?:purchase|buy|add) (?:more )?credits|credit limit|spending limit|spend(?:ing)? cap|monthly (?:usage |spend(?:ing)? |token )?(?:limit|quota)|usage limits?\b|exceeded your (?:current )?quota|quota (?:has been )?(?:exceeded|exhausted|used up)|balance (?:is )?(?:insufficient|too low|exhausted|negative)|trial (?:has )?(?:ended|expired)|payment required|budget (?:has been )?exceeded|exceeded (?:your |the )?budget/i,
        },
        kind: 'quota_exhausted',
        ...t.quotaExhausted,
    },
    {
        id: 'msg.billing',
        match: {
            message: /billing (?:account )?(?:is )?(?:not active|inactive|disabled|not (?:set ?up|enabled|linked|configured))|payment (?:method )?(?:was |has been |is )?(?:failed|declined|rejected|invalid|issue)|card (?:was |has been )?declined|card (?:has )?expired|past due|unpaid invoice|enable billing|link (?:a )?billing|billing details|\baccount (?:is |has )?(?:inactive|not active|expired)/i,
        },
        kind: 'billing',
        ...t.billing,
    },
    {
        id: 'msg.model',
        match: {
            message: /\b(?:models?|deployment)\b[^\n]{0,120}(?:does not exist|doesn't exist|not found|is not (?:available|supported|found)|no longer (?:available|supported)|has been (?:deprecated|decommissioned|retired|removed)|do(?:es)? not have access)|not a valid model|invalid model|unknown model|no endpoints found|unable to access model|model[_ ]not[_ ](?:found|exist)|model not exist|(?:not allowed|no access|not have access) to (?:sample from |use |access )?(?:this |the )?model|(?:does not|doesn't|do not) have access to (?:claude|gpt|gemini|llama|grok|mistral|o\d)/i,
        },
        kind: 'model_access',
        ...t.modelAccess,
    },
    {
        id: 'msg.plan-gated',
        match: {
            message: /(?:is|are) (?:only )?available (?:only )?(?:on|to|for) (?:paid|pro|enterprise|higher)|requires? (?:a )?(?:paid|pro|higher|upgraded) (?:plan|tier|account|subscription)|not (?:available|included) (?:on|in) your (?:current )?(?:plan|tier)/i,
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
            message: /maintenance|service (?:is )?(?:temporarily )?unavailable|bad gateway|gateway time-?out|internal (?:server )?error|upstream (?:connect )?error|server (?:had|experienced) an error|no (?:allowed )?providers? (?:are )?available/i,
        },
        kind: 'outage',
        ...t.outage,
    },
    {
        id: 'msg.permission',
        match: {
            statusRange: [401, 403],
            message: /permission|not allowed|forbidden|access denied|not authori[sz]ed|insufficient (?:scope|privilege)s?|missing scopes?|ip (?:address )?(?:is )?not (?:authori[sz]ed|allowed)|member of an organi[sz]ation/i,
        },
        kind: 'permission',
        ...t.permission,
    },
];
