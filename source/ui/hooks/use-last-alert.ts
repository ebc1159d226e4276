import {useMemo, useSyncExternalStore} from 'react';

/** What the header needs from the alerter (source/alerts `Alerter` satisfies it). */
export type AlertsSource = {
	getLastAlertAt(): number | undefined;
	subscribe(listener: () => void): () => void;
};

/** When the last alert fired, re-read whenever the alerter sends one. */
export function useLastAlert(alerts: AlertsSource | undefined): number | undefined {
	const store = useMemo(
		() => ({
			subscribe: (listener: () => void) => (alerts ? alerts.subscribe(() => listener()) : () => {}),
			get: () => alerts?.getLastAlertAt(),
		}),
		[alerts],
	);
	return useSyncExternalStore(store.subscribe, store.get, store.get);
}
