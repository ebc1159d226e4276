import {sanitize} from '../secrets/scrub.js';
import type {Credit, Incident, KeyState, MonitorSnapshot, PublishedLimits, RateWindow, Spend, Verdict} from '../types.js';

// `check --json` and `serve /state` print this; scripts depend on it, so every field is always present
// and an unknown value is null (never 0).

export type WindowJson = {
	id: string;
	limitKind: RateWindow['limitKind'];
	period: RateWindow['period'];
	limit: number | null;
	remaining: number | null;
	resetAt: string | null;
	source: RateWindow['source'];
};

export type CreditJson = {
	/** The balance left, in `currency` (issue #4's "amount"); the same number as `remaining`. */
	amount: number | null;
	remaining: number | null;
	limit: number | null;
	used: number | null;
	currency: string;
	source: Credit['source'];
	label: string | null;
	/** "key" (this key's own limit) or "account" (the pool every key shares), when the provider says. */
	scope: 'key' | 'account' | null;
	/** Spent today, this week and this month, where the provider reports them (OpenRouter). */
	usage: {day: number | null; week: number | null; month: number | null} | null;
	/** Every currency of a multi-currency balance (DeepSeek); `amount`/`currency` are the primary one. */
	balances: Array<{currency: string; amount: number; granted: number | null; toppedUp: number | null}>;
};

export type PublishedJson = {
	tier: string;
	limits: Array<{label: string; limit: number; unit: string; period: string | null; source: 'published'; ref: string}>;
	note: string | null;
};

export type SpendJson = {
	month: string;
	used: number | null;
	budget: number | null;
	left: number | null;
	currency: string;
};

export type IncidentJson = {
	name: string;
	impact: Incident['impact'];
	status: string;
	url: string | null;
	startedAt: string | null;
};

/** The verdict as the detail pane shows it: why, what to do, whether it clears, and the evidence. */
export type VerdictJson = {
	why: string;
	fix: string[];
	clears: Verdict['clears'];
	clearsAt: string | null;
	retryAfterSeconds: number | null;
	limit: string | null;
	window: string | null;
	candidates: string[];
	evidence: {status: number | null; errorType: string | null; errorCode: string | null; message: string | null; requestId: string | null; headers: Record<string, string>; incident: {name: string; url: string | null} | null};
};

export type KeyJson = {
	name: string;
	provider: KeyState['provider'];
	status: KeyState['status'];
	kind: string | null;
	title: string | null;
	/** Null before the first reading. */
	verdict: VerdictJson | null;
	windows: WindowJson[];
	credit: CreditJson | null;
	/** The account's credit beside the key's own limit (OpenRouter with a management key), or null. */
	accountCredit: CreditJson | null;
	/** Spent this month against the budget (admin key), or null. */
	spend: SpendJson | null;
	/** Open incidents on the status page of the key's provider; empty when none are known. */
	incidents: IncidentJson[];
	/** Published limits for the tier set with --tier (limits, never what is left), or null. */
	published: PublishedJson | null;
	latencyMs: number | null;
	checkedAt: string | null;
	source: KeyState['source'] | null;
	masked: string;
};

function finite(value: number | undefined): number | null {
	return value !== undefined && Number.isFinite(value) ? value : null;
}

