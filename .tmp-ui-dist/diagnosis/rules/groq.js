import * as t from './texts.js';
export const groqRules = [
    {
        id: 'groq.org-restricted',
        match: { message: /Organi[sz]ation has been restricted/i },
        kind: 'suspended',
        ...t.suspended,
        why: 'Groq restricted the organisation behind this key. A new key will not help.',
        fix: ['Contact Groq support (the message says to reach out if it was in error).', 'Check the organisation settings at {org}.'],
    },
    {
        id: 'groq.too-large',
        match: { status: 413, message: /per minute|TPM/i },
        kind: 'rate_limited',
        limit: 'tokens',
        window: 'minute',
        clears: 'needs_action',
        ...t.rateLimited,
        title: 'Request larger than the whole token limit',
        why: 'This one request asks for more tokens than the per-minute token limit allows at all (HTTP 413), so waiting will never let it through.',
        fix: ['Send a smaller request (shorter input, lower max_tokens).', 'Or raise the limit with a paid tier at {billing}.'],
    },
    {
        id: 'groq.flex-capacity',
        match: { status: 498 },
        kind: 'overloaded',
        ...t.overloaded,
        why: 'The Groq flex tier had no capacity for this request (HTTP 498). Not your limit.',
    },
    {
        id: 'groq.rate-limit',
        match: { typeOrCode: /^rate_limit_exceeded$/i },
        kind: 'rate_limited',
        ...t.rateLimited,
        why: 'The organisation is over a rate limit ({limit}). On Groq the x-ratelimit-*-requests headers count requests per DAY and the token headers tokens per minute.',
        fix: [
            'Wait for the reset; keywatch does not probe again before it.',
            'Check your limits at {limits}; daily caps (TPD, RPD) reset over the day, not the minute.',
            'A paid tier at {billing} raises the limits.',
        ],
    },
];
