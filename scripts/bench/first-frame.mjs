// Time to first frame in a real pseudo-terminal: from the exec of the process to the first capture of the
// tmux pane that shows the expected text. Also the CPU the process had used by then (/proc), which a busy
// machine disturbs far less than wall time.
import {cpuTimeMs, median} from './lib.mjs';

/**
 * `variants`: [{id, argv, env, expect(screen) → boolean}]. Runs are interleaved (A B C A B C …) so every
 * variant sees the same machine over the same minutes.
 */
export function measureFirstFrames(tmux, variants, {runs = 7, cols = 150, rows = 50} = {}) {
	const samples = Object.fromEntries(variants.map(v => [v.id, {wallMs: [], cpuMs: []}]));
	for (let i = 0; i < runs + 1; i++) {
		for (const variant of variants) {
			const run = tmux.start(variant.argv, {env: variant.env, cols, rows});
			try {
				const {at} = tmux.waitFor(run, variant.expect, {timeoutMs: 30_000, everyMs: 4});
				let cpu = Number.NaN;
				try {
					cpu = cpuTimeMs(tmux.pid(run));
				} catch {}
				const started = tmux.startedAt(run);
				// The first round warms the page cache and the tmux server; it is not counted.
				if (i > 0 && started !== undefined) {
					samples[variant.id].wallMs.push(at - started);
					samples[variant.id].cpuMs.push(cpu);
				}
			} finally {
				tmux.kill(run);
			}
		}
	}
	return Object.fromEntries(
		Object.entries(samples).map(([id, s]) => [id, {wallMs: median(s.wallMs), cpuMs: median(s.cpuMs), runs: s.wallMs.length, all: s.wallMs.map(Math.round)}]),
	);
}
