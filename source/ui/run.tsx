import {render} from 'ink';
import type {ProxySwitch} from '../app/proxy-switch.js';
import type {MonitorApi} from '../monitor/types.js';
import {App} from './components/App.js';
import type {AlertsSource} from './hooks/use-last-alert.js';
import type {ProxyControl} from './proxy-view.js';

export type LiveViewOptions = {
	demo?: boolean;
	intervalMs: number;
	compact?: boolean;
	noColor?: boolean;
	/** Remote mode: the `serve` URL the monitor reads from, shown in the header. */
	remote?: string;
	/** Start-up warnings shown under the header. */
	warnings?: readonly string[];
	/** The alerter, for "last alert" in the header. */
	alerts?: AlertsSource;
	/** The proxy running in this process, for `a`, `b`, the active marker and requests per minute. */
	proxy?: ProxyControl;
	/** What P starts and stops (the proxy it runs takes the place of `proxy`). */
	proxySwitch?: ProxySwitch;
	/** Streams for tests; the process's own otherwise. */
	stdout?: NodeJS.WriteStream;
	stdin?: NodeJS.ReadStream;
	stderr?: NodeJS.WriteStream;
};

// Ink 6.8 has no alternateScreen option, so the live view switches screens itself and switches back on
// every way out: quit, Ctrl+C (a keymap command, since exitOnCtrlC is off), a render error, SIGTERM/SIGHUP.
// Home the cursor too: the alternate screen keeps the main screen's cursor row, and a frame started
// at the bottom would scroll.
export const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
export const LEAVE_ALT_SCREEN = '\u001B[?1049l';

const signals = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

/**
 * Run the interactive view until the user quits. Resolves 0 on quit (128+n after SIGTERM/SIGHUP),
 * rejects with the error that broke rendering. Stops the monitor on every path.
 */
export async function runLiveView(monitor: MonitorApi, options: LiveViewOptions): Promise<number> {
	const stdout = options.stdout ?? process.stdout;
	let left = false;
	const leave = () => {
		if (left) return;
		left = true;
		stdout.write(LEAVE_ALT_SCREEN);
	};
	let code = 0;
	let instance: ReturnType<typeof render> | undefined;
	const onSignal = (signal: keyof typeof signals) => () => {
		code = signals[signal];
		instance?.unmount();
	};
	const handlers = Object.keys(signals).map(name => [name, onSignal(name as keyof typeof signals)] as const);

	stdout.write(ENTER_ALT_SCREEN);
	process.once('exit', leave);
	for (const [name, handler] of handlers) process.once(name, handler);
	try {
		instance = render(
			<App
				monitor={monitor}
				demo={options.demo}
				intervalMs={options.intervalMs}
				compact={options.compact}
				noColor={options.noColor}
				remote={options.remote}
				warnings={options.warnings}
				alerts={options.alerts}
				proxy={options.proxy}
				proxySwitch={options.proxySwitch}
			/>,
			{
				stdout,
				stdin: options.stdin ?? process.stdin,
				stderr: options.stderr ?? process.stderr,
				maxFps: 10,
				exitOnCtrlC: false,
				patchConsole: false,
				// Ink 6.8's incremental mode moves the cursor up one line too few when a frame ends in a
				// newline (every frame shorter than the screen), so each update lands a line lower and the
				// screen scrolls. Fixed in Ink 7.0 (vadimdemedes/ink#910); until then, whole-frame rewrites.
				incrementalRendering: false,
			},
		);
		await instance.waitUntilExit();
		return code;
	} finally {
		instance?.unmount();
		leave();
		process.off('exit', leave);
		for (const [name, handler] of handlers) process.off(name, handler);
		// Best effort on the way out: a failing stop must not hide why the view ended.
		await Promise.resolve()
			.then(async () => monitor.stop())
			.catch(() => undefined);
	}
}
