#!/usr/bin/env node
// The bin. It parses arguments and hands over; nothing here may import React, Ink or chalk statically:
// React 19's development build leaks memory on every render, so NODE_ENV must be "production" before
// React is first loaded, and chalk ignores NO_COLOR, so NO_COLOR becomes FORCE_COLOR=0 first.
import {existsSync} from 'node:fs';

process.env.NODE_ENV = 'production';
if (process.env.NO_COLOR && !process.argv.includes('--color')) process.env.FORCE_COLOR = '0';

// The build bundles the program into dist/bundle/ (scripts/bundle.mjs), which starts about twice as fast as
// loading hundreds of modules one by one (docs/bench.md). Without it, or with KEYWATCH_NO_BUNDLE=1 (to
// compare or to rule the bundler out), the modules tsc wrote are loaded instead.
const bundle = new URL('./bundle/', import.meta.url);
const bundled = !process.env.KEYWATCH_NO_BUNDLE && existsSync(new URL('keywatch.mjs', bundle));
const entry = (name: string, unbundled: string): string => (bundled ? new URL(`${name}.mjs`, bundle).href : unbundled);

// Crash handlers go in before the rest of the program loads, so even a failure while loading is scrubbed.
const {installCrashHandlers} = (await import(entry('crash', './app/crash.js'))) as typeof import('./app/crash.js');
installCrashHandlers();
const {runCli} = (await import(entry('keywatch', './main.js'))) as typeof import('./main.js');
process.exitCode = await runCli(process.argv.slice(2));
