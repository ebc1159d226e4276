import type {Incident, KeyState, ProviderId} from '../types.js';
import {sparkline} from './bars.js';
import {formatLatency} from './format.js';
import {ageCell, COUNT_WIDTH, headroomCell, MIN_BAR, moneyCell, moneyVariants, nameCell, rateCell, resetCell, whyCell} from './key-cells.js';
import {REQUEST_KINDS, TOKEN_KINDS, headroomHistory, providerLabel, tightestWindow} from './key-view.js';
import type {ProxyControl} from './proxy-view.js';
import type {Column} from './table-layout.js';
import {ageClock} from './tick.js';
import {textWidth} from './text.js';
import {type Theme, statusStyle, statusText} from './theme.js';

export type KeyColumnOptions = {
	now: number;
	intervalMs: number;
	theme: Theme;
	/** Narrow tmux panes: no bars, only the columns that matter at a glance. */
	compact?: boolean;
	/** A running proxy: the active/backup marker by the name, and a requests-per-minute column. */
	proxy?: ProxyControl;
	/** Open incidents per provider, for the why of DOWN rows. */
	incidents?: Partial<Record<ProviderId, Incident[]>>;
	/** The rows, so the money column can grow to fit "$12.30 of $500" when a key has a budget. */
	keys?: readonly KeyState[];
};

const MONEY_WIDTH = 10;
const MONEY_MAX = 18;

function moneyWidth(keys: readonly KeyState[]): number {
	const widest = Math.max(MONEY_WIDTH, ...keys.map(key => textWidth(moneyVariants(key)[0] ?? '')));
	return Math.min(MONEY_MAX, widest);
}

/**
 * The live table's columns. Name, status, requests and reset are never dropped; the rest go in
 * priority order (requests per minute first, then why, then trend) when the terminal is narrow.
 */
export function keyColumns({now, intervalMs, theme, compact = false, proxy, incidents, keys = []}: KeyColumnOptions): Column<KeyState>[] {
	const withBar = !compact;
	const headroomSize = compact ? {minWidth: 9} : {minWidth: COUNT_WIDTH + 1 + MIN_BAR, flex: 1, maxWidth: 22};
	const money = moneyWidth(keys);
	const ages = ageClock(now);
	const columns: Column<KeyState>[] = [
		{key: 'row', header: '#', width: 3, align: 'right', priority: 40, render: (_key, index) => ({text: String(index + 1), style: theme.text.dim})},
		{key: 'name', header: 'Name', flex: 2, minWidth: compact ? 8 : 14, idealWidth: 20, maxWidth: 32, render: key => nameCell(key, proxy, theme)},
		{key: 'provider', header: 'Provider', width: 9, priority: 70, render: key => providerLabel(key.provider)},
		{key: 'status', header: 'Status', width: 10, render: key => ({text: statusText(key.status), style: statusStyle(theme, key.status)})},
		{
			key: 'requests',
			header: 'Requests',
			...headroomSize,
			align: 'right',
			render: (key, _index, width) => headroomCell(key, tightestWindow(key.windows, REQUEST_KINDS), width, theme, withBar),
		},
		{
			key: 'tokens',
			header: 'Tokens',
			...headroomSize,
			align: 'right',
			priority: 90,
			render: (key, _index, width) => headroomCell(key, tightestWindow(key.windows, TOKEN_KINDS), width, theme, withBar),
		},
		{key: 'reset', header: 'Reset', width: 7, align: 'right', render: key => resetCell(key, now, theme)},
		{
			key: 'credit',
			header: 'Credit',
			...(money > MONEY_WIDTH ? {minWidth: MONEY_WIDTH, idealWidth: money, maxWidth: money, flex: 1} : {width: MONEY_WIDTH}),
			align: 'right',
			priority: 60,
			render: (key, _index, width) => moneyCell(key, width, theme),
		},
		...(proxy ? [{key: 'rate', header: 'Req/min', width: 7, align: 'right', priority: 5, render: (key: KeyState) => rateCell(key, proxy, theme)} as const] : []),
		{key: 'latency', header: 'Latency', width: 7, align: 'right', priority: 30, render: key => formatLatency(key.latencyMs)},
		{key: 'age', header: 'Age', width: 9, align: 'right', priority: 50, render: key => ageCell(key, ages, intervalMs, theme)},
		{
			key: 'trend',
			header: 'Trend',
			flex: 1,
			minWidth: 8,
			maxWidth: 48,
			priority: 10,
			render: (key, _index, width) => ({text: sparkline(headroomHistory(key.recent), width), style: theme.text.accent}),
		},
		{key: 'why', header: 'Why', flex: 4, minWidth: 14, maxWidth: 80, priority: 8, render: key => whyCell(key, incidents?.[key.provider], theme)},
	];
	const compactKeeps = new Set(['name', 'status', 'requests', 'tokens', 'reset']);
	return compact ? columns.filter(column => compactKeeps.has(column.key)) : columns;
}
