import { PassThrough } from 'node:stream';
function hasBody(req) {
    if (req.headers['transfer-encoding'] !== undefined)
        return true;
    const length = req.headers['content-length'];
    return length !== undefined && length !== '0';
}
function passOn(head, rest) {
    const pass = new PassThrough();
    for (const chunk of head)
        pass.write(chunk);
    rest.pipe(pass);
    return pass;
}
/** Rejects when the client goes away before its body ends. */
export function readRequestBody(req, cap) {
    if (!hasBody(req))
        return Promise.resolve({ kind: 'none' });
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap)
        return Promise.resolve({ kind: 'stream', stream: passOn([], req) });
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        const cleanup = () => {
            req.off('data', onData);
            req.off('end', onEnd);
            req.off('error', onError);
            req.off('close', onClose);
        };
        const onData = (chunk) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size > cap) {
                req.pause();
                cleanup();
                resolve({ kind: 'stream', stream: passOn(chunks, req) });
            }
        };
        const onEnd = () => {
            cleanup();
            resolve({ kind: 'buffer', bytes: Buffer.concat(chunks, size) });
        };
        const onError = (error) => {
            cleanup();
            reject(error);
        };
        const onClose = () => {
            if (req.complete)
                return;
            cleanup();
            reject(new Error('client closed the request before its body ended'));
        };
        req.on('data', onData);
        req.on('end', onEnd);
        req.on('error', onError);
        req.on('close', onClose);
    });
}
/**
 * The provider answered before taking the whole body (it refused the request early): cut that upstream
 * request so its socket is not reused, and drain the client's upload so the client's connection stays usable.
 */
export function settleUpload(req, body, cancelUpstream) {
    if (body.kind !== 'stream' || req.complete)
        return;
    cancelUpstream();
    req.unpipe();
    req.resume();
}
