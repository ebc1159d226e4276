// Atlassian Statuspage `/api/v2/summary.json` → open incidents (shape: shared/providers.md §11). The page is
// another party's server: every field is checked, text is stripped of terminal escapes, and a page that
// answers something else yields a short reason, never a throw.
import {z} from 'zod';
import {stripControl} from '../secrets/scrub.js';
import type {Incident, ProviderId} from '../types.js';

export type Indicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance' | 'unknown';

export type Summary = {indicator: Indicator; incidents: Incident[]};
export type SummaryResult = {ok: true; summary: Summary} | {ok: false; error: string};

/** More than this many open incidents on one page says nothing more to a person looking at one row. */
const MAX_INCIDENTS = 20;
const MAX_TEXT = 200;

const text = z.string().nullish().catch(undefined);

const itemSchema = z.looseObject({
	id: text,
	name: z.string().trim().min(1),
	status: z.string().trim().min(1),
	impact: text,
	shortlink: text,
	created_at: text,
	started_at: text,
	scheduled_for: text,
	resolved_at: text,
});
type Item = z.infer<typeof itemSchema>;

const summarySchema = z.looseObject({
	page: z.looseObject({url: text}).nullish().catch(undefined),
	status: z.looseObject({indicator: z.string()}),
	incidents: z.array(z.unknown()),
	scheduled_maintenances: z.array(z.unknown()).nullish().catch(undefined),
});

// Statuspage's incident statuses; the summary lists unresolved ones, but a page may lag behind.
const closedIncident = new Set(['resolved', 'postmortem', 'completed']);
const activeMaintenance = new Set(['in_progress', 'verifying']);
const impacts = new Set<string>(['none', 'minor', 'major', 'critical', 'maintenance']);
const indicators = new Set<string>(['none', 'minor', 'major', 'critical', 'maintenance']);

function clean(value: string): string {
	const stripped = stripControl(value).trim();
	return stripped.length > MAX_TEXT ? `${stripped.slice(0, MAX_TEXT - 1)}…` : stripped;
}

/** An http(s) URL, without credentials, or undefined. */
function webUrl(value: string | null | undefined): string | undefined {
	const raw = value?.trim();
	if (!raw) return undefined;
	try {
		const url = new URL(raw);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
		if (url.username || url.password) return undefined;
		// As the page wrote it (no added trailing slash), unless it needs the parser's escaping.
		return clean(/[\s\u0000-\u001F\u007F-\u009F]/.test(raw) ? url.href : raw);
	} catch {
		return undefined;
	}
}

function epoch(value: string | null | undefined): number | undefined {
	if (!value) return undefined;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : undefined;
}

function linkFor(item: Item, pageUrl: string | undefined): string | undefined {
	const shortlink = webUrl(item.shortlink);
	if (shortlink) return shortlink;
	if (pageUrl && item.id && /^[\w-]{1,64}$/.test(item.id)) return `${pageUrl.replace(/\/+$/, '')}/incidents/${item.id}`;
	return undefined;
}

function toIncident(provider: ProviderId, item: Item, impact: Incident['impact'], pageUrl: string | undefined): Incident {
	const incident: Incident = {provider, name: clean(item.name), impact, status: clean(item.status)};
	const url = linkFor(item, pageUrl);
	if (url) incident.url = url;
	const startedAt = epoch(item.started_at) ?? epoch(item.created_at) ?? epoch(item.scheduled_for);
	if (startedAt !== undefined) incident.startedAt = startedAt;
	return incident;
}

function items(list: readonly unknown[] | null | undefined): Item[] {
	const out: Item[] = [];
	// One odd entry must not hide the others.
	for (const entry of list ?? []) {
		const parsed = itemSchema.safeParse(entry);
		if (parsed.success) out.push(parsed.data);
	}
	return out;
}

/** Open incidents (and maintenance in progress) from a summary.json body. */
export function parseSummary(provider: ProviderId, body: string): SummaryResult {
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		return {ok: false, error: 'status page answered something that is not JSON'};
	}
	const parsed = summarySchema.safeParse(json);
	if (!parsed.success) return {ok: false, error: 'status page answered JSON that is not a Statuspage summary'};
	const {page, status, incidents, scheduled_maintenances: maintenances} = parsed.data;
	const pageUrl = webUrl(page?.url);
	const open: Incident[] = [];
	for (const item of items(incidents)) {
		if (closedIncident.has(item.status) || item.resolved_at) continue;
		const impact = item.impact && impacts.has(item.impact) ? (item.impact as Incident['impact']) : 'none';
		open.push(toIncident(provider, item, impact, pageUrl));
	}
	for (const item of items(maintenances)) {
		if (!activeMaintenance.has(item.status)) continue;
		open.push(toIncident(provider, item, 'maintenance', pageUrl));
	}
	const indicator = indicators.has(status.indicator) ? (status.indicator as Indicator) : 'unknown';
	return {ok: true, summary: {indicator, incidents: open.slice(0, MAX_INCIDENTS)}};
}
