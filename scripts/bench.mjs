// `npm run bench`: keywatch's costs, every figure measured in this one run, printed as a table and written
// to docs/bench.md (between the bench markers; text outside them is kept). Needs tmux and Linux /proc.
// Flags: --no-build (measure dist/ as it is), --quick (fewer runs, for trying the script out).
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {measureFirstFrames} from './bench/first-frame.mjs';
import {checkHeadless} from './bench/headless.mjs';
import {cleanEnv, cliPath, fmtMiB, fmtMs, root, runJsonScript, startFakeProcess, writeConfig} from './bench/lib.mjs';
import {measureIdle, measureMemory} from './bench/live.mjs';
import {measurePolling} from './bench/polling.mjs';
import {Tmux} from './bench/tmux.mjs';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const RUNS = quick ? 3 : 7;
const UNBUNDLED = {KEYWATCH_NO_BUNDLE: '1'};
const log = message => process.stderr.write(`bench: ${message}\n`);

if (!args.has('--no-build')) {
	log('npm run build');
	const build = spawnSync('npm', ['run', 'build'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']});
	if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(cliPath)) throw new Error('dist/cli.js is missing: run npm run build');
const bundled = existsSync(path.join(root, 'dist/bundle/keywatch.mjs'));

/** The hello-world bundled the way scripts/bundle.mjs bundles keywatch: the floor for a bundled Ink app. */
async function bundleHello() {
	let esbuild;
	try {
		esbuild = await import('esbuild');
	} catch {
		return undefined;
	}
	const outfile = path.join(root, '.bench/ink-hello.bundle.mjs');
	mkdirSync(path.dirname(outfile), {recursive: true});
	await esbuild.build({
		entryPoints: [path.join(root, 'scripts/bench/ink-hello.mjs')],
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		define: {'process.env.NODE_ENV': '"production"'},
		plugins: [
			{
				name: 'stub-react-devtools-core',
				setup(build) {
					build.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'x', namespace: 'stub'}));
					build.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};'}));
				},
			},
		],
		banner: {js: "import {createRequire as __c} from 'node:module';\nconst require = __c(import.meta.url);"},
		minifySyntax: true,
		minifyWhitespace: true,
		logLevel: 'error',
	});
	return outfile;
}

const gitCommit = () => {
	try {
		const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--', 'source'], {cwd: root, encoding: 'utf8'}).trim() ? ' + uncommitted changes' : '';
		return `${sha}${dirty}`;
	} catch {
		return 'unknown';
	}
};

const load = () => os.loadavg().map(n => n.toFixed(1)).join(' ');
const loadBefore = load();
const startedAt = new Date();
const fake = await startFakeProcess();
const tmux = new Tmux();
const r = {};
const failures = {};
/**
 * One section; it is tried twice (another build rewriting dist/ mid-run is the usual cause of a one-off
 * failure here), and a second failure is reported in its row instead of ending the run.
 */
