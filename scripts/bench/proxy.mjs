// The proxy's figures from its own measureProxyLatency() (source/proxy/bench.ts), when the build has it.
import {existsSync} from 'node:fs';

const url = new URL('../../dist/proxy/bench.js', import.meta.url);
if (!existsSync(url)) {
	process.stdout.write(`${JSON.stringify({missing: true})}\n`);
} else {
	const {measureProxyLatency} = await import(url.href);
	const result = await measureProxyLatency({requests: 300, streams: 200});
	process.stdout.write(`${JSON.stringify(result)}\n`);
}
