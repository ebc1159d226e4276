// reliability-notes #51 (and TL;DR 1): React's development build records a PerformanceMeasure on every commit and
// never clears them, which is how days-long Ink dashboards die. The built bin must run React in production mode
// whatever NODE_ENV the user's shell has, bundled or not. The live view runs in a real terminal (tmux) with a
// preload that reports, at exit, NODE_ENV, how many measures piled up, and which React builds were loaded.

import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {cliPath, tempConfigDir} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';

type Report = {nodeEnv: string | undefined; measures: number; reactFiles: string[]};

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A preload that writes the report when the process exits. */
function probe(dir: string): {preload: string; report: string} {
	const preload = path.join(dir, 'probe.mjs');
	const report = path.join(dir, 'report.json');
	writeFileSync(
		preload,
		[
			"import {writeFileSync} from 'node:fs';",
			"import {createRequire} from 'node:module';",
			'const require = createRequire(import.meta.url);',
			"process.on('exit', () => {",
			// Only modules that ran: Node's ESM loader also parses (without running) the development file that
			// react's index.js names, to find its exports, and leaves it in the cache marked not loaded.
			"\tconst reactFiles = Object.entries(require.cache).filter(([file, module]) => module?.loaded && /node_modules[\\\\/](react|react-reconciler)[\\\\/]cjs[\\\\/]/.test(file)).map(([file]) => file);",
			`\twriteFileSync(${JSON.stringify(report)}, JSON.stringify({nodeEnv: process.env.NODE_ENV, measures: performance.getEntriesByType('measure').length, reactFiles}));`,
			'});',
		].join('\n'),
	);
	return {preload: pathToFileURL(preload).href, report};
}

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

describe('the built bin runs React in production mode', () => {
	it.each([
		['bundled', {}],
		['unbundled (KEYWATCH_NO_BUNDLE=1)', {KEYWATCH_NO_BUNDLE: '1'}],
	] as const)('%s, from a shell with NODE_ENV=development: no measures after a session of renders', {timeout: 60_000}, async (_name, extra) => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'keywatch-react-'));
		const {preload, report} = probe(dir);
		session = TmuxSession.start(`node --import ${preload} ${cliPath} --demo`, {cols: 120, rows: 40, env: {KEYWATCH_CONFIG_DIR: tempConfigDir(), NODE_ENV: 'development', ...extra}});
		await session.waitFor(screen => screen.includes('openai-prod') && screen.includes('DENIED'), 'the demo table with results');
		// Each key press is a React commit; in the development build each would leave measures behind.
		await session.press('j', 'j', 'Enter', 'Escape', 'k', '?', 'Escape');
		await session.waitFor(screen => screen.includes('openai-prod'), 'the table again');
		await session.press('q');
		const after = await session.waitFor(screen => screen.includes('[exit='), 'exit');
		expect(after).toContain('[exit=0]');
		const result = JSON.parse(readFileSync(report, 'utf8')) as Report;
		expect(result.nodeEnv).toBe('production');
		expect(result.measures).toBe(0);
		if ('KEYWATCH_NO_BUNDLE' in extra) {
			// Loaded from node_modules: only the production builds, of React and of Ink's reconciler.
			expect(result.reactFiles.some(file => /react-reconciler\.production/.test(file))).toBe(true);
			expect(result.reactFiles.some(file => /[\\/]react\.production/.test(file))).toBe(true);
			expect(result.reactFiles.filter(file => file.includes('development'))).toEqual([]);
		}
	});

	it('the probe can tell: an Ink app on the development build piles up measures with every commit', {timeout: 60_000}, () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'keywatch-react-'));
		const {preload, report} = probe(dir);
		const app = path.join(dir, 'dev-app.mjs');
		const from = (module: string) => pathToFileURL(path.join(root, 'node_modules', module)).href;
		writeFileSync(
			app,
			[
				`const React = (await import(${JSON.stringify(from('react/index.js'))})).default;`,
				`const {render, Text} = await import(${JSON.stringify(from('ink/build/index.js'))});`,
				"const {PassThrough} = await import('node:stream');",
				'const stdout = Object.assign(new PassThrough(), {columns: 80, rows: 24});',
				'stdout.resume();',
				'let set;',
				"function Counter() { const [n, setN] = React.useState(0); set = setN; return React.createElement(Text, null, 'n=' + n); }",
				'const instance = render(React.createElement(Counter), {stdout, patchConsole: false});',
				'for (let i = 1; i < 5; i++) { await new Promise(r => setTimeout(r, 20)); set(i); }',
				'await new Promise(r => setTimeout(r, 50));',
				'instance.unmount();',
			].join('\n'),
		);
		execFileSync(process.execPath, ['--import', preload, app], {env: {...process.env, NODE_ENV: 'development'}, stdio: 'ignore'});
		const result = JSON.parse(readFileSync(report, 'utf8')) as Report;
		expect(result.nodeEnv).toBe('development');
		expect(result.measures).toBeGreaterThan(0);
	});
});
