export function replyError(res, status, type, message, extraHeaders = {}) {
    if (res.headersSent) {
        res.destroy();
        return;
    }
    const body = JSON.stringify({ error: { message: `keywatch proxy: ${message}`, type } });
    res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'x-keywatch-proxy': type,
        ...extraHeaders,
    });
    res.end(body);
}
