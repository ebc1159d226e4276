// The OpenAI dialect, spoken by OpenAI, Groq, Together, xAI, DeepSeek, Azure and compatible gateways:
// Bearer auth, GET /models, POST /chat/completions, and `x-ratelimit-{limit,remaining,reset}-*` headers.
import { getHeader, parseCount, parseResetDelay } from '../parse/index.js';
import { baseUrlOf, bearer, getJson, joinUrl, modelOf, oneTokenChat, postJson, probe } from './shared.js';
import { after, makeWindow, present } from './windows.js';
const families = [
    { id: 'requests', suffix: 'requests', limitKind: 'requests', window: 'requests' },
    { id: 'tokens', suffix: 'tokens', limitKind: 'tokens', window: 'tokens' },
    // Seen on OpenAI in 2025 beside the plain tokens family; measured like it.
    { id: 'tokens_usage_based', suffix: 'tokens_usage_based', limitKind: 'tokens', window: 'tokens' },
];
/** Windows from `x-ratelimit-limit-*`, `-remaining-*` and `-reset-*` (Go durations or bare seconds). */
export function openAiStyleWindows(headers, now, periods) {
    return present(families.map(family => makeWindow({
        id: family.id,
        limitKind: family.limitKind,
        period: periods[family.window],
        limit: parseCount(getHeader(headers, `x-ratelimit-limit-${family.suffix}`)),
        remaining: parseCount(getHeader(headers, `x-ratelimit-remaining-${family.suffix}`)),
        resetAt: after(now, parseResetDelay(getHeader(headers, `x-ratelimit-reset-${family.suffix}`))),
        source: 'headers',
    })));
}
/** An adapter for an OpenAI-dialect provider; providers differ only in what `config` says. */
export function createOpenAiStyleAdapter(config) {
    const probes = [
        probe('validity', config.costs.validity),
        ...(config.costs.headroom ? [probe('headroom', config.costs.headroom)] : []),
        ...(config.extra?.probes ?? []),
    ];
    const readWindows = config.windows ?? ((headers, now) => openAiStyleWindows(headers, now, config.periods));
    return {
        id: config.id,
        label: config.label,
        defaultBaseUrl: config.defaultBaseUrl,
        envVars: config.envVars,
        probes,
        blindSpots: config.blindSpots,
        request(kind, ctx) {
            const base = baseUrlOf(ctx, config.defaultBaseUrl);
            if (!base)
                return undefined;
            if (kind === 'validity')
                return getJson(joinUrl(base, config.validityPath ?? '/models'), bearer(ctx.secret));
            if (kind === 'headroom') {
                const model = modelOf(ctx, config.headroomModel);
                if (!config.costs.headroom || !model)
                    return undefined;
                return postJson(joinUrl(base, '/chat/completions'), bearer(ctx.secret), oneTokenChat(model));
            }
            return config.extra?.request(kind, ctx, base);
        },
        decode(kind, exchange, now) {
            const windows = readWindows(exchange.headers, now);
            const credit = config.extra?.credit(kind, exchange, now);
            return credit ? { windows, credit } : { windows };
        },
    };
}
