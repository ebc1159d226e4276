// Render cost of one frame of the live view's table at several key counts. The snapshots are real: the
// monitor probes the fake provider (in this process, before any timing) with a mix of healthy, limited,
// invalid and out-of-quota keys. Each frame changes one key, the way a probe result does, notifies the
// subscribers and waits for Ink to write the frame; the time is from the notification to the write, and the
// process's CPU time over the same span (less disturbed by a busy machine).
// Run with NODE_ENV=production (the benchmark does), as the product does.
// Usage: node render.mjs 10,100,1000 [frames]
process.env.NODE_ENV = 'production';
// useMonitor renders at most every 100 ms (RENDER_EVERY_MS); its clock is moved on before each change so
// every change renders at once and what is timed is the render, not the wait.
const realNow = performance.now.bind(performance);
let skew = 0;
performance.now = () => realNow() + skew;
const sizes = (process.argv[2] ?? '10,100,1000').split(',').map(Number);
const frames = Number(process.argv[3] ?? 200);

const React = await import('react');
const {render} = await import('ink-testing-library');
const {App} = await import('../../dist/ui/components/App.js');
const {createMonitor} = await import('../../dist/monitor/monitor.js');
const {createTransport} = await import('../../dist/net/transport.js');
const {startFakeProvider} = await import('../../dist/fake/server.js');

const COLS = 150;
const ROWS = 50;

function scenarioFor(i) {
	if (i % 10 === 3) return 'limited';
	if (i % 17 === 5) return 'invalid';
	if (i % 23 === 7) return 'quota';
	return 'healthy';
}

async function realKeys(fake, count) {
	const keys = Array.from({length: count}, (_, i) => ({
		name: `key-${String(i + 1).padStart(4, '0')}`,
		provider: 'openai',
		secret: {type: 'value', value: `sk-test-${scenarioFor(i)}-render${String(i).padStart(5, '0')}`},
		baseUrl: fake.baseUrl('openai'),
	}));
	const transport = createTransport({timeoutMs: 10_000});
	const monitor = createMonitor({keys, transport, concurrency: 16});
	await monitor.checkOnce();
	await monitor.checkOnce();
	const snapshot = monitor.getSnapshot();
	await monitor.stop();
	await transport.close();
	return snapshot;
}

function fakeMonitor(initial) {
	let snapshot = initial;
	const listeners = new Set();
	return {
		getSnapshot: () => snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		probeNow() {},
		setPaused() {},
		async stop() {},
		history: () => undefined,
		/** One key's reading changes: a new key object in a new snapshot, then a notification. */
		change(i, now) {
			const keys = [...snapshot.keys];
			const index = i % keys.length;
			const key = keys[index];
			keys[index] = {...key, checkedAt: now, latencyMs: 100 + (i % 300)};
			snapshot = {...snapshot, keys};
			for (const listener of [...listeners]) listener();
		},
	};
}

const median = v => {
	const s = [...v].sort((a, b) => a - b);
	return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (v, p) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)];

const fake = await startFakeProvider();
const results = [];
try {
	for (const size of sizes) {
		const snapshot = await realKeys(fake, size);
		const monitor = fakeMonitor(snapshot);
		const now = Date.now();
		const clock = () => now;
		const mountStart = realNow();
		const ui = render(React.createElement(App, {monitor, intervalMs: 60_000, clock}));
		const mountMs = realNow() - mountStart;
		// ink-testing-library's stdout is 100 columns and has no rows; give it a real pane's size.
		Object.defineProperty(ui.stdout, 'columns', {value: COLS, configurable: true});
		Object.defineProperty(ui.stdout, 'rows', {value: ROWS, configurable: true});
		ui.stdout.emit('resize');
		await new Promise(resolve => setTimeout(resolve, 50));

		let written;
		const write = ui.stdout.write;
		ui.stdout.write = frame => {
			write(frame);
			written?.();
		};
		const times = [];
		const cpu = [];
		const warmup = 30;
		for (let i = 0; i < warmup + frames; i++) {
			const done = new Promise(resolve => (written = resolve));
			skew += 1000;
			const started = realNow();
			const cpuStarted = process.cpuUsage();
			monitor.change(i, now + i);
			await done;
			const used = process.cpuUsage(cpuStarted);
			if (i >= warmup) {
				times.push(realNow() - started);
				cpu.push((used.user + used.system) / 1000);
			}
		}
		const lines = (ui.lastFrame() ?? '').split('\n').length;
		ui.unmount();
		ui.cleanup();
		const statuses = {};
		for (const k of snapshot.keys) statuses[k.status] = (statuses[k.status] ?? 0) + 1;
		results.push({keys: size, frames, medianMs: median(times), p95Ms: pct(times, 95), cpuMedianMs: median(cpu), mountMs, lines, statuses});
	}
} finally {
	await fake.close();
}
process.stdout.write(`${JSON.stringify({cols: COLS, rows: ROWS, results})}\n`);
