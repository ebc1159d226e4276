// Polling overhead: `keywatch check --json --no-spend` on N keys against the fake provider (its own process)
// versus bare-undici.mjs replaying exactly the requests the fake saw from keywatch. Both are whole
// processes, timed from spawn to exit, run alternately; medians.
import {writeFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {benchDir, cleanEnv, cliPath, median, timedRun, writeConfig} from './lib.mjs';

function requestsSince(log, since) {
	return log.filter(r => r.at >= since);
}

/**
 * `variants`: [{id, env}] — the same check under different builds (bundled, unbundled). Returns per variant the
 * medians of wall time and CPU, the bare loop's, and the number of requests each side made.
 */
export async function measurePolling(fake, {keys = 200, runs = 7, variants = [{id: 'check', env: {}}]} = {}) {
	const config = writeConfig(fake.url, keys);
	const listFile = path.join(os.tmpdir(), `kw-bench-requests-${process.pid}.json`);
	const checkArgs = [cliPath, 'check', '--json', '--no-spend'];
	const envFor = variant => cleanEnv({KEYWATCH_CONFIG_DIR: config.dir, ...variant.env});
	try {
		// A first check tells which requests keywatch makes; the bare loop replays exactly those.
		const since = Date.now();
		const first = await timedRun(process.execPath, checkArgs, {env: envFor(variants[0])});
		if (first.code !== 0) throw new Error(`keywatch check exited ${first.code}: ${first.stderr.slice(0, 2000)}`);
		const made = requestsSince(await fake.requests(), since);
		const secrets = config.keys.map(k => k.secret.value);
		const list = made.map((r, i) => ({method: r.method, path: r.path, secret: secrets[i % secrets.length]}));
		writeFileSync(listFile, JSON.stringify(list));
		const bareArgs = [path.join(benchDir, 'bare-undici.mjs'), fake.url, listFile];
		const bareWarm = await timedRun(process.execPath, bareArgs, {env: cleanEnv()});
		if (bareWarm.code !== 0) throw new Error(`bare-undici exited ${bareWarm.code}: ${bareWarm.stderr.slice(0, 2000)}`);

		const samples = {bare: {wall: [], cpu: [], requests: []}};
		for (const v of variants) samples[v.id] = {wall: [], cpu: [], requests: []};
		const sample = async (id, args, env) => {
			const from = Date.now();
			const result = await timedRun(process.execPath, args, {env});
			if (result.code !== 0 && id === 'bare') throw new Error(`bare-undici exited ${result.code}`);
			samples[id].wall.push(result.wallMs);
			samples[id].cpu.push(result.cpuMs);
			samples[id].requests.push(requestsSince(await fake.requests(), from).length);
		};
		for (let i = 0; i < runs; i++) {
			// Alternate which side goes first, so neither always runs right after the other.
			const order = i % 2 === 0 ? ['bare', ...variants.map(v => v.id)] : [...variants.map(v => v.id), 'bare'];
			for (const id of order) {
				if (id === 'bare') await sample('bare', bareArgs, cleanEnv());
				else await sample(id, checkArgs, envFor(variants.find(v => v.id === id)));
			}
		}
		const summary = s => ({wallMs: median(s.wall), cpuMs: median(s.cpu), requests: median(s.requests), runs: s.wall.length});
		return {keys, requestsPerRun: list.length, methods: [...new Set(list.map(r => `${r.method} ${r.path}`))], ...Object.fromEntries(Object.entries(samples).map(([id, s]) => [id, summary(s)]))};
	} finally {
		rmSync(listFile, {force: true});
		config.remove();
	}
}
