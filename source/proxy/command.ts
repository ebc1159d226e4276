// `keywatch proxy [--port N] [--json-log]`: run the proxy in the foreground until SIGINT/SIGTERM.
import {PROVIDER_IDS, type KeyConfig, type ProviderId} from '../types.js';
import {sanitize} from '../secrets/scrub.js';
import {stopSignal} from '../app/signals.js';
import {DEFAULT_PROXY_PORT, startProxy} from './server.js';
import type {ProxyHandle, ProxyOptions} from './types.js';

export type ProxyCommandOptions = {
	port?: number;
	jsonLog?: boolean;
	configDir: string;
	keys: KeyConfig[];
	resolveSecret: (name: string) => string | undefined;
	/** Defaults: process.stdout / process.stderr. With --json-log, stdout carries only log lines. */
	stdout?: NodeJS.WritableStream;
	stderr?: NodeJS.WritableStream;
	/** Stops the proxy like SIGINT does (tests, or a parent that owns the lifetime). */
	signal?: AbortSignal;
	/** Called once the proxy listens. */
	onReady?: (handle: ProxyHandle) => void;
	/** Optional wiring to a monitor running in the same process (readings from traffic, its verdicts). */
	onExchange?: ProxyOptions['onExchange'];
	verdictOf?: ProxyOptions['verdictOf'];
	/** Called besides the line the command prints on stderr. */
	onFailover?: ProxyOptions['onFailover'];
};

const envHints: Partial<Record<ProviderId, {base: string; key: string}>> = {
	openai: {base: 'OPENAI_BASE_URL', key: 'OPENAI_API_KEY'},
	anthropic: {base: 'ANTHROPIC_BASE_URL', key: 'ANTHROPIC_API_KEY'},
};

/** The start-up text: base URLs per provider, the active key of each, where the token is. */
export function proxyBanner(handle: ProxyHandle, keys: readonly KeyConfig[]): string {
	const lines = [`keywatch proxy listening on ${handle.url} (127.0.0.1 only)`, ''];
	const providers = PROVIDER_IDS.filter(p => keys.some(k => k.provider === p));
	if (providers.length === 0) lines.push('  No keys configured: every request will get a 503. Add one with `keywatch add <provider>`.');
	const width = Math.max(0, ...providers.map(p => handle.baseUrl(p).length));
	for (const provider of providers) {
		const mine = keys.filter(k => k.provider === provider);
		const backups = mine.filter(k => k.backup).length;
		const active = sanitize(handle.active(provider) ?? '-');
		lines.push(`  ${provider.padEnd(17)} ${handle.baseUrl(provider).padEnd(width)}  active: ${active}${backups ? ` (${backups} backup${backups > 1 ? 's' : ''})` : ''}`);
	}
	lines.push(
		'',
		`Local token: ${handle.tokenPath} (mode 0600). Apps send it where their SDK sends its API key;`,
		'provider keys never leave keywatch. For example:',
	);
	for (const provider of providers) {
		const hint = envHints[provider];
		if (hint) lines.push(`  ${hint.base}=${handle.baseUrl(provider)} ${hint.key}="$(cat ${handle.tokenPath})"`);
	}
	lines.push(`  curl ${handle.baseUrl(providers[0] ?? 'openai')}/models -H "Authorization: Bearer $(cat ${handle.tokenPath})"`);
	lines.push('', 'Press Ctrl+C to stop.');
	return `${lines.join('\n')}\n`;
}

/** Runs until SIGINT/SIGTERM (or `signal`); resolves with the exit code: 0 after a clean stop, 2 when it cannot start (a taken port). */
export async function runProxyCommand(options: ProxyCommandOptions): Promise<number> {
	const stdout = options.stdout ?? process.stdout;
	const stderr = options.stderr ?? process.stderr;
	const info = options.jsonLog ? stderr : stdout;
	const port = options.port ?? DEFAULT_PROXY_PORT;
	const stop = stopSignal(options.signal);
	let handle: ProxyHandle;
	try {
		handle = await startProxy({
			configDir: options.configDir,
			port,
			keys: options.keys,
			resolveSecret: options.resolveSecret,
			log: options.jsonLog ? line => stdout.write(`${line}\n`) : undefined,
			onExchange: options.onExchange,
			verdictOf: options.verdictOf,
			onFailover: event => {
				stderr.write(`keywatch proxy: ${event.provider} moved from "${sanitize(event.from)}" to backup "${sanitize(event.to)}" (${event.reason})\n`);
				options.onFailover?.(event);
			},
		});
	} catch (error) {
		stop.dispose();
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'EADDRINUSE' ? `port ${port} is already in use; pick another with --port N` : sanitize(String((error as Error).message ?? error));
		stderr.write(`keywatch proxy: cannot start: ${why}\n`);
		return 2;
	}
	info.write(proxyBanner(handle, options.keys));
	options.onReady?.(handle);
	await stop.stopped;
	stop.dispose();
	info.write('keywatch proxy: stopping (waiting for requests in flight)\n');
	await handle.close();
	return 0;
}
