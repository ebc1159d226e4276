// Soak: a simulated week of polls on 50 keys — the real monitor, adapters and diagnosis, a fake clock and a
// replaying transport — and the heap after a forced GC at one hour, one day and one week.
// The transport replays answers recorded from the fake provider (in this process, before the clock starts)
// for each scenario and request, so every probe goes through real decoding and diagnosis.
// Usage: node --expose-gc soak.mjs [keys] [days] [intervalSeconds]
import {startFakeProvider} from '../../dist/fake/server.js';
import {createMonitor} from '../../dist/monitor/monitor.js';
import {createTransport} from '../../dist/net/transport.js';

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const KEYS = Number(process.argv[2] ?? 50);
const DAYS = Number(process.argv[3] ?? 7);
const INTERVAL_MS = Number(process.argv[4] ?? 60) * 1000;
const HOUR = 3_600_000;
const SCENARIOS = ['healthy', 'low', 'limited', 'overloaded', 'invalid', 'quota', 'echo_key'];

class FakeClock {
	#now = Date.UTC(2026, 0, 5, 12, 0, 0);
	#seq = 0;
	timers = new Map();
	now = () => this.#now;
	setTimeout = (fn, ms) => {
		const id = ++this.#seq;
		this.timers.set(id, {id, at: this.#now + Math.max(0, ms), fn});
		return id;
	};
	clearTimeout = id => {
		this.timers.delete(id);
	};
	/** Run every timer due within `ms`, in order, letting promise chains settle after each. */
	async advance(ms) {
		const target = this.#now + ms;
		await flush();
		for (;;) {
			let next;
			for (const t of this.timers.values()) if (t.at <= target && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
			if (!next) break;
			this.timers.delete(next.id);
			this.#now = Math.max(this.#now, next.at);
			next.fn();
			await flush();
		}
		this.#now = target;
		await flush();
	}
}

// nextTick runs once the microtask queue is empty: every chain started by a timer has settled by then.
const flush = () => new Promise(resolve => process.nextTick(resolve));

const scenarioOfSecret = header => /sk-test-([a-z_]+)-/.exec(header ?? '')?.[1] ?? 'healthy';
const requestKey = (scenario, request) => `${scenario}|${request.method} ${new URL(request.url).pathname}`;

/** Answers the fake provider gives for each scenario and request, recorded through the real transport. */
async function record() {
	const fake = await startFakeProvider();
	const real = createTransport({timeoutMs: 5000});
	const answers = new Map();
	const recorder = {
		async send(request, provider, options) {
			const exchange = await real.send(request, provider, options);
			const auth = request.headers.authorization ?? request.headers['x-api-key'];
			answers.set(requestKey(scenarioOfSecret(auth), request), {status: exchange.status, headers: exchange.headers, body: exchange.body, network: exchange.network});
			return exchange;
		},
		close: async () => {},
	};
	const keys = SCENARIOS.map(s => ({name: `rec-${s}`, provider: 'openai', secret: {type: 'value', value: `sk-test-${s}-record0001`}, baseUrl: fake.baseUrl('openai')}));
	const monitor = createMonitor({keys, transport: recorder});
	await monitor.checkOnce();
	await monitor.stop();
	await real.close();
	await fake.close();
	return {answers, baseUrl: fake.baseUrl('openai')};
}

/** Which scenario key `n` (1-based) is in at time `at`: mostly healthy, with recurring trouble. */
function scenarioAt(n, at) {
	const hour = Math.floor(at / HOUR);
	if (n === KEYS) return 'invalid';
	if (n % 10 === 0 && hour % 6 === 0) return 'limited';
	if (n % 7 === 0 && hour % 5 === 0) return 'overloaded';
	if (n % 11 === 0 && hour % 24 < 2) return 'echo_key';
	if (n % 13 === 0) return 'low';
	return 'healthy';
}

function replaying(clock, answers) {
	const counts = {requests: 0, misses: 0};
	return {
		counts,
		async send(request, provider) {
			counts.requests++;
			const n = Number(/soak(\d+)/.exec(request.headers.authorization ?? '')?.[1] ?? 0);
			const scenario = scenarioAt(n, clock.now());
			const answer = answers.get(requestKey(scenario, request)) ?? answers.get(requestKey('healthy', request));
			if (!answer) {
				counts.misses++;
				return {provider, status: null, headers: {}, body: '', at: clock.now(), latencyMs: 0, network: {kind: 'other', message: 'no recorded answer'}};
			}
			return {provider, ...answer, at: clock.now(), latencyMs: 80};
		},
		close: async () => {},
	};
}

function heap() {
	globalThis.gc();
	globalThis.gc();
	const m = process.memoryUsage();
	return {heapUsed: m.heapUsed, rss: m.rss, external: m.external};
}

const {answers, baseUrl} = await record();
const clock = new FakeClock();
const transport = replaying(clock, answers);
const keys = Array.from({length: KEYS}, (_, i) => ({
	name: `soak-${String(i + 1).padStart(3, '0')}`,
	provider: 'openai',
	secret: {type: 'value', value: `sk-test-healthy-soak${String(i + 1).padStart(3, '0')}-abcdef`},
	// The recorded URL; nothing listens there any more, the transport answers from the recording.
	baseUrl,
}));
const monitor = createMonitor({keys, transport, clock, intervalMs: INTERVAL_MS});
// A subscriber that reads every snapshot, as the live view does.
let notifications = 0;
monitor.subscribe(() => {
	notifications++;
	monitor.getSnapshot();
});
const baseline = heap();
const started = performance.now();
monitor.start();
const marks = [];
const mark = label => marks.push({label, simulatedHours: (clock.now() - Date.UTC(2026, 0, 5, 12, 0, 0)) / HOUR, requests: transport.counts.requests, pendingTimers: clock.timers.size, ...heap()});
await clock.advance(HOUR);
mark('1 hour');
await clock.advance(23 * HOUR);
mark('1 day');
for (let day = 2; day <= DAYS; day++) await clock.advance(24 * HOUR);
mark(`${DAYS} days`);
const seconds = (performance.now() - started) / 1000;
const statuses = {};
for (const k of monitor.getSnapshot().keys) statuses[k.status] = (statuses[k.status] ?? 0) + 1;
await monitor.stop();
process.stdout.write(`${JSON.stringify({keys: KEYS, days: DAYS, intervalMs: INTERVAL_MS, recorded: answers.size, misses: transport.counts.misses, notifications, seconds, baseline, marks, statuses, pendingAfterStop: clock.timers.size})}\n`);
