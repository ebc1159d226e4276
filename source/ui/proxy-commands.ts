import {sanitize, stripControl} from '../secrets/scrub.js';
import type {KeyState} from '../types.js';
import type {CommandId} from './keymap.js';
import {providerLabel} from './key-view.js';
import type {ProxyControl} from './proxy-view.js';
import type {Notice} from './state.js';
import {statusText} from './theme.js';

export const PROXY_OFF = 'proxy is off: set settings.proxy.enabled in the config or run keywatch proxy';

export type ProxyCommandId = Extract<CommandId, 'key.activate' | 'key.backup'>;

function activate(proxy: ProxyControl, key: KeyState): string {
	const label = providerLabel(key.provider);
	const name = stripControl(key.name);
	if (proxy.active(key.provider) === key.name) return `${name} is already the active ${label} key`;
	proxy.setActive(key.provider, key.name);
	return `${name} is now the active ${label} key: the proxy uses it from the next request`;
}

function backup(proxy: ProxyControl, key: KeyState): string {
	const name = stripControl(key.name);
	const change = proxy.toggleBackup(key.name);
	const what = change.backup ? `${name} is now a backup for ${providerLabel(key.provider)}` : `${name} is no longer a backup`;
	return change.saved ? `${what} (saved in the config)` : `${what} (this run only: the key is not in the config file)`;
}

/**
 * `a` and `b`: the selected key through the proxy's control, and a notice saying what happened. A key
 * that is not healthy can still be made active (the user knows best) but the notice says what it is.
 */
export function runProxyCommand(command: ProxyCommandId, key: KeyState | undefined, proxy: ProxyControl | undefined, at: number): Notice | undefined {
	if (!proxy) return {text: PROXY_OFF, tone: 'warning', at};
	if (!key) return undefined;
	try {
		const text = command === 'key.activate' ? activate(proxy, key) : backup(proxy, key);
		const unhealthy = command === 'key.activate' && ['LIMITED', 'DENIED', 'DOWN'].includes(key.status);
		return unhealthy ? {text: `${text} (it is ${statusText(key.status)})`, tone: 'warning', at} : {text, tone: 'info', at};
	} catch (error) {
		return {text: `could not change the proxy: ${sanitize(error instanceof Error ? error.message : String(error))}`, tone: 'warning', at};
	}
}
