#!/usr/bin/env node
// The bin. It parses arguments and hands over; nothing here may import React, Ink or chalk statically:
// React 19's development build leaks memory on every render, so NODE_ENV must be "production" before
// React is first loaded, and chalk ignores NO_COLOR, so NO_COLOR becomes FORCE_COLOR=0 first.
process.env.NODE_ENV = 'production';
if (process.env.NO_COLOR && !process.argv.includes('--color'))
    process.env.FORCE_COLOR = '0';
const { installCrashHandlers } = await import('./app/crash.js');
installCrashHandlers();
const { runCli } = await import('./main.js');
process.exitCode = await runCli(process.argv.slice(2));
export {};
