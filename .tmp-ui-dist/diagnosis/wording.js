// Turning a rule's text into the sentences a person reads: placeholders filled with the provider's
// pages, and a sentence that quotes the evidence.
import { sanitize } from '../secrets/scrub.js';
import { pageOf, pagesFor } from './pages.js';
const pageNames = ['keys', 'billing', 'limits', 'usage', 'status', 'console', 'org', 'docs'];
/** Replace {provider}, {limit} and page placeholders. Unknown placeholders stay as written. */
export function fill(text, provider, values = {}) {
    return text.replace(/\{(\w+)\}/g, (whole, name) => {
        if (name === 'provider')
            return pagesFor(provider).label;
        if (name === 'limit')
            return values.limit ?? 'which limit is not stated';
        if (pageNames.includes(name))
            return pageOf(provider, name);
        return whole;
    });
}
/** "644ms", "26s", "9m 38s", "1h 5m", "1d 0h". */
export function formatWait(seconds) {
    if (seconds < 1)
        return `${Math.round(seconds * 1000)}ms`;
    if (seconds < 60)
        return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1).replace(/\.0$/, '')}s`;
    const s = Math.round(seconds);
    if (s < 3600)
        return `${Math.floor(s / 60)}m ${s % 60}s`;
    if (s < 86_400)
        return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
    return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}
export function shorten(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
/** `OpenAI answered HTTP 429, code "insufficient_quota": "You exceeded your current quota…".` */
export function evidenceSentence(ctx) {
    const { error } = ctx.body;
    const label = pagesFor(ctx.provider).label;
    const who = label === 'the provider' ? 'The provider' : label;
    const parts = [];
    parts.push(ctx.httpStatus === null ? 'no HTTP status' : `HTTP ${ctx.httpStatus}`);
    if (error.type)
        parts.push(`type "${sanitize(error.type).slice(0, 80)}"`);
    if (error.code && error.code !== String(ctx.httpStatus))
        parts.push(`code "${sanitize(error.code).slice(0, 80)}"`);
    if (error.googleStatus)
        parts.push(`status ${error.googleStatus}`);
    if (error.detailCode)
        parts.push(`error_code "${sanitize(error.detailCode).slice(0, 80)}"`);
    if (error.reasons[0])
        parts.push(`reason ${sanitize(error.reasons[0]).slice(0, 80)}`);
    const quota = error.violations.map(v => v.quotaId).filter(Boolean)[0];
    if (quota)
        parts.push(`quota ${sanitize(quota).slice(0, 100)}`);
    const zero = ctx.exhausted.find(w => w.header)?.header;
    if (zero)
        parts.push(`${zero}: 0`);
    const provider = error.metadata?.provider_name;
    if (typeof provider === 'string')
        parts.push(`upstream ${sanitize(provider).slice(0, 60)}`);
    let sentence = `${who} answered ${parts.join(', ')}`;
    const message = quoteOf(ctx);
    if (message)
        sentence += `: "${message}"`;
    return `${sentence}.`;
}
function quoteOf(ctx) {
    const { body } = ctx;
    if (body.form === 'empty')
        return undefined;
    if (body.form === 'too_deep')
        return undefined;
    const raw = body.error.message ?? (body.text || undefined);
    if (!raw)
        return undefined;
    return shorten(sanitize(raw).replace(/\s+/g, ' ').trim(), 200).replace(/[.\s]+$/, '');
}
