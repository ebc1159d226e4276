// Header values arrive as a string, an array (repeated header, undici) or a comma-joined string
// (repeated header, node:http). Every parser here goes through these helpers.
/** Cap on one value's length: nothing a parser accepts is longer, and it keeps regexes cheap. */
export const MAX_VALUE_LENGTH = 128;
/** Each non-empty, trimmed value of a header; over-long values are dropped. */
export function headerValues(value) {
    if (value === undefined)
        return [];
    const list = typeof value === 'string' ? [value] : value;
    const out = [];
    for (const item of list) {
        if (typeof item !== 'string')
            continue;
        const trimmed = item.trim();
        if (trimmed.length > 0 && trimmed.length <= MAX_VALUE_LENGTH)
            out.push(trimmed);
    }
    return out;
}
/** Like headerValues, but also splits comma-joined repeats. Only for formats that never contain commas. */
export function splitHeaderValues(value) {
    return headerValues(value).flatMap(item => item.split(',').map(part => part.trim()).filter(Boolean));
}
/** Case-insensitive lookup in a header record. */
export function getHeader(headers, name) {
    const lower = name.toLowerCase();
    if (lower in headers)
        return headers[lower];
    for (const [key, value] of Object.entries(headers)) {
        if (key.toLowerCase() === lower)
            return value;
    }
    return undefined;
}
/** Pick one result from several valid ones (repeated headers); undefined when none is valid. */
export function pick(values, choose) {
    let best;
    for (const value of values) {
        if (value === undefined)
            continue;
        if (best === undefined || (choose === 'min' ? value < best : value > best))
            best = value;
    }
    return best;
}