function iso(epochMs: number | undefined): string | null {
	const value = finite(epochMs);
	if (value === null) return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function windowJson(window: RateWindow): WindowJson {
	return {
		id: window.id,
		limitKind: window.limitKind,
		period: window.period,
		limit: finite(window.limit),
		remaining: finite(window.remaining),
		resetAt: iso(window.resetAt),
		source: window.source,
	};
}

function creditJson(credit: Credit | undefined): CreditJson | null {
	if (!credit) return null;
	return {
		amount: finite(credit.remaining),
		remaining: finite(credit.remaining),
		limit: finite(credit.limit),
		used: finite(credit.used),
		currency: sanitize(credit.currency),
		source: credit.source,
		label: credit.label === undefined ? null : sanitize(credit.label),
		scope: credit.scope ?? null,
		usage: credit.usage ? {day: finite(credit.usage.day), week: finite(credit.usage.week), month: finite(credit.usage.month)} : null,
		balances: (credit.balances ?? [])
			.filter(b => Number.isFinite(b.remaining))
			.map(b => ({currency: sanitize(b.currency), amount: b.remaining, granted: finite(b.granted), toppedUp: finite(b.toppedUp)})),
	};
}

function publishedJson(published: PublishedLimits | undefined): PublishedJson | null {
	if (!published) return null;
	return {
		tier: sanitize(published.tier),
		limits: published.limits.map(l => ({label: sanitize(l.label), limit: l.limit, unit: sanitize(l.unit), period: l.period ?? null, source: l.source, ref: sanitize(l.ref)})),
		note: published.note ? sanitize(published.note) : null,
	};
}

function spendJson(spend: Spend | undefined): SpendJson | null {
	if (!spend) return null;
	return {
		month: sanitize(spend.month),
		used: finite(spend.used),
		budget: finite(spend.budget),
		left: finite(spend.left),
		currency: sanitize(spend.currency),
	};
}

function incidentJson(incident: Incident): IncidentJson {
	return {
		name: sanitize(incident.name),
		impact: incident.impact,
		status: sanitize(incident.status),
		url: incident.url === undefined ? null : sanitize(incident.url),
		startedAt: iso(incident.startedAt),
	};
}

function verdictJson(verdict: Verdict | undefined): VerdictJson | null {
	if (!verdict) return null;
	const e = verdict.evidence;
	const text = (value: string | undefined) => (value === undefined ? null : sanitize(value));
	return {
		why: sanitize(verdict.why),
		fix: verdict.fix.map(step => sanitize(step)),
		clears: verdict.clears,
		clearsAt: iso(verdict.clearsAt),
		retryAfterSeconds: finite(verdict.retryAfterSeconds),
		limit: verdict.limit ?? null,
		window: verdict.window ?? null,
		candidates: verdict.candidates ?? [],
		evidence: {
			status: typeof e.status === 'number' ? e.status : null,
			errorType: text(e.errorType),
			errorCode: text(e.errorCode),
			message: text(e.message),
			requestId: text(e.requestId),
			headers: Object.fromEntries(Object.entries(e.headers ?? {}).map(([k, v]) => [sanitize(k), sanitize(String(v))])),
			incident: e.incident ? {name: sanitize(e.incident.name), url: text(e.incident.url)} : null,
		},
	};
}

/** `incidents`: the open incidents of the key's provider (from `MonitorSnapshot.incidents`). */
export function keyToJson(key: KeyState, incidents: readonly Incident[] = []): KeyJson {
	return {
		name: sanitize(key.name),
		provider: key.provider,
		status: key.status,
		kind: key.verdict?.kind ?? null,
		title: key.verdict ? sanitize(key.verdict.title) : null,
		verdict: verdictJson(key.verdict),
		windows: key.windows.map(windowJson),
		credit: creditJson(key.credit),
		accountCredit: creditJson(key.accountCredit),
		spend: spendJson(key.spend),
		incidents: incidents.map(incidentJson),
		published: publishedJson(key.published),
		latencyMs: finite(key.latencyMs),
		checkedAt: iso(key.checkedAt),
		source: key.source ?? null,
		masked: sanitize(key.masked),
	};
}

/** One object per key, in the snapshot's order: the shape of `check --json` and `GET /state`. */
export function snapshotToJson(snapshot: MonitorSnapshot): KeyJson[] {
	return snapshot.keys.map(key => {
		const incidents = snapshot.incidents?.[key.provider];
		return keyToJson(key, Array.isArray(incidents) ? incidents : []);
	});
}
