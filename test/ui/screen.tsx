import {EventEmitter} from 'node:events';
import {render} from 'ink';
import type {ReactElement} from 'react';
import stripAnsi from 'strip-ansi';

// ink-testing-library pins stdout at 100 columns; layouts are tested at 80, 120 and 200, and on resize,
// so this harness gives Ink a stdout of any size. Same shape otherwise: frames, lastFrame, stdin.write.

class Stdout extends EventEmitter {
	readonly frames: string[] = [];
	isTTY = true;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
}

class Stdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	pageDown: '\u001B[6~',
	enter: '\r',
	escape: '\u001B',
	ctrlC: '\u0003',
	backspace: '\u007F',
} as const;

export function renderScreen(tree: ReactElement, size: {columns: number; rows: number} = {columns: 100, rows: 30}) {
	const stdout = new Stdout(size.columns, size.rows);
	const stdin = new Stdin();
	const instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new Stdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const lastFrame = () => stripAnsi(stdout.frames.at(-1) ?? '');
	const screen = {
		stdout,
		stdin,
		lastFrame,
		/** The last frame with colour codes kept. */
		rawFrame: () => stdout.frames.at(-1) ?? '',
		lines: () => lastFrame().split('\n'),
		unmount: () => instance.unmount(),
		waitUntilExit: () => instance.waitUntilExit(),
		resize(columns: number, rows: number) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
		},
		/** Resolves with the frame once `predicate` holds; fails with the last frame after a bound. */
		async waitFor(predicate: (frame: string) => boolean, what = 'the expected screen'): Promise<string> {
			for (let attempt = 0; attempt < 300; attempt++) {
				const frame = lastFrame();
				if (predicate(frame)) return frame;
				await new Promise(resolve => setTimeout(resolve, 10));
			}
			throw new Error(`Timed out waiting for ${what}. Last frame:\n${lastFrame()}`);
		},
		/** Type keys one event at a time, each after the previous was handled. */
		async press(...sequence: string[]) {
			for (const key of sequence) {
				stdin.write(key);
				// Ink holds a lone ESC until the next tick to tell it from the start of a sequence.
				await new Promise(resolve => setImmediate(resolve));
				await new Promise(resolve => setImmediate(resolve));
			}
		},
	};
	return screen;
}
