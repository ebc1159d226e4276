import prettyMs from 'pretty-ms';
import {alertConfigSchema, type AlertConfig} from '../alerts/config.js';
import {sendTest} from '../alerts/dispatch.js';
import {DEFAULT_COOLDOWN_MINUTES, DEFAULT_HYSTERESIS} from '../alerts/engine.js';
import {maskUrl} from '../alerts/sinks/mask-url.js';
import {sinksFromConfig} from '../alerts/sinks/from-config.js';
import {UsageError} from '../app/options.js';
import {ConfigError} from '../config/store.js';
import {parseDuration} from '../parse/duration.js';
import {openWarned} from './keys.js';

const MAX_COOLDOWN_MINUTES = 7 * 24 * 60;

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

function cooldownText(minutes: number): string {
	return minutes === 0 ? '0 (off)' : prettyMs(minutes * 60_000, {secondsDecimalDigits: 0});
}

/** `keywatch alert list`: every sink (webhooks numbered for `alert remove`, URLs masked) and the settings. */
export async function runAlertList(): Promise<number> {
	const {config} = readAlerts();
	const rows: Array<[string, string]> = [
		['bell', config.bell ? 'on' : 'off'],
		['desktop', config.desktop ? 'on' : 'off'],
	];
	const webhooks = config.webhooks ?? [];
	if (webhooks.length === 0) rows.push(['webhooks', 'none (add one: keywatch alert add webhook URL)']);
	webhooks.forEach((webhook, i) => rows.push([`webhook ${i + 1}`, `${(webhook.format ?? 'slack').padEnd(5)}  ${maskUrl(webhook.url)}`]));
	const cooldown = config.cooldownMinutes;
	rows.push(['cooldown', cooldown === undefined ? `${cooldownText(DEFAULT_COOLDOWN_MINUTES)} (default)` : cooldownText(cooldown)]);
	const hysteresis = config.hysteresis;
	rows.push(['hysteresis', `${hysteresis ?? DEFAULT_HYSTERESIS} readings${hysteresis === undefined ? ' (default)' : ''}`]);
	const width = Math.max(...rows.map(([name]) => name.length)) + 2;
	process.stdout.write(rows.map(([name, value]) => `${name.padEnd(width)}${value}\n`).join(''));
	return 0;
}

/** `keywatch alert remove <n|url|bell|desktop>`: n is the webhook's number in `alert list`. */
export async function runAlertRemove(target: string): Promise<number> {
	const {config, save} = readAlerts();
	if (target === 'bell' || target === 'desktop') {
		const next = {...config};
		delete next[target];
		save(next);
		process.stdout.write(`${target} alerts off\n`);
		return 0;
	}
	const webhooks = config.webhooks ?? [];
	let index: number;
	if (/^\d+$/.test(target)) {
		index = Number(target) - 1;
		if (index < 0 || index >= webhooks.length) {
			throw new UsageError(webhooks.length === 0 ? 'no webhooks configured' : `no webhook ${target}: there ${webhooks.length === 1 ? 'is 1' : `are ${webhooks.length}`} (keywatch alert list numbers them)`);
		}
	} else {
		index = webhooks.findIndex(webhook => webhook.url === target);
		// The URL is a credential: the error names only its masked form.
		if (index < 0) throw new UsageError(`no webhook ${maskUrl(target)} with that exact URL; remove it by number (keywatch alert list)`);
	}
	const removed = webhooks[index]!;
	save({...config, webhooks: webhooks.filter((_, i) => i !== index)});
	process.stdout.write(`webhook ${index + 1} (${removed.format ?? 'slack'} ${maskUrl(removed.url)}) removed\n`);
	return 0;
}

/** Minutes from `10m`, `1h30m`, `90s`, `2d` or a bare number of minutes; undefined when it is none of these. */
export function parseCooldown(text: string): number | undefined {
	const trimmed = text.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
	const days = /^(\d+(?:\.\d+)?)d$/.exec(trimmed);
	if (days) return Number(days[1]) * 24 * 60;
	const ms = parseDuration(trimmed);
	return ms === undefined ? undefined : ms / 60_000;
}

/** `keywatch alert set cooldown 10m`, `keywatch alert set hysteresis 3`. */
export async function runAlertSet(setting: string, value: string): Promise<number> {
	const {config, save} = readAlerts();
	if (setting === 'cooldown') {
		const minutes = parseCooldown(value);
		if (minutes === undefined || minutes < 0 || minutes > MAX_COOLDOWN_MINUTES) {
			throw new UsageError(`cooldown is a duration up to 7d, like 10m, 1h or 90s (0 turns it off), not "${value.slice(0, 40)}"`);
		}
		save({...config, cooldownMinutes: minutes});
		process.stdout.write(`cooldown ${cooldownText(minutes)}: after an alert about a key, its further changes wait this long unless they are worse\n`);
		return 0;
	}
	if (setting === 'hysteresis') {
		const readings = Number(value);
		if (!Number.isInteger(readings) || readings < 1 || readings > 20) throw new UsageError(`hysteresis is a whole number of readings from 1 to 20, not "${value.slice(0, 40)}"`);
		save({...config, hysteresis: readings});
		process.stdout.write(`hysteresis ${readings} ${readings === 1 ? 'reading' : 'readings'}: a new status counts after this many in a row (definite answers count at once)\n`);
		return 0;
	}
	throw new UsageError(`unknown alert setting "${setting.slice(0, 40)}"; use cooldown or hysteresis`);
}
