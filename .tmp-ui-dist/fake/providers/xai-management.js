// xAI management API (management-api.x.ai), prepaid credit for a team. Not in providers.md beyond
// "covers prepaid credit balance": paths and shapes follow docs.x.ai/developers/management-api as
// clients use it — GET /auth/management-keys/validation, GET /v1/billing/teams/{team}/prepaid/balance
// with `total.val` a string of NEGATED US cents ("-2500" is $25.00 left).
import { stableUuid, uuid } from '../formats.js';
import { json } from '../http.js';
import { bearer } from '../openai-like.js';
import { teamId } from './xai.js';
function mgmtError(status, message) {
    return json(status, { code: status === 401 ? 'Unauthenticated' : 'Internal', error: message });
}
function scenario(b, ctx) {
    if (b === 'invalid')
        return mgmtError(401, 'Invalid management key');
    if (b === 'echo_key')
        return mgmtError(401, `Invalid management key: ${ctx.key}`);
    return undefined;
}
function prepaidCents(ctx) {
    const start = ctx.scenario === 'quota' ? 0 : ctx.scenario === 'low' ? 150 : 2500;
    return Math.max(0, Math.round(start - ctx.state.spentUsd * 100));
}
export const xaiManagement = {
    name: 'xai_management',
    prefix: '/xai-management',
    windows: [{ id: 'requests', unit: 'requests', limit: 600, period: { rollingMs: 60_000 } }],
    limitedWindow: 'requests',
    requestIdHeader: 'x-request-id',
    newRequestId: () => uuid(),
    credential: headers => bearer(headers),
    missingCredential: () => mgmtError(401, 'Missing management key'),
    scenario,
    error: (status, message) => mgmtError(status, message),
    exhausted: () => mgmtError(429, 'Too many requests'),
    rateHeaders: () => ({}),
    notFound: () => mgmtError(404, 'Not found'),
    routes: [
        {
            method: 'GET',
            path: /^\/auth\/management-keys\/validation$/,
            probe: 'balance',
            handle: ctx => json(200, { apiKeyId: stableUuid(`xai-mgmt:${ctx.key}`), teamId: teamId(ctx.key), scope: 'SCOPE_TEAM', scopeId: teamId(ctx.key) }),
        },
        {
            method: 'GET',
            path: /^\/v1\/billing\/teams\/([^/]+)\/prepaid\/balance$/,
            probe: 'balance',
            handle(ctx) {
                const cents = prepaidCents(ctx);
                return json(200, {
                    changes: [{ changeOrigin: 'PURCHASE', amount: { val: '-2500' }, createTime: new Date(ctx.now - 7 * 86_400_000).toISOString(), id: uuid() }],
                    total: { val: String(-cents) },
                });
            },
        },
    ],
};
