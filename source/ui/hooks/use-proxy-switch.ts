import {useMemo, useSyncExternalStore} from 'react';
import type {ProxySwitch} from '../../app/proxy-switch.js';
import type {ProxyControl} from '../proxy-view.js';

/** The control of the proxy P starts, re-read when it starts or stops; `fixed` when there is no switch. */
export function useProxySwitch(proxySwitch: ProxySwitch | undefined, fixed?: ProxyControl): ProxyControl | undefined {
	const store = useMemo(
		() => ({
			subscribe: (listener: () => void) => proxySwitch?.subscribe(listener) ?? (() => {}),
			get: () => (proxySwitch ? proxySwitch.control() : fixed),
		}),
		[proxySwitch, fixed],
	);
	return useSyncExternalStore(store.subscribe, store.get, store.get);
}
