import { useMemo, useSyncExternalStore } from 'react';
/** When the last alert fired, re-read whenever the alerter sends one. */
export function useLastAlert(alerts) {
    const store = useMemo(() => ({
        subscribe: (listener) => (alerts ? alerts.subscribe(() => listener()) : () => { }),
        get: () => alerts?.getLastAlertAt(),
    }), [alerts]);
    return useSyncExternalStore(store.subscribe, store.get, store.get);
}
