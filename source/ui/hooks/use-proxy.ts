import {useMemo, useSyncExternalStore} from 'react';
import type {ProxyControl} from '../proxy-view.js';

/**
 * Re-renders when the proxy's active keys, backups or last failover change, and returns a number that
 * changes with them. The values themselves are read from the control while rendering.
 */
export function useProxy(proxy: ProxyControl | undefined): number {
	const store = useMemo(() => {
		let version = 0;
		return {
			subscribe: (listener: () => void) =>
				proxy
					? proxy.subscribe(() => {
							version += 1;
							listener();
						})
					: () => {},
			get: () => version,
		};
	}, [proxy]);
	return useSyncExternalStore(store.subscribe, store.get, store.get);
}
