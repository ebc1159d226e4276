import { pick, splitHeaderValues } from './header.js';
/**
 * A non-negative safe integer (`"5000"`), or undefined for anything else: `-1` (Azure's "unknown"
 * sentinel), decimals, exponents, 25-digit numbers, text, empty. Repeated values: the smallest, so
 * headroom is never overstated.
 */
export function parseCount(value) {
    return pick(splitHeaderValues(value).map(parseOne), 'min');
}
function parseOne(text) {
    if (!/^\d{1,16}$/.test(text))
        return undefined;
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : undefined;
}
/**
 * A non-negative finite amount of money or tokens from a JSON number or a decimal string
 * (`"110.00"`, DeepSeek). Negative, non-finite, exponent and text forms are undefined.
 */
export function parseAmount(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? value : undefined;
    if (typeof value !== 'string')
        return undefined;
    const text = value.trim();
    if (text.length > 40 || !/^\d+(?:\.\d+)?$/.test(text))
        return undefined;
    const n = Number(text);
    return Number.isFinite(n) ? n : undefined;
}
