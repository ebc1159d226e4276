// The proxy's cost, measured in one run: added latency against calling the fake provider directly,
// and throughput with many concurrent streams. Called by the lead's benchmark script.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { startFakeProvider } from '../fake/server.js';
import { loadOrCreateToken } from './token.js';
import { startProxy } from './server.js';
const BENCH_SECRET = 'sk-test-healthy-bench-0001';
function percentile(sorted, p) {
    if (sorted.length === 0)
        return Number.NaN;
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[index];
}
function percentiles(samples) {
    const sorted = [...samples].sort((a, b) => a - b);
    return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) };
}
function round(value) {
    return Math.round(value * 1000) / 1000;
}
function sseEvent(i) {
    return `data: {"id":"bench","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"token ${String(i).padStart(6, '0')}"}}]}\n\n`;
}
/** A stand-in for a streaming chat completion (the fake provider does not stream). */
async function startStreamServer(events) {
    const payload = Array.from({ length: events }, (_, i) => sseEvent(i)).concat('data: [DONE]\n\n');
    const server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
            res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
            let i = 0;
            const next = () => {
                if (res.destroyed)
                    return;
                if (i >= payload.length) {
                    res.end();
                    return;
                }
                res.write(payload[i++]);
                setImmediate(next);
            };
            next();
        });
    });
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
    return { server, url: `http://127.0.0.1:${server.address().port}`, bytesPerStream: Buffer.byteLength(payload.join('')) };
}
async function timeRequest(client, url, token) {
    const started = performance.now();
    const res = await request(url, { headers: { authorization: `Bearer ${token}` }, dispatcher: client });
    await res.body.arrayBuffer();
    if (res.statusCode !== 200)
        throw new Error(`bench request answered ${res.statusCode}`);
    return performance.now() - started;
}
async function runStreams(client, url, token, count, events, bytesPerStream) {
    const started = performance.now();
    const sizes = await Promise.all(Array.from({ length: count }, async () => {
        const res = await request(url, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: '{"model":"bench","stream":true,"messages":[]}',
            dispatcher: client,
        });
        let size = 0;
        for await (const chunk of res.body)
            size += chunk.length;
        return size;
    }));
    const seconds = (performance.now() - started) / 1000;
    const complete = sizes.filter(size => size === bytesPerStream).length;
    const bytes = sizes.reduce((sum, size) => sum + size, 0);
    return {
        complete,
        seconds: round(seconds),
        streamsPerSecond: round(count / seconds),
        eventsPerSecond: round((complete * events) / seconds),
        mibPerSecond: round(bytes / seconds / (1024 * 1024)),
    };
}
/**
 * Starts the fake provider, a streaming upstream and the proxy on 127.0.0.1; interleaves direct and
 * proxied requests so both see the same machine state; then runs the concurrent streams both ways.
 */
export async function measureProxyLatency(options = {}) {
    const requests = options.requests ?? 300;
    const streams = options.streams ?? 200;
    const events = options.eventsPerStream ?? 50;
    const configDir = mkdtempSync(join(tmpdir(), 'kw-bench-'));
    const fake = await startFakeProvider();
    const stream = await startStreamServer(events);
    const keys = [
        { name: 'bench', provider: 'openai', secret: { type: 'env', name: 'KEYWATCH_BENCH' }, baseUrl: fake.baseUrl('openai') },
        { name: 'bench-stream', provider: 'openai_compatible', secret: { type: 'env', name: 'KEYWATCH_BENCH' }, baseUrl: `${stream.url}/v1` },
    ];
    const proxy = await startProxy({ configDir, port: 0, keys, resolveSecret: () => BENCH_SECRET });
    const token = loadOrCreateToken(configDir);
    const client = new Agent({ keepAliveTimeout: 30_000 });
    try {
        const directUrl = `${fake.baseUrl('openai')}/models`;
        const proxiedUrl = `${proxy.baseUrl('openai')}/models`;
        for (let i = 0; i < 20; i++) {
            await timeRequest(client, directUrl, BENCH_SECRET);
            await timeRequest(client, proxiedUrl, token);
        }
        const direct = [];
        const proxied = [];
        for (let i = 0; i < requests; i++) {
            // Alternate the order so neither side always runs on a warmer machine.
            if (i % 2 === 0) {
                direct.push(await timeRequest(client, directUrl, BENCH_SECRET));
                proxied.push(await timeRequest(client, proxiedUrl, token));
            }
            else {
                proxied.push(await timeRequest(client, proxiedUrl, token));
                direct.push(await timeRequest(client, directUrl, BENCH_SECRET));
            }
        }
        const d = percentiles(direct);
        const p = percentiles(proxied);
        const streamDirect = await runStreams(client, `${stream.url}/v1/chat/completions`, BENCH_SECRET, streams, events, stream.bytesPerStream);
        const streamProxied = await runStreams(client, `${proxy.baseUrl('openai_compatible')}/chat/completions`, token, streams, events, stream.bytesPerStream);
        return {
            requests,
            latencyMs: { direct: d, proxied: p, added: { p50: round(p.p50 - d.p50), p99: round(p.p99 - d.p99) } },
            streams: { concurrent: streams, eventsPerStream: events, proxied: streamProxied, direct: streamDirect },
        };
    }
    finally {
        await client.close();
        await proxy.close();
        await new Promise(resolve => {
            stream.server.close(() => resolve());
            stream.server.closeAllConnections();
        });
        await fake.close();
        rmSync(configDir, { recursive: true, force: true });
    }
}
