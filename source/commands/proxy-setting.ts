import type {ConfigStore} from '../config/store.js';
import {DEFAULT_PROXY_PORT} from '../proxy/server.js';
import {openWarned} from './keys.js';

/**
 * `keywatch proxy enable [--port N]` / `disable`: whether the live view starts its proxy (settings.proxy). The
 * port is kept across a disable, so enabling again brings back the same base URLs apps were pointed at.
 */
export function runProxySetting(enabled: boolean, options: {port?: number}, store: ConfigStore = openWarned(), out: (s: string) => void = s => process.stdout.write(s)): number {
	const config = store.read();
	const port = options.port ?? config.settings.proxy?.port;
	config.settings.proxy = port === undefined ? {enabled} : {enabled, port};
	store.write(config);
	const where = port === 0 ? '127.0.0.1 (a free port each time)' : `127.0.0.1:${port ?? DEFAULT_PROXY_PORT}`;
	out(
		enabled
			? `the live view now starts the proxy on ${where} (settings.proxy in ${store.file}); P stops it for one run, keywatch proxy disable for good\n`
			: `the live view no longer starts the proxy (settings.proxy in ${store.file}); P still starts it for one run\n`,
	);
	return 0;
}
