// Shared pieces of the benchmark: statistics, temporary configs, the fake provider in its own process,
// timed child processes and /proc readings. Everything here binds or talks to 127.0.0.1 only.
import {spawn, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = path.join(root, 'dist/cli.js');
export const benchDir = path.join(root, 'scripts/bench');

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

export function median(values) {
	const sorted = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
	const sorted = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const fmtMs = ms => (Number.isFinite(ms) ? (ms >= 100 ? `${Math.round(ms)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`) : 'n/a');
export const fmtMiB = bytes => (Number.isFinite(bytes) ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : 'n/a');

/** An environment without provider keys, colour overrides or NODE_OPTIONS from the caller's shell. */
export function cleanEnv(extra = {}) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/API_KEY|_ENDPOINT$|^NODE_OPTIONS$|^VITEST|^NO_COLOR$|^FORCE_COLOR$|^KEYWATCH_|^TMUX/.test(k)) continue;
		env[k] = v;
	}
	return {...env, ...extra};
}

/** A config folder (0700, config.json 0600) with `count` healthy OpenAI keys pointed at the fake provider. */
export function writeConfig(fakeUrl, count, {prefix = 'bench'} = {}) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'kw-bench-'));
	chmodSync(dir, 0o700);
	const width = String(count).length;
	const keys = Array.from({length: count}, (_, i) => {
		const n = String(i + 1).padStart(Math.max(3, width), '0');
		return {
			name: `${prefix}-${n}`,
			provider: 'openai',
			secret: {type: 'value', value: `sk-test-healthy-${prefix}${n}-0123456789`},
			baseUrl: `${fakeUrl}/openai/v1`,
		};
	});
	const file = path.join(dir, 'config.json');
	writeFileSync(file, `${JSON.stringify({keys}, null, 2)}\n`, {mode: 0o600});
	chmodSync(file, 0o600);
	return {dir, keys, remove: () => rmSync(dir, {recursive: true, force: true})};
}

/** `keywatch simulate` in its own process, so the fake's work never lands on the measured process. */
export async function startFakeProcess() {
	const child = spawn(process.execPath, [cliPath, 'simulate', '--port', '0'], {env: cleanEnv(), stdio: ['ignore', 'pipe', 'inherit']});
	let text = '';
	const url = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the fake provider did not start: ${text}`)), 20_000);
		child.stdout.setEncoding('utf8').on('data', chunk => {
			text += chunk;
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
		child.once('exit', code => reject(new Error(`the fake provider exited (${code}): ${text}`)));
	});
	child.stdout.resume();
	return {
		url,
		pid: child.pid,
		/** The fake's log (the last 1000 requests), without the control calls. */
		async requests() {
			const res = await fetch(`${url}/_fake/requests`);
			const body = await res.json();
			const list = Array.isArray(body) ? body : (body.requests ?? []);
			return list.filter(r => r.provider !== '_fake');
		},
		async close() {
			if (child.exitCode !== null) return;
			const exited = new Promise(resolve => child.once('exit', resolve));
			child.kill('SIGTERM');
			await Promise.race([exited, sleep(3000)]);
			if (child.exitCode === null) child.kill('SIGKILL');
		},
	};
}

const hasGnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%e', 'true']).status === 0;

/**
 * Run a command to completion and time it from spawn to exit. With GNU time available, also the child's CPU
 * (user+sys) and peak RSS; `/usr/bin/time` itself costs about a millisecond and is the same on both sides.
 */
export function timedRun(command, args, {env, cwd = root, input} = {}) {
	const stats = path.join(os.tmpdir(), `kw-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
	const [file, argv] = hasGnuTime ? ['/usr/bin/time', ['-o', stats, '-f', '%e %U %S %M', command, ...args]] : [command, args];
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(file, argv, {env, cwd, stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', d => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', d => (stderr += d));
		child.on('error', reject);
		child.on('close', code => {
			const wallMs = performance.now() - started;
			let cpuMs = Number.NaN;
			let maxRssKiB = Number.NaN;
			if (hasGnuTime && existsSync(stats)) {
				const [, user, sys, rss] = readFileSync(stats, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
				cpuMs = (user + sys) * 1000;
				maxRssKiB = rss;
				rmSync(stats, {force: true});
			}
			resolve({code, wallMs, cpuMs, maxRssKiB, stdout, stderr});
		});
		child.stdin.end(input ?? '');
	});
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).stdout.trim()) || 100;

/** utime+stime of a process, in ms (resolution 1/CLK_TCK s). */
export function cpuTimeMs(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name may hold spaces and parentheses: fields are counted after the last ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** VmRSS and VmHWM from /proc/PID/status, in bytes. */
export function memoryOf(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const field = name => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
	return {rss: field('VmRSS'), hwm: field('VmHWM')};
}

/** Run a helper script in its own Node process and parse the last line of its stdout as JSON. */
export async function runJsonScript(script, args = [], {nodeArgs = [], env = {}, timeoutMs = 300_000} = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...nodeArgs, path.join(benchDir, script), ...args], {
			env: cleanEnv({NODE_ENV: 'production', ...env}),
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', d => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', d => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', code => {
			clearTimeout(timer);
			const last = stdout.trim().split('\n').at(-1) ?? '';
			try {
				if (code !== 0) throw new Error(`exit ${code}`);
				resolve(JSON.parse(last));
			} catch (error) {
				reject(new Error(`${script} failed (${error.message}):\n${stderr.slice(-4000)}\n${stdout.slice(-2000)}`));
			}
		});
	});
}
