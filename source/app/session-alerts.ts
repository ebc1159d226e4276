import {createAlerter, type Alerter} from '../alerts/alerter.js';
import {alertConfigSchema} from '../alerts/config.js';
import {sinksFromConfig} from '../alerts/sinks/from-config.js';
import type {AlertSink} from '../alerts/types.js';
import type {Session} from './session.js';

export type SessionAlerts = {
	alerter?: Alerter;
	/** The configured sinks, also where the proxy announces a failover. */
	sinks: AlertSink[];
	/** Set when the config's alerts section is invalid (alerts are then off, and the rest runs). */
	warning?: string;
	stop(): Promise<void>;
};

/**
 * The config's alert sinks watching the session's monitor: the live view, `serve` and `proxy` alert alike.
 * The demo never alerts (its keys are fake and flip on purpose).
 */
export function startSessionAlerts(session: Session): SessionAlerts {
	const {loaded, monitor} = session;
	const parsed = alertConfigSchema.safeParse(loaded.store.read().alerts ?? {});
	if (!parsed.success) return {sinks: [], warning: 'the alerts section of the config is invalid; alerts are off', stop: async () => {}};
	if (loaded.demo) return {sinks: [], stop: async () => {}};
	const sinks = sinksFromConfig(parsed.data);
	const alerter = createAlerter(monitor, parsed.data, sinks);
	return {alerter, sinks, stop: () => alerter.stop()};
}
