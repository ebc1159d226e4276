const maxRequestBody = 1024 * 1024;
/** The request body as JSON, or undefined when it is empty, too large or not JSON. */
export async function readJsonBody(req) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > maxRequestBody)
            return undefined;
        chunks.push(chunk);
    }
    if (size === 0)
        return undefined;
    try {
        return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    }
    catch {
        return undefined;
    }
}
export function answerBody(answer) {
    if (answer.raw !== undefined)
        return answer.raw;
    if (answer.json === undefined)
        return '';
    return JSON.stringify(answer.json);
}
export function answerHeaders(answer, body) {
    return {
        'content-type': answer.contentType ?? 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        ...answer.headers,
    };
}
export function send(res, answer) {
    if (res.destroyed || res.headersSent)
        return;
    const body = answerBody(answer);
    res.writeHead(answer.status, answerHeaders(answer, body));
    res.end(body);
}
export function json(status, value, headers) {
    return { status, json: value, headers };
}
/** Objects only; arrays and primitives give an empty record. */
export function record(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
export function str(value) {
    return typeof value === 'string' ? value : undefined;
}
/** The text of a chat-style request, for a rough token estimate (4 characters a token). */
export function estimateTokens(text, messages) {
    return Math.max(1, Math.ceil(text.length / 4) + 4 * messages + 3);
}
export function textOf(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(textOf).join(' ');
    const r = record(value);
    return textOf(r.content ?? r.text ?? r.parts ?? '');
}
