import { ESCAPES_MESSAGE } from './fallbacks.js';
import { answerBody, answerHeaders, send } from './http.js';
const nginx502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const wrongShape = {
    object: 'list',
    data: 'unexpected',
    usage: 'many',
    error: { message: 7, type: [] },
    is_available: 'maybe',
    balance_infos: { currency: 7 },
    total_credits: 'lots',
    candidates: {},
    content: 42,
};
const badValues = {
    limit: ['abc', '1e309', '1234567890123456789012345', '-5'],
    remaining: ['-5', '1234567890123456789012345', 'abc', '1e309'],
    reset: ['soon', '-5s', '2025-02-30T25:61:00Z', '1e309'],
};
/** The same header names with values no parser should believe. */
export function badHeaders(names) {
    const out = { 'retry-after': 'soon' };
    const used = { limit: 0, remaining: 0, reset: 0 };
    for (const name of names) {
        const kind = /reset/i.test(name) ? 'reset' : /remaining/i.test(name) ? 'remaining' : 'limit';
        const list = badValues[kind];
        out[name] = list[used[kind]++ % list.length];
    }
    return out;
}
/** Write `pieces` in order, waiting on backpressure and stopping as soon as the client goes away. */
function stream(res, pieces) {
    let stopped = false;
    res.on('close', () => {
        stopped = true;
    });
    let index = 0;
    let left = pieces[0]?.count ?? 0;
    const pump = () => {
        while (!stopped) {
            const piece = pieces[index];
            if (!piece) {
                res.end();
                return;
            }
            if (left === 0) {
                index++;
                left = pieces[index]?.count ?? 0;
                continue;
            }
            left--;
            if (!res.write(piece.chunk)) {
                res.once('drain', pump);
                return;
            }
        }
    };
    pump();
}
function drip(res, answer, timers) {
    const body = Buffer.from(answerBody(answer));
    res.writeHead(answer.status, answerHeaders(answer, body.toString()));
    let sent = 0;
    const timer = setInterval(() => {
        if (res.destroyed || sent >= body.length) {
            clearInterval(timer);
            timers.delete(timer);
            if (!res.destroyed)
                res.end();
            return;
        }
        res.write(body.subarray(sent, sent + 1));
        sent++;
    }, 100);
    timers.add(timer);
    res.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
    });
}
export function runFault(fault, ctx, req, res, normal, tools) {
    const { decorate } = tools;
    switch (fault) {
        case 'hang':
            return;
        case 'stall_body': {
            const head = decorate({ status: 200 });
            res.writeHead(200, { 'content-type': 'application/json', ...head.headers });
            res.write('{"object":"list","data":[');
            return;
        }
        case 'drip':
            return drip(res, decorate(normal()), tools.timers);
        case 'reset':
            req.socket.resetAndDestroy();
            return;
        case 'html':
            return send(res, decorate({ status: 502, raw: nginx502, contentType: 'text/html' }));
        case 'not_json':
            return send(res, decorate({ status: 200, raw: 'upstream answered: OK (this is not JSON)' }));
        case 'truncated_json': {
            const whole = decorate(normal());
            const body = answerBody(whole);
            return send(res, { ...whole, json: undefined, raw: body.slice(0, Math.max(1, Math.floor(body.length / 2))) });
        }
        case 'wrong_shape':
            return send(res, decorate({ ...normal(), status: 200, json: wrongShape, raw: undefined }));
        case 'null_body':
            return send(res, decorate({ ...normal(), status: 200, raw: 'null' }));
        case 'deep_json': {
            const head = decorate({ status: 200 });
            res.writeHead(200, { 'content-type': 'application/json', ...head.headers });
            // 300,000 levels, written in 60,000-byte pieces so the fake never holds the document either.
            return stream(res, [
                { chunk: Buffer.alloc(60_000, '['), count: 5 },
                { chunk: Buffer.alloc(60_000, ']'), count: 5 },
            ]);
        }
        case 'huge_body': {
            const head = decorate({ status: 200 });
            res.writeHead(200, { 'content-type': 'application/json', ...head.headers });
            return stream(res, [
                { chunk: Buffer.from('{"data":"'), count: 1 },
                { chunk: Buffer.alloc(64 * 1024, 'a'), count: 1024 },
                { chunk: Buffer.from('"}'), count: 1 },
            ]);
        }
        case 'huge_header': {
            const answer = normal();
            return send(res, decorate({ ...answer, headers: { ...answer.headers, [ctx.module.requestIdHeader]: `req_${'x'.repeat(8188)}` } }));
        }
        case 'bad_headers': {
            const answer = normal();
            const names = Object.keys(ctx.module.rateHeaders(ctx));
            return send(res, decorate({ ...answer, headers: { ...answer.headers, ...badHeaders(names) } }));
        }
        case 'redirect': {
            const target = `${ctx.fakeUrl}/_fake/redirect-target?from=${encodeURIComponent(ctx.module.name)}`;
            return send(res, decorate({ status: 302, headers: { location: target }, json: { redirect: target } }));
        }
        case 'escapes':
            return send(res, decorate(ctx.module.error(400, ESCAPES_MESSAGE, ctx)));
    }
}
