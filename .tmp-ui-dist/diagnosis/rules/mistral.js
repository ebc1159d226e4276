import * as t from './texts.js';
export const mistralRules = [
    {
        id: 'mistral.month-exhausted',
        match: { exhausted: ['month'] },
        kind: 'quota_exhausted',
        ...t.quotaExhausted,
        title: 'Monthly token quota used up',
        why: 'The monthly token bucket is at zero (x-ratelimit-remaining-tokens-month: 0). Every request fails until the month resets or the limit is raised.',
        fix: [
            'Check the monthly limits at {limits} and raise them (or move to a paid plan at {billing}).',
            'Otherwise it clears at the start of next month.',
        ],
    },
    {
        id: 'mistral.gateway-401',
        match: { status: 401, tag: 'top_level_message', message: /^Unauthorized$/i },
        kind: 'unknown',
        candidates: ['permission', 'invalid_key'],
        ...t.unknown,
        title: 'Unauthorized (cause not given)',
        why: "Mistral's gateway answered a bare 401 {\"message\":\"Unauthorized\"}. It says this when the key is not enabled for the product it was sent to (for example Codestral, which needs its own activation) and when the key is wrong for that endpoint; the answer does not say which.",
        fix: [
            'If this key is for Codestral (codestral.mistral.ai), activate Codestral at {org} and use the key shown there.',
            'Otherwise check the key at {keys} and that it is sent to api.mistral.ai.',
        ],
    },
    {
        id: 'mistral.401',
        match: { status: 401 },
        kind: 'invalid_key',
        candidates: ['invalid_key', 'quota_exhausted'],
        ...t.invalidKey,
        why: 'Mistral answers the same 401 Unauthorized for a wrong or revoked key and for a valid key whose plan quota is used up, so it could be either.',
        fix: [
            'Tell them apart: open {usage} and {limits}. If the monthly quota is used up, that is the cause: raise it or wait for the month to reset.',
            'Otherwise check the key is listed at {keys} (and that billing is activated: keys stay inactive without a payment method).',
            'Create a new key if it was deleted, and update the secret keywatch reads.',
        ],
    },
    {
        id: 'mistral.monthly-limit',
        match: { status: 429, message: /month/i },
        kind: 'quota_exhausted',
        ...t.quotaExhausted,
        why: 'The monthly usage limit of the workspace is reached.',
    },
    { id: 'mistral.invalid-model', match: { typeOrCode: /^invalid_model$/i }, kind: 'model_access', ...t.modelAccess },
    {
        id: 'mistral.rate-limit',
        match: { status: 429 },
        kind: 'rate_limited',
        ...t.rateLimited,
        why: 'The workspace is over a rate limit ({limit}); Mistral counts requests per second and tokens per minute and per month.',
        stage: 'late',
    },
    {
        id: 'mistral.validation',
        match: { tag: 'fastapi_detail', type: 'validation_error' },
        kind: 'bad_request',
        ...t.badRequest,
        stage: 'late',
    },
];
