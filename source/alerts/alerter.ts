import {realClock, type Clock} from '../monitor/clock.js';
import type {MonitorApi} from '../monitor/types.js';
import type {AlertConfig} from './config.js';
import {dispatch} from './dispatch.js';
import {createAlertEngine, type AlertEngineOptions} from './engine.js';
import {sinksFromConfig} from './sinks/from-config.js';
import type {Alert, AlertSink, SinkResult} from './types.js';

export type Alerter = {
	/** When the last alert fired (epoch ms), for the header line. */
	getLastAlertAt(): number | undefined;
	getLastAlert(): Alert | undefined;
	/** Each sink's answer for the last alert. */
	getLastResults(): SinkResult[];
	/** Called after each alert has gone through every sink. */
	subscribe(listener: (alert: Alert, results: SinkResult[]) => void): () => void;
	/** Stop listening and wait for deliveries in flight. Does not stop the monitor. */
	stop(): Promise<void>;
};

export type AlerterOptions = Pick<AlertEngineOptions, 'groupWindowMs'> & {
	/** The monitor's clock, so grouped alerts fall due in the same time the readings are taken in (tests). */
	clock?: Clock;
	/** Time alone, when only the readings' times matter (default: the clock's). */
	now?: () => number;
};

/** Watches a monitor, turns its changes into alerts and sends them through the sinks. */
export function createAlerter(monitor: MonitorApi, config: AlertConfig, sinks?: AlertSink[], options: AlerterOptions = {}): Alerter {
	const targets = sinks ?? sinksFromConfig(config);
	const clock = options.clock ?? realClock;
	const now = options.now ?? (() => clock.now());
	const engine = createAlertEngine({
		cooldownMs: config.cooldownMinutes === undefined ? undefined : config.cooldownMinutes * 60_000,
		hysteresis: config.hysteresis,
		groupWindowMs: options.groupWindowMs,
		now,
	});
	const listeners = new Set<(alert: Alert, results: SinkResult[]) => void>();
	const inFlight = new Set<Promise<void>>();
	let lastAlert: Alert | undefined;
	let lastResults: SinkResult[] = [];
	let timer: unknown;
	let stopped = false;

	function send(alerts: Alert[]): void {
		for (const alert of alerts) {
			lastAlert = alert;
			const delivery = dispatch(alert, targets).then(results => {
				lastResults = results;
				for (const listener of listeners) listener(alert, results);
			});
			inFlight.add(delivery);
			void delivery.finally(() => inFlight.delete(delivery));
		}
	}

	// Grouped changes wait a few seconds for their siblings; a timer makes sure they go out without another update.
	function schedule(): void {
		if (timer !== undefined) clock.clearTimeout(timer);
		timer = undefined;
		const due = engine.nextDueAt();
		if (due === undefined || stopped) return;
		timer = clock.setTimeout(() => {
			timer = undefined;
			send(engine.flush());
			schedule();
		}, Math.max(0, due - now()));
		// A pending group must not keep a process alive that is otherwise done.
		(timer as {unref?: () => void}).unref?.();
	}

	function onChange(): void {
		if (stopped) return;
		send(engine.update(monitor.getSnapshot()));
		schedule();
	}

	const unsubscribe = monitor.subscribe(onChange);
	onChange();

	return {
		getLastAlertAt: () => lastAlert?.at,
		getLastAlert: () => lastAlert,
		getLastResults: () => lastResults,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async stop() {
			stopped = true;
			unsubscribe();
			if (timer !== undefined) clock.clearTimeout(timer);
			await Promise.all([...inFlight]);
		},
	};
}
