import {failoverHelps} from '../proxy/failover.js';
import {sanitize, stripControl} from '../secrets/scrub.js';
import type {Incident, KeyState, Spend} from '../types.js';
import {formatClock, formatCount, formatMoney} from './format.js';
import {providerLabel} from './key-view.js';
import {type ProxyControl, proxyRow} from './proxy-view.js';
import {downIncident, formatMoneyShort, lowReason} from './reasons.js';
import {type Line, wrapText} from './text.js';
import {type Theme, statusStyle} from './theme.js';

// The detail pane's newer sections: why a key is LOW or which incident a DOWN key is caught in (under
// the status line), the provider's status page, the proxy, and spend against the budget.

const INDENT = '  ';
const LABEL = 12;

function labelled(name: string, value: string, width: number, theme: Theme, style?: Line[number]['style']): Line[] {
	const parts = wrapText(sanitize(value), Math.max(8, width - INDENT.length - LABEL - 2));
	return parts.map((part, index) => [
		{text: index === 0 ? INDENT + name.padEnd(LABEL) : INDENT + ' '.repeat(LABEL), style: theme.text.dim},
		{text: part, style},
	]);
}

/** "Low: requests per minute 24/500 left", or the incident a DOWN key is caught in. */
export function statusNoteLines(key: KeyState, incidents: readonly Incident[] | undefined, theme: Theme): Line[] {
	if (key.status === 'LOW') {
		const reason = lowReason(key);
		return reason ? [[{text: 'Low: ', style: statusStyle(theme, 'LOW')}, {text: reason}]] : [];
	}
	const incident = downIncident(key, incidents);
	if (!incident) return [];
	return [[{text: 'Incident: ', style: statusStyle(theme, 'DOWN')}, {text: [stripControl(incident.name), incident.url ? stripControl(incident.url) : ''].filter(Boolean).join('  ')}]];
}

function incidentLines(incident: Incident, width: number, theme: Theme): Line[] {
	const facts = [incident.impact, stripControl(incident.status)].filter(Boolean).join(', ');
	const since = incident.startedAt === undefined ? '' : ` since ${formatClock(incident.startedAt)}`;
	const lines: Line[] = wrapText(`• ${stripControl(incident.name)} (${facts})${since}`, width - INDENT.length - 2).map(part => [
		{text: INDENT + part, style: incident.impact === 'major' || incident.impact === 'critical' ? theme.status.down : theme.text.warning},
	]);
	if (incident.url) lines.push([{text: `${INDENT}  ${stripControl(incident.url)}`, style: theme.text.dim}]);
	return lines;
}

/** Open incidents on the provider's status page, or that the page could not be read. Nothing when all is quiet. */
export function statusPageLines(key: KeyState, incidents: readonly Incident[] | undefined, error: string | undefined, width: number, theme: Theme): Line[] {
	const open = incidents ?? [];
	if (open.length === 0 && !error) return [];
	const lines: Line[] = [[{text: `Status page · ${providerLabel(key.provider)}`, style: theme.text.heading}]];
	for (const incident of open) lines.push(...incidentLines(incident, width, theme));
	if (error) lines.push(...labelled('Not read', `${error}; keywatch keeps working without it`, width, theme, theme.text.warning));
	return lines;
}

/** The key's place in the proxy, and whether failing over to another key of this provider can help. */
export function proxyLines(key: KeyState, proxy: ProxyControl | undefined, width: number, theme: Theme): Line[] {
	if (!proxy) return [];
	const row = proxyRow(proxy, key);
	const active = proxy.active(key.provider);
	const lines: Line[] = [[{text: 'Proxy', style: theme.text.heading}]];
	lines.push(...labelled('Active key', active === undefined ? 'none' : row.active ? `${stripControl(active)} (this key)` : `${stripControl(active)} (a makes this key active)`, width, theme));
	lines.push(...labelled('Backup', row.backup ? 'yes: traffic moves here when the active key is denied (b unmarks)' : 'no (b marks it)', width, theme));
	if (row.requestsPerMinute !== undefined) lines.push(...labelled('Traffic', `${formatCount(row.requestsPerMinute)} requests in the last minute`, width, theme));
	lines.push(...labelled('Base URL', `${proxy.baseUrl(key.provider)} (token in ${proxy.tokenPath})`, width, theme));
	// For a healthy key the question is the provider's: would another key help if this one were limited?
	const verdict = key.verdict && key.verdict.kind !== 'ok' ? key.verdict : {kind: 'rate_limited' as const};
	const helps = failoverHelps(key.provider, verdict);
	lines.push(...labelled('Failover', helps.reason, width, theme, helps.helps ? undefined : theme.text.warning));
	return lines;
}

/** Spent this month against the budget: month, spent, budget, left. */
export function spendLines(spend: Spend | undefined, theme: Theme): Line[] {
	if (!spend) return [];
	const money = (amount: number | undefined) => formatMoney(amount, spend.currency);
	const parts = [`${spend.month}: spent ${money(spend.used)}`];
	if (spend.budget === undefined) parts.push('(no budget set)');
	else parts.push(`of ${formatMoneyShort(spend.budget, spend.currency)} budget · ${money(spend.left)} left`);
	const over = spend.left !== undefined && spend.left < 0;
	return [
		[{text: 'Spend', style: theme.text.heading}],
		[
			{text: `${INDENT}${parts.join(' ')}`, style: over ? theme.status.denied : undefined},
			{text: `  ${spend.source === 'estimate' ? 'estimate' : `from ${spend.source}`}`, style: spend.source === 'estimate' ? theme.text.warning : theme.text.dim},
		],
	];
}
