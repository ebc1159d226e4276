// Which modules the headless commands load: none of Ink, React or their renderer may be among them.
// Unbundled, a loaded file's path names its package; bundled, dist/bundle/packages.json (written by
// scripts/bundle.mjs from esbuild's metafile) says which packages each loaded chunk holds.
import {readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {benchDir, cleanEnv, cliPath, timedRun, writeConfig} from './lib.mjs';

const UI_PACKAGES = ['ink', 'react', 'react-reconciler', 'yoga-layout', 'scheduler', 'ink-testing-library'];
const packagePattern = new RegExp(`node_modules/(${UI_PACKAGES.join('|')})/`);

function uiPackagesIn(files) {
	const found = new Set();
	for (const file of files) {
		const match = packagePattern.exec(file);
		if (match) found.add(match[1]);
		if (file.includes('/dist/bundle/')) {
			const map = JSON.parse(readFileSync(path.join(path.dirname(file), 'packages.json'), 'utf8'));
			for (const pkg of map[path.basename(file)] ?? ['(not in packages.json)']) if (UI_PACKAGES.includes(pkg) || pkg.startsWith('(')) found.add(pkg);
		}
	}
	return [...found].sort();
}

export async function checkHeadless(fake, {env = {}} = {}) {
	const config = writeConfig(fake.url, 3);
	const explainInput = JSON.stringify({provider: 'openai', status: 401, headers: {}, body: '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}'});
	const commands = [
		{name: 'check --json', args: ['check', '--json', '--no-spend']},
		{name: 'explain', args: ['explain'], input: explainInput},
		{name: 'status --line', args: ['status', '--line']},
	];
	const results = [];
	try {
		for (const command of commands) {
			const trace = path.join(os.tmpdir(), `kw-bench-trace-${process.pid}-${results.length}`);
			const run = await timedRun(process.execPath, ['--import', path.join(benchDir, 'trace-loads.mjs'), cliPath, ...command.args], {
				env: cleanEnv({KEYWATCH_CONFIG_DIR: config.dir, KW_TRACE_FILE: trace, ...env}),
				input: command.input,
			});
			const files = [
				...new Set(
					readFileSync(trace, 'utf8')
						.split('\n')
						.filter(Boolean)
						.map(entry => (entry.startsWith('file:') ? fileURLToPath(entry) : entry))
						.filter(file => !file.startsWith('node:') && !file.includes('/scripts/bench/')),
				),
			];
			rmSync(trace, {force: true});
			results.push({command: command.name, code: run.code, files: files.length, bundled: files.some(f => f.includes('/dist/bundle/')), ui: uiPackagesIn(files)});
		}
	} finally {
		config.remove();
	}
	return results;
}
