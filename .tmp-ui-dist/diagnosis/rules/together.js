import * as t from './texts.js';
export const togetherRules = [
    {
        id: 'together.credit-limit',
        match: { message: /Credit limit exceeded|add credit/i },
        kind: 'quota_exhausted',
        ...t.quotaExhausted,
        why: 'The Together account is out of credit (or over its credit limit).',
        fix: ['Add credit or upgrade the plan at {billing}.', 'Then press R in keywatch to probe again.'],
    },
    {
        id: 'together.rate-limit',
        match: { message: /rate limit|rate limited/i },
        kind: 'rate_limited',
        ...t.rateLimited,
        why: 'The account is over a rate limit ({limit}). Some models have their own lower limits, and free accounts get about one request per second.',
        fix: ['Wait for the minute to pass.', 'See {limits}; a paid plan at {billing} raises the limits.'],
    },
    { id: 'together.402', match: { status: 402 }, kind: 'quota_exhausted', ...t.quotaExhausted, stage: 'late' },
];
