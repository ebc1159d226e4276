import { request } from 'undici';
export class BodyTooLargeError extends Error {
}
function describeFailure(error, timeoutMs) {
    const err = error;
    const code = err.code ?? err.cause?.code;
    if (err.name === 'TimeoutError' || err.name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        return `timed out after ${timeoutMs / 1000} s`;
    }
    if (error instanceof BodyTooLargeError)
        return error.message;
    if (code === 'ECONNREFUSED')
        return 'connection refused';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return 'host not found';
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
        return 'connection reset';
    return code ? `${code}: ${err.message ?? ''}`.trim() : (err.message ?? 'request failed');
}
/** One request that always resolves: a status and capped body, or a short reason (never the URL). */
export async function httpCall(call) {
    const maxBytes = call.maxBytes ?? 64 * 1024;
    try {
        const response = await request(call.url, {
            method: call.method,
            headers: call.headers,
            body: call.body,
            headersTimeout: call.timeoutMs,
            bodyTimeout: call.timeoutMs,
            // bodyTimeout is an idle timer: a server dripping bytes would beat it, the deadline does not.
            signal: call.signal ? AbortSignal.any([AbortSignal.timeout(call.timeoutMs), call.signal]) : AbortSignal.timeout(call.timeoutMs),
            dispatcher: call.dispatcher,
            reset: call.closeConnection ?? false,
        });
        const chunks = [];
        let size = 0;
        for await (const chunk of response.body) {
            const buffer = chunk;
            size += buffer.length;
            if (size > maxBytes) {
                response.body.destroy();
                if (!call.truncate)
                    throw new BodyTooLargeError(`answer larger than ${maxBytes} bytes`);
                chunks.push(buffer.subarray(0, buffer.length - (size - maxBytes)));
                break;
            }
            chunks.push(buffer);
        }
        return { ok: true, status: response.statusCode, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers };
    }
    catch (error) {
        return { ok: false, error: describeFailure(error, call.timeoutMs) };
    }
}