async function section(name, what, fn) {
	log(what);
	for (let attempt = 1; attempt <= 2; attempt++) {
		try {
			r[name] = await fn();
			delete failures[name];
			return;
		} catch (error) {
			failures[name] = String(error?.message ?? error).split('\n')[0].slice(0, 300);
			log(`${name} failed (attempt ${attempt}): ${String(error?.stack ?? error).slice(0, 3000)}`);
		}
	}
}
try {
	await section('headless', 'headless commands: which modules they load', () => checkHeadless(fake));
	if (bundled) await section('headlessUnbundled', 'headless commands, unbundled', () => checkHeadless(fake, {env: UNBUNDLED}));

	await section('polling', `polling overhead: check on 200 keys vs a bare undici loop, ${RUNS} runs each`, () =>
		measurePolling(fake, {keys: 200, runs: RUNS, variants: [{id: 'check', env: {}}, ...(bundled ? [{id: 'checkUnbundled', env: UNBUNDLED}] : [])]}),
	);

	await section('firstFrame', `first frame in tmux, ${RUNS} runs each`, async () => {
		const helloBundle = await bundleHello();
		const config = writeConfig(fake.url, 10);
		const liveEnv = extra => cleanEnv({KEYWATCH_CONFIG_DIR: config.dir, ...extra});
		const row = screen => screen.includes('bench-001');
		const hello = screen => screen.includes('hello from ink');
		try {
			return measureFirstFrames(
				tmux,
				[
					{id: 'keywatch', argv: [process.execPath, cliPath, '--no-spend'], env: liveEnv({}), expect: row},
					...(bundled ? [{id: 'keywatchUnbundled', argv: [process.execPath, cliPath, '--no-spend'], env: liveEnv(UNBUNDLED), expect: row}] : []),
					{id: 'hello', argv: [process.execPath, path.join(root, 'scripts/bench/ink-hello.mjs')], env: cleanEnv({NODE_ENV: 'production'}), expect: hello},
					...(helloBundle ? [{id: 'helloBundled', argv: [process.execPath, helloBundle], env: cleanEnv({NODE_ENV: 'production'}), expect: hello}] : []),
				],
				{runs: RUNS},
			);
		} finally {
			config.remove();
		}
	});

	await section('render', 'render: one frame of the table at 10, 100 and 1,000 keys', () => runJsonScript('render.mjs', ['10,100,1000', quick ? '60' : '200']));

	await section('idle', 'idle cost: the live view with 50 keys between polls, 150×50 and 80×24 (about a minute)', async () => ({
		large: await measureIdle(tmux, fake, {keys: 50, windowMs: quick ? 10_000 : 15_000, cols: 150, rows: 50}),
		small: await measureIdle(tmux, fake, {keys: 50, windowMs: quick ? 10_000 : 15_000, cols: 80, rows: 24}),
	}));

	await section('memory', 'resident memory at 10, 200 and 2,000 keys (about a minute)', () =>
		measureMemory(tmux, fake, [
			{id: 'k10', keys: 10, env: {}},
			{id: 'k200', keys: 200, env: {}},
			{id: 'k2000', keys: 2000, env: {}},
			...(bundled ? [{id: 'k10Unbundled', keys: 10, env: UNBUNDLED}] : []),
		]),
	);

	await section('soak', 'soak: a simulated week of polls on 50 keys (about 30 s)', () =>
		runJsonScript('soak.mjs', ['50', quick ? '2' : '7', '60'], {nodeArgs: ['--expose-gc']}),
	);

	await section('proxy', 'proxy: added latency and 200 concurrent streams', () => runJsonScript('proxy.mjs'));
} finally {
	tmux.close();
	await fake.close();
}
const loadAfter = load();

// ---- the table ------------------------------------------------------------------------------------

const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const s = ms => `${(ms / 1000).toFixed(2)} s`;
const mem = id => r.memory?.find(m => m.id === id);
const rows = [];
const add = (figure, result, aim, how) => rows.push({figure, result, aim, how});
/** A row from its section's figures, or "failed" with the reason, or "not measured". */
function row(name, figure, aim, build) {
	if (failures[name]) return add(figure, `not measured: the run failed (${failures[name]})`, aim, '');
	if (!r[name]) return add(figure, 'not measured', aim, '');
	const [result, how] = build(r[name]);
	add(figure, result, aim, how);
}

