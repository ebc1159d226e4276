import {describe, expect, it} from 'vitest';
import {liveViewBlocker} from '../../source/commands/live.js';

describe('when bare keywatch runs the live view', () => {
	const tty = {isTTY: true};
	it.each<[string, Parameters<typeof liveViewBlocker>[0], ReturnType<typeof liveViewBlocker>]>([
		['both ends terminals', {stdout: tty, stdin: tty, env: {TERM: 'xterm-256color'}}, undefined],
		['no TERM at all', {stdout: tty, stdin: tty, env: {}}, undefined],
		['stdout piped', {stdout: {}, stdin: tty, env: {TERM: 'xterm'}}, 'no-terminal'],
		['stdin piped', {stdout: tty, stdin: {isTTY: false}, env: {TERM: 'xterm'}}, 'no-terminal'],
		['TERM=dumb (cannot move the cursor)', {stdout: tty, stdin: tty, env: {TERM: 'dumb'}}, 'dumb-terminal'],
	])('%s', (_what, ends, expected) => {
		expect(liveViewBlocker(ends)).toBe(expected);
	});
});
