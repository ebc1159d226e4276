// Bundles the built program (dist/main.js and dist/app/crash.js, after tsc) and its dependencies into
// dist/bundle/, which dist/cli.js loads when present. Loading ~700 separate modules was most of keywatch's
// start-up time (docs/bench.md has the figures before and after).
//
// - Code splitting keeps every `await import('./commands/…')` lazy: a headless command (check, explain,
//   status --line) never loads the chunk holding Ink and React. Shared code lands in chunk-*.mjs files.
// - Every output file sits directly in dist/bundle/, two levels below the package root like dist/serve/*.js,
//   so `new URL('../../package.json', import.meta.url)` still finds package.json.
// - NODE_ENV is fixed to "production" (React's development build leaks memory on every render).
// - react-devtools-core (only imported by Ink when DEV=true) is a stub; the native keyring stays external.
// - Bundled CommonJS (undici, conf's ajv, prom-client…) calls require(): a banner provides it per file.
import {renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const target = `${dist}bundle`;
// Built beside and swapped in, so a keywatch started during a rebuild sees the old bundle or none, never half.
const outdir = `${dist}bundle.tmp-${process.pid}`;

let esbuild;
try {
	esbuild = await import('esbuild');
} catch {
	// Without esbuild (a production install) the unbundled dist/main.js still works, only slower to start.
	console.warn('bundle: esbuild is not installed; dist/cli.js will load the unbundled dist/main.js');
	process.exit(0);
}

const stubDevtools = {
	name: 'stub-react-devtools-core',
	setup(build) {
		build.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		build.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};', loader: 'js'}));
	},
};

rmSync(outdir, {recursive: true, force: true});
const result = await esbuild.build({
	entryPoints: {keywatch: `${dist}main.js`, crash: `${dist}app/crash.js`},
	outdir,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	outExtension: {'.js': '.mjs'},
	chunkNames: 'chunk-[hash]',
	define: {'process.env.NODE_ENV': '"production"'},
	external: ['@napi-rs/keyring'],
	plugins: [stubDevtools],
	banner: {js: "import {createRequire as __keywatchCreateRequire} from 'node:module';\nconst require = __keywatchCreateRequire(import.meta.url);"},
	minifySyntax: true,
	minifyWhitespace: true,
	legalComments: 'none',
	metafile: true,
	logLevel: 'warning',
});

// Which packages each file holds: how the benchmark proves a headless command never loads Ink or React.
const packageOf = input => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? (input.startsWith('stub:') ? input : 'keywatch');
const packages = Object.fromEntries(
	Object.entries(result.metafile.outputs).map(([file, output]) => [path.basename(file), [...new Set(Object.keys(output.inputs).map(packageOf))].sort()]),
);
writeFileSync(`${outdir}/packages.json`, `${JSON.stringify(packages, null, '\t')}\n`);

const old = `${dist}bundle.old-${process.pid}`;
try {
	renameSync(target, old);
} catch {}
renameSync(outdir, target);
rmSync(old, {recursive: true, force: true});

const outputs = Object.entries(result.metafile.outputs);
const bytes = outputs.reduce((sum, [, o]) => sum + o.bytes, 0);
console.log(`bundle: ${outputs.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MiB in dist/bundle/`);
