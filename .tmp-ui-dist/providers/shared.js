/** The prompt of every headroom probe: one short word, so input cost is a handful of tokens. */
export const TINY_PROMPT = 'hi';
export function probe(kind, cost) {
    return { kind, spends: kind === 'headroom', cost };
}
/** The key's base URL (or the provider default) without trailing slashes; undefined when there is none. */
export function baseUrlOf(ctx, fallback) {
    const base = (ctx.key.baseUrl?.trim() || fallback).replace(/\/+$/, '');
    return base.length > 0 ? base : undefined;
}
export function joinUrl(base, path) {
    return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
/** The headroom model: the key's setting, else the provider's cheapest. */
export function modelOf(ctx, fallback) {
    return ctx.key.settings?.model?.trim() || fallback;
}
export function bearer(secret) {
    return { authorization: `Bearer ${secret}` };
}
export function getJson(url, headers) {
    return { method: 'GET', url, headers: { accept: 'application/json', ...headers } };
}
export function postJson(url, headers, body) {
    return { method: 'POST', url, headers: { accept: 'application/json', 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
/** An OpenAI-shaped chat request that can produce at most one output token. */
export function oneTokenChat(model) {
    return { ...(model ? { model } : {}), messages: [{ role: 'user', content: TINY_PROMPT }], max_tokens: 1 };
}
/** Start of the current calendar month in UTC, epoch ms: the window spend reports cover. */
export function monthStartUtc(now) {
    const date = new Date(now);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}
export function isSuccess(status) {
    return status !== null && status >= 200 && status < 300;
}
