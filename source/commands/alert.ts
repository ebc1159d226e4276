import {alertConfigSchema, type AlertConfig} from '../alerts/config.js';
import {sendTest} from '../alerts/dispatch.js';
import {maskUrl} from '../alerts/sinks/mask-url.js';
import {sinksFromConfig} from '../alerts/sinks/from-config.js';
import {UsageError} from '../app/options.js';
import {ConfigError} from '../config/store.js';
import {openWarned} from './keys.js';

function readAlerts(): {config: AlertConfig; save(next: AlertConfig): void} {
	const store = openWarned();
	const file = store.read();
	const parsed = alertConfigSchema.safeParse(file.alerts ?? {});
	if (!parsed.success) {
		throw new ConfigError(`the alerts section of ${store.file} is invalid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}; fix it by hand`);
	}
	return {
		config: parsed.data,
		save(next) {
			store.write({...file, alerts: next});
		},
	};
}

/** `keywatch alert add webhook URL [--format slack|json]`, `alert add bell`, `alert add desktop`. */
export async function runAlertAdd(sink: string, url: string | undefined, options: {format?: string}): Promise<number> {
	const {config, save} = readAlerts();
	if (sink === 'bell' || sink === 'desktop') {
		save({...config, [sink]: true});
		process.stdout.write(`${sink} alerts on\n`);
		return 0;
	}
	if (sink !== 'webhook') throw new UsageError(`unknown alert sink "${sink}"; use webhook URL, bell or desktop`);
	if (!url || !/^https?:\/\//.test(url)) throw new UsageError('alert add webhook needs the URL, e.g. keywatch alert add webhook https://hooks.slack.com/services/…');
	const format = options.format ?? 'slack';
	if (format !== 'slack' && format !== 'json') throw new UsageError('--format is slack or json');
	save({...config, webhooks: [...(config.webhooks ?? []), {url, format}]});
	process.stdout.write(`webhook ${maskUrl(url)} added (${format})\n`);
	return 0;
}

/** `keywatch alert test`: one test alert through every configured sink, each sink's result reported. */
export async function runAlertTest(): Promise<number> {
	const {config} = readAlerts();
	const sinks = sinksFromConfig(config);
	if (sinks.length === 0) {
		process.stdout.write('no alert sinks configured; add one with: keywatch alert add webhook URL (or bell, desktop)\n');
		return 0;
	}
	const results = await sendTest(sinks);
	for (const result of results) process.stdout.write(`${result.ok ? 'ok  ' : 'FAIL'}  ${result.sink}: ${result.detail}\n`);
	return results.every(r => r.ok) ? 0 : 1;
}