row('polling', 'Polling overhead (200 keys)', '< 1.5×', p => [
	`\`check\` ${s(p.check.wallMs)} (CPU ${s(p.check.cpuMs)}) vs bare undici ${s(p.bare.wallMs)} (CPU ${s(p.bare.cpuMs)}): **${ratio(p.check.wallMs, p.bare.wallMs)}** wall, ${ratio(p.check.cpuMs, p.bare.cpuMs)} CPU`,
	`Whole processes, spawn to exit, median of ${p.check.runs} alternating runs. \`keywatch check --json --no-spend\` made ${p.requestsPerRun} requests (${p.methods.join(', ')}; counted at the fake provider's \`GET /_fake/requests\`); scripts/bench/bare-undici.mjs replays exactly those (${p.bare.requests} per run) with one undici Agent, 64 connections and 64 in flight — what a one-shot check of that many keys uses (source/app/session.ts) — reading every body. Fake provider in its own process. CPU = user+sys from GNU time.`,
]);
row('firstFrame', 'First frame', '< 400 ms', f => [
	`**${fmtMs(f.keywatch.wallMs)}** (CPU ${fmtMs(f.keywatch.cpuMs)}); Ink hello-world ${fmtMs(f.hello.wallMs)} (CPU ${fmtMs(f.hello.cpuMs)})${f.helloBundled ? `, bundled ${fmtMs(f.helloBundled.wallMs)} (CPU ${fmtMs(f.helloBundled.cpuMs)})` : ''}`,
	`Real pty: a private tmux server; the pane's shell stamps the clock and execs \`keywatch --no-spend\` (10 keys, fake provider); capture-pane every ~4 ms until the first key's row shows. Median of ${f.keywatch.runs} interleaved runs after one warm-up. CPU = the process's utime+stime at that moment (/proc). Hello-world: scripts/bench/ink-hello.mjs (NODE_ENV=production, one \`<Text>\`), plain ESM and bundled like keywatch.`,
]);
row('render', 'Render one frame', '—', x => {
	const res = x.results;
	const at = n => res.find(y => y.keys === n);
	return [
		res.map(y => `${y.keys.toLocaleString('en')} keys ${fmtMs(y.medianMs)} (CPU ${fmtMs(y.cpuMedianMs)})`).join(' · ') + ` — ×${(at(1000).cpuMedianMs / at(10).cpuMedianMs).toFixed(1)} CPU for 100× the keys`,
		`\`App\` in ink-testing-library (production React), ${x.cols}×${x.rows} terminal, snapshots from the real monitor after two rounds against the fake (healthy, limited, invalid, quota keys). Per frame one key's reading changes and subscribers are notified; time (and CPU) to Ink's write; median of ${res[0].frames} frames after 30 warm-up. Only rows that fit are drawn (10 keys = 10 rows, 100+ keys = a full screen), so past one screen the cost barely grows; most of it is Ink turning the frame into text.`,
	];
});
row('idle', 'Idle CPU (50 keys)', '< 1%', ({large, small}) => [
	`**${large.cpuPercent.toFixed(1)}%** of a core in a 150×50 pane (${Math.round(large.cpuMs)} ms CPU in ${(large.windowMs / 1000).toFixed(1)} s), ${small.cpuPercent.toFixed(1)}% in 80×24; ${large.polledDuringWindow + small.polledDuringWindow} requests meanwhile`,
	'The live view in tmux, `--interval 3600 --no-spend`, after every key shows OK (+2 s); utime+stime from /proc/PID/stat before and after the window (10 ms ticks). Nothing is polled and no countdown runs, so the view redraws every 5 s (source/ui/tick.ts); each redraw is a whole Ink frame, so the cost grows with the pane.',
]);
row('memory', 'Resident memory (live view)', '—', m => {
	const runs = ['k10', 'k200', 'k2000'].map(mem);
	return [
		runs.map(x => `${x.keys.toLocaleString('en')} keys ${fmtMiB(x.rss)} (peak ${fmtMiB(x.hwm)})`).join(' · '),
		`VmRSS (peak VmHWM) from /proc/PID/status of \`keywatch --no-spend\` in tmux, default 60 s interval, once the header shows every key OK (+2 s; 2,000 keys took ${(mem('k2000').readyMs / 1000).toFixed(0)} s, the first round being spread over the interval). The runs go side by side.`,
	];
});
row('soak', 'Soak (50 keys, a simulated week)', 'flat', k => {
	const [hour, day, week] = k.marks;
	// The history's samples live in typed arrays, whose bytes Node counts as `external`, not in the heap.
	const held = m => m.heapUsed + m.external;
	return [
		`heap + external after GC: 1 h ${fmtMiB(held(hour))} → 1 day ${fmtMiB(held(day))} → ${week.label} ${fmtMiB(held(week))} (**week/day ${ratio(held(week), held(day))}**, week/hour ${ratio(held(week), held(hour))}); timers pending ${hour.pendingTimers} → ${week.pendingTimers}, ${k.pendingAfterStop} after stop; ${Math.round((held(week) - held(k.baseline)) / k.keys / 1024)} KiB per key once its history is full`,
		`node --expose-gc; process.memoryUsage() heapUsed + external (typed arrays); the real monitor, adapters and diagnosis with a fake clock (${k.intervalMs / 1000} s interval, headroom probes on) and a transport replaying answers recorded from the fake provider; keys move between healthy, low, limited, overloaded, key-echoing and invalid; ${week.requests.toLocaleString('en')} probes in ${k.seconds.toFixed(0)} s, a subscriber reading every snapshot. The per-key history holds a day of samples, so memory grows during day 1 by design and must be flat after.`,
	];
});
row('proxy', 'Proxy', 'a few ms', p =>
	p.missing
		? ['not measured', 'dist/proxy/bench.js is not in the build.']
		: [
				`added latency p50 **${fmtMs(p.latencyMs.added.p50)}**, p99 ${fmtMs(p.latencyMs.added.p99)} (p99 direct ${fmtMs(p.latencyMs.direct.p99)}, proxied ${fmtMs(p.latencyMs.proxied.p99)}); ${p.streams.concurrent} concurrent streams: ${p.streams.proxied.streamsPerSecond.toFixed(0)} streams/s, ${Math.round(p.streams.proxied.eventsPerSecond).toLocaleString('en')} events/s (direct ${p.streams.direct.streamsPerSecond.toFixed(0)} streams/s), ${p.streams.proxied.complete}/${p.streams.concurrent} complete`,
				`measureProxyLatency() (source/proxy/bench.ts): ${p.requests} sequential GET /models each way, direct to the fake and through the proxy, interleaved (added = proxied minus direct, per percentile); then ${p.streams.concurrent} streams of ${p.streams.eventsPerStream} SSE events at once, direct and proxied.`,
			],
);
row('headless', 'Headless commands load no UI', 'no Ink/React', h => [
	h.every(x => x.ui.length === 0)
		? `yes: ${h.map(x => `\`${x.command}\` ${x.files} files`).join(', ')}`
		: `**NO**: ${h.filter(x => x.ui.length).map(x => `${x.command} loads ${x.ui.join(', ')}`).join('; ')}`,
	'A module-load hook plus require.cache at exit (scripts/bench/trace-loads.mjs); bundle chunks are mapped to packages with dist/bundle/packages.json.',
]);

const beforeAfter = [];
if (bundled) {
	const f = r.firstFrame;
	const p = r.polling;
	const hu = r.headlessUnbundled;
	if (f) beforeAfter.push(['First frame (wall)', fmtMs(f.keywatchUnbundled.wallMs), fmtMs(f.keywatch.wallMs)], ['First frame (CPU)', fmtMs(f.keywatchUnbundled.cpuMs), fmtMs(f.keywatch.cpuMs)]);
	if (p) {
		beforeAfter.push(
			['`check` on 200 keys (wall)', s(p.checkUnbundled.wallMs), s(p.check.wallMs)],
			['`check` on 200 keys (CPU)', s(p.checkUnbundled.cpuMs), s(p.check.cpuMs)],
			['Polling overhead vs bare undici', ratio(p.checkUnbundled.wallMs, p.bare.wallMs), ratio(p.check.wallMs, p.bare.wallMs)],
		);
	}
	if (mem('k10Unbundled') && mem('k10')) beforeAfter.push(['Live view RSS, 10 keys', fmtMiB(mem('k10Unbundled').rss), fmtMiB(mem('k10').rss)]);
	if (hu && r.headless) beforeAfter.push(['Files loaded by `check --json`', String(hu[0].files), String(r.headless[0].files)]);
}

const escape = text => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = [
	'| Figure | Result | Aim | How it was measured |',
	'|---|---|---|---|',
	...rows.map(x => `| ${escape(x.figure)} | ${escape(x.result)} | ${escape(x.aim)} | ${escape(x.how)} |`),
].join('\n');
const baTable = beforeAfter.length
	? [
			'Bundling, measured in the same run (unbundled = `KEYWATCH_NO_BUNDLE=1`, which makes dist/cli.js load the modules tsc wrote):',
			'',
			'| | unbundled | bundled (shipped) |',
			'|---|---|---|',
			...beforeAfter.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
		].join('\n')
	: '(dist/bundle/ is missing: only the unbundled build was measured.)';
const context = `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${os.platform()} ${os.release()}; commit ${gitCommit()}; load average ${loadBefore} before, ${loadAfter} after (a shared machine: wall times move with load, CPU times much less).`;
const generated = `<!-- bench:start (written by npm run bench; edits inside are overwritten) -->\n${context}\n\n${table}\n\n${baTable}\n<!-- bench:end -->`;

const docPath = path.join(root, 'docs/bench.md');
mkdirSync(path.dirname(docPath), {recursive: true});
const previous = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
const marked = /<!-- bench:start[\s\S]*?<!-- bench:end -->/;
const doc = marked.test(previous) ? previous.replace(marked, () => generated) : `# keywatch benchmark\n\nRun \`npm run bench\` (Linux, tmux). Every figure below comes from one run.\n\n${generated}\n`;
writeFileSync(docPath, doc);
// The README keeps the latest table too (its Benchmark section has the same markers).
const readmePath = path.join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
if (marked.test(readme)) writeFileSync(readmePath, readme.replace(marked, () => generated));
mkdirSync(path.join(root, '.bench'), {recursive: true});
writeFileSync(path.join(root, '.bench/last.json'), `${JSON.stringify({...r, failures}, null, 2)}\n`);

process.stdout.write(`${context}\n\n${table}\n\n${baTable}\n\nWritten to docs/bench.md and README.md (raw figures in .bench/last.json).\n`);
