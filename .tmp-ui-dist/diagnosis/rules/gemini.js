import * as t from './texts.js';
export const geminiRules = [
    {
        // Gemini's 429 reuses OpenAI's "You exceeded your current quota" wording for rate limits.
        id: 'gemini.quota-text',
        match: { message: /exceeded your current quota|Resource has been exhausted|Resource exhausted/i, notTag: 'google' },
        kind: 'rate_limited',
        ...t.rateLimited,
        why: "Google's quota for this project is used up ({limit}). Gemini limits are per project, not per key; per-minute limits reset at the next minute, daily ones at midnight Pacific time.",
        fix: [
            'Wait for the reset; keywatch does not probe again before it.',
            'See the project quotas at {limits}; if the model has no free quota, link billing ({billing}).',
        ],
    },
];
