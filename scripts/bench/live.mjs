// The live view as a user runs it, in a tmux pane, against the fake provider: its CPU while nothing is
// polled, and its resident memory once every key has a reading.
import {cleanEnv, cliPath, cpuTimeMs, memoryOf, sleep, writeConfig} from './lib.mjs';

const allOk = count => screen => new RegExp(`OK ${count}\\b`).test(screen);

/**
 * Idle CPU: `keywatch --interval 3600 --no-spend` on `keys` keys. Once every key shows OK (the first round is
 * spread over ~250 ms per key), read utime+stime from /proc over `windowMs`, and count the requests the fake
 * saw meanwhile (0 means nothing was polled during the window).
 */
export async function measureIdle(tmux, fake, {keys = 50, windowMs = 15_000, env = {}, cols = 150, rows = 50} = {}) {
	const config = writeConfig(fake.url, keys);
	const run = tmux.start([process.execPath, cliPath, '--interval', '3600', '--no-spend'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: config.dir, ...env}), cols, rows});
	try {
		await tmux.waitForAsync(run, allOk(keys), {timeoutMs: 120_000});
		await sleep(2000);
		const pid = tmux.pid(run);
		const fromRequests = (await fake.requests()).length;
		const lastBefore = (await fake.requests()).at(-1)?.at ?? 0;
		const t0 = performance.now();
		const c0 = cpuTimeMs(pid);
		await sleep(windowMs);
		const c1 = cpuTimeMs(pid);
		const t1 = performance.now();
		const after = await fake.requests();
		const polled = after.filter(r => r.at > lastBefore).length;
		const memory = memoryOf(pid);
		return {keys, cols, rows, windowMs: t1 - t0, cpuMs: c1 - c0, cpuPercent: ((c1 - c0) / (t1 - t0)) * 100, polledDuringWindow: polled, logSize: fromRequests, ...memory};
	} finally {
		tmux.kill(run);
		config.remove();
	}
}

/**
 * Resident memory of the live view (`--no-spend`, the default 60 s interval) for each of `runs`
 * ([{id, keys, env}]): read when the header says every key is OK, plus two seconds. The runs go side by
 * side; a busy CPU slows them down but does not change what they hold.
 */
export async function measureMemory(tmux, fake, runs) {
	const configs = runs.map(r => writeConfig(fake.url, r.keys));
	const panes = runs.map((r, i) => tmux.start([process.execPath, cliPath, '--no-spend'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: configs[i].dir, ...r.env})}));
	try {
		return await Promise.all(
			runs.map(async (r, i) => {
				const started = performance.now();
				await tmux.waitForAsync(panes[i], allOk(r.keys), {timeoutMs: 180_000, everyMs: 500});
				const readyMs = performance.now() - started;
				await sleep(2000);
				return {id: r.id, keys: r.keys, readyMs, ...memoryOf(tmux.pid(panes[i]))};
			}),
		);
	} finally {
		for (const pane of panes) tmux.kill(pane);
		for (const config of configs) config.remove();
	}
}
