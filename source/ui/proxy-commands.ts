import {sanitize, stripControl} from '../secrets/scrub.js';
import type {KeyState} from '../types.js';
import type {CommandId} from './keymap.js';
import {providerLabel} from './key-view.js';
import type {ProxySwitch, ProxySwitchResult} from '../app/proxy-switch.js';
import type {ProxyControl} from './proxy-view.js';
import type {Notice} from './state.js';
import {statusText} from './theme.js';

// A separate `keywatch proxy` process has its own active keys that nothing here can change, so the way on is
// the proxy inside this view: P now, or at every start.
export const PROXY_OFF = 'proxy is off: P starts it here (or keywatch --proxy, or keywatch proxy enable)';

/** A --remote view has no monitor of its own for a proxy to report to. */
export const PROXY_REMOTE = 'no proxy in a --remote view: it runs beside the monitor (P in a local view)';

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
export function runProxyCommand(
	command: ProxyCommandId,
	key: KeyState | undefined,
	proxy: ProxyControl | undefined,
	at: number,
	canStart = true,
): Notice | undefined {
	if (!proxy) return {text: canStart ? PROXY_OFF : PROXY_REMOTE, tone: 'warning', at};
	if (!key) return undefined;
	try {
		const text = command === 'key.activate' ? activate(proxy, key) : backup(proxy, key);
		const unhealthy = command === 'key.activate' && ['LIMITED', 'DENIED', 'DOWN'].includes(key.status);
		return unhealthy ? {text: `${text} (it is ${statusText(key.status)})`, tone: 'warning', at} : {text, tone: 'info', at};
	} catch (error) {
		return {text: `could not change the proxy: ${sanitize(error instanceof Error ? error.message : String(error))}`, tone: 'warning', at};
	}
}

/** What P is about to do, shown while it happens (stopping waits for requests in flight). */
function proxyTogglePending(proxySwitch: ProxySwitch, at: number): Notice {
	const text = proxySwitch.control() ? 'stopping the proxy (requests in flight may finish)…' : `starting the proxy on 127.0.0.1:${proxySwitch.port}…`;
	return {text, tone: 'info', at};
}

/** What P did. */
export function proxyToggleNotice(result: ProxySwitchResult, at: number): Notice {
	if (result.error) return {text: `the proxy could not start: ${result.error}`, tone: 'warning', at};
	if (!result.running) return {text: 'proxy stopped: apps pointed at it cannot connect until it runs again (P)', tone: 'info', at};
	const token = result.tokenPath ? `, token in ${result.tokenPath}` : '';
	return {text: `proxy on at ${result.url} for this run${token} (keywatch proxy enable starts it every time)`, tone: 'info', at};
}

/**
 * P: start or stop the proxy, with a notice now and another when it is done (after the keypress was handled).
 * A second P while the first is under way does nothing.
 */
export function runProxyToggle(proxySwitch: ProxySwitch | undefined, clock: () => number, notify: (notice: Notice) => void): void {
	if (!proxySwitch) {
		notify({text: PROXY_REMOTE, tone: 'warning', at: clock()});
		return;
	}
	if (proxySwitch.busy()) return;
	notify(proxyTogglePending(proxySwitch, clock()));
	void proxySwitch.toggle().then(result => notify(proxyToggleNotice(result, clock())));
}
