/**
 * The proxy's public layout: `/<prefix><sdkPath>` mirrors each provider's SDK base URL, so an app changes
 * only the origin and first segment. `sdkPath` is what a key's base URL ends with by convention
 * (OpenAI-style bases include `/v1`, Anthropic's and DeepSeek's have none). Same layout as the fake provider.
 */
export const PROXY_ROUTES = {
    openai: { prefix: 'openai', sdkPath: '/v1' },
    anthropic: { prefix: 'anthropic', sdkPath: '' },
    gemini: { prefix: 'gemini', sdkPath: '/v1beta' },
    openrouter: { prefix: 'openrouter', sdkPath: '/api/v1' },
    groq: { prefix: 'groq', sdkPath: '/openai/v1' },
    mistral: { prefix: 'mistral', sdkPath: '/v1' },
    deepseek: { prefix: 'deepseek', sdkPath: '' },
    xai: { prefix: 'xai', sdkPath: '/v1' },
    azure_openai: { prefix: 'azure', sdkPath: '' },
    together: { prefix: 'together', sdkPath: '/v1' },
    openai_compatible: { prefix: 'compat', sdkPath: '/v1' },
};
const byPrefix = new Map(Object.entries(PROXY_ROUTES).map(([id, route]) => [route.prefix, id]));
/** `/openai/v1` etc.: append to the proxy's origin to get an SDK base URL. */
export function proxyBasePath(provider) {
    const route = PROXY_ROUTES[provider];
    return `/${route.prefix}${route.sdkPath}`;
}
/** `/openai/v1/chat/completions?x=1` → openai, `/v1/chat/completions`, `?x=1`. Undefined for unknown prefixes. */
export function matchRoute(rawUrl) {
    const queryAt = rawUrl.indexOf('?');
    const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = queryAt === -1 ? '' : rawUrl.slice(queryAt);
    if (!pathname.startsWith('/'))
        return undefined;
    const slash = pathname.indexOf('/', 1);
    const first = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
    const provider = byPrefix.get(first);
    if (!provider)
        return undefined;
    const path = slash === -1 ? '' : pathname.slice(slash);
    // Dot segments would let a client climb out of the key's base path (`/openai/v1/../../x`).
    if (/(^|\/)\.\.?(\/|$)/.test(path) || /%2e/i.test(path))
        return undefined;
    return { provider, path, query };
}
function startsWithSegment(path, head) {
    return path === head || path.startsWith(`${head}/`);
}
/**
 * The upstream URL for a route and the active key's base URL. The client's path normally repeats the SDK
 * path the base already ends with (`/v1/chat/completions` onto `https://api.openai.com/v1`); a client that
 * uses another version (`/v1/...` for Gemini) replaces it.
 */
export function upstreamUrl(route, keyBaseUrl) {
    let base = keyBaseUrl.replace(/\/+$/, '');
    // Azure endpoints are configured with or without `/openai`; its SDK adds `/openai/deployments/…` itself.
    if (route.provider === 'azure_openai')
        base = base.replace(/\/openai$/i, '');
    const { sdkPath } = PROXY_ROUTES[route.provider];
    let path = route.path;
    if (sdkPath && startsWithSegment(path, sdkPath)) {
        path = path.slice(sdkPath.length);
        return `${base}${path}${route.query}`;
    }
    if (sdkPath && base.endsWith(sdkPath))
        return `${base.slice(0, -sdkPath.length)}${path}${route.query}`;
    return `${base}${path}${route.query}`;
}
