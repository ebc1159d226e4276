import {z} from 'zod';
import {isHistorySample, type HistorySample} from '../monitor/history.js';
import {stripControl} from '../secrets/scrub.js';
import {LIMIT_KINDS, PROBE_KINDS, PROVENANCES, PROVIDER_IDS, STATUSES, VERDICT_KINDS, WINDOW_PERIODS, type MonitorSnapshot} from '../types.js';

// What a `serve` sends is checked for every field the view reads, down to each reading: a serve of another
// version (or something else answering on its port) must not crash the screen with a missing array. A bad item
// is dropped or a bad optional field left out, and counted, so the view can say once that it did.

const number = z.number();
const optionalNumber = number.optional();

const windowSchema = z.looseObject({
	id: z.string(),
	limitKind: z.enum(LIMIT_KINDS),
	period: z.enum(WINDOW_PERIODS),
	limit: optionalNumber,
	remaining: optionalNumber,
	resetAt: optionalNumber,
	source: z.enum(PROVENANCES),
});

const creditSchema = z.looseObject({
	remaining: optionalNumber,
	limit: optionalNumber,
	used: optionalNumber,
	currency: z.string(),
	source: z.enum(PROVENANCES),
	label: z.string().optional(),
});

const spendSchema = z.looseObject({
	month: z.string(),
	used: number,
	currency: z.string(),
	budget: optionalNumber,
	left: optionalNumber,
	source: z.enum(PROVENANCES),
});

const publishedSchema = z.looseObject({
	tier: z.string(),
	limits: z.array(z.looseObject({label: z.string(), limit: number, unit: z.string(), ref: z.string()})),
	note: z.string().optional(),
});

const evidenceSchema = z.looseObject({
	status: number.nullable(),
	headers: z.record(z.string(), z.string()),
	errorType: z.string().optional(),
	errorCode: z.string().optional(),
	message: z.string().optional(),
	requestId: z.string().optional(),
	network: z.string().optional(),
	incident: z.looseObject({name: z.string(), url: z.string().optional()}).optional(),
});

const verdictSchema = z.looseObject({
	kind: z.enum(VERDICT_KINDS),
	title: z.string(),
	why: z.string(),
	fix: z.array(z.string()),
	clears: z.enum(['by_itself', 'needs_action']),
	clearsAt: optionalNumber,
	retryAfterSeconds: optionalNumber,
	limit: z.enum(LIMIT_KINDS).optional(),
	window: z.enum(WINDOW_PERIODS).optional(),
	candidates: z.array(z.enum(VERDICT_KINDS)).optional(),
	evidence: evidenceSchema,
	windows: z.array(windowSchema),
});

const readingSchema = z.looseObject({
	at: number,
	probe: z.enum(PROBE_KINDS),
	status: number.nullable(),
	latencyMs: optionalNumber,
	windows: z.array(windowSchema),
	credit: creditSchema.optional(),
	verdict: verdictSchema,
	source: z.enum(PROVENANCES),
});

const incidentSchema = z.looseObject({
	provider: z.enum(PROVIDER_IDS),
	name: z.string(),
	impact: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
	status: z.string(),
	url: z.string().optional(),
	startedAt: optionalNumber,
});

// The fields without which there is no row to draw: a key missing one of these is dropped whole.
const keyCoreSchema = z.looseObject({
	id: z.string(),
	name: z.string(),
	provider: z.enum(PROVIDER_IDS),
	masked: z.string(),
	status: z.enum(STATUSES),
});

const snapshotCoreSchema = z.looseObject({
	keys: z.array(z.unknown()),
	paused: z.boolean(),
	intervalMs: number.positive(),
	startedAt: number,
});

/** Optional fields of a key, each checked on its own: a bad one is left out, the rest of the key kept. */
const keyOptionals: Record<string, z.ZodType> = {
	verdict: verdictSchema,
	credit: creditSchema,
	accountCredit: creditSchema,
	spend: spendSchema,
	published: publishedSchema,
	lowBalance: number,
	latencyMs: number,
	checkedAt: number,
	nextProbeAt: number,
	heldUntil: number,
	source: z.enum(PROVENANCES),
};

/** What the serve adds to a snapshot for remote screens (see `GET /snapshot` in serve). */
export type SnapshotExtras = {
	/** When the serve's alerter last fired, for the remote header. */
	lastAlertAt?: number;
	/** Trend samples per key id, oldest first, when asked for with `?history=`. */
	history?: Record<string, HistorySample[]>;
};

export type ParsedSnapshot = {
	ok: true;
	snapshot: MonitorSnapshot;
	extras: SnapshotExtras;
	/** How many readings, windows, keys or fields were malformed and left out. */
	dropped: number;
};

type Counter = {dropped: number};

function validItems<T>(value: unknown, schema: z.ZodType<T>, count: Counter): T[] {
	if (!Array.isArray(value)) {
		if (value !== undefined) count.dropped++;
		return [];
	}
	const out: T[] = [];
	for (const item of value) {
		const parsed = schema.safeParse(item);
		if (parsed.success) out.push(parsed.data);
		else count.dropped++;
	}
	return out;
}

function parseKey(value: unknown, count: Counter): Record<string, unknown> | undefined {
	const core = keyCoreSchema.safeParse(value);
	if (!core.success) {
		count.dropped++;
		return undefined;
	}
	const raw = core.data as Record<string, unknown>;
	const key: Record<string, unknown> = {...raw};
	key.secretSource = typeof raw.secretSource === 'string' ? raw.secretSource : '';
	key.probing = raw.probing === true;
	key.windows = validItems(raw.windows, windowSchema, count);
	key.recent = validItems(raw.recent, readingSchema, count);
	for (const [field, schema] of Object.entries(keyOptionals)) {
		if (raw[field] === undefined) continue;
		const parsed = schema.safeParse(raw[field]);
		if (parsed.success) key[field] = parsed.data;
		else {
			delete key[field];
			count.dropped++;
		}
	}
	return key;
}

function parseHistory(value: unknown, count: Counter): Record<string, HistorySample[]> | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		count.dropped++;
		return undefined;
	}
	const entries: Array<[string, HistorySample[]]> = [];
	for (const [id, samples] of Object.entries(value)) {
		if (!Array.isArray(samples)) {
			count.dropped++;
			continue;
		}
		const kept = samples.filter(isHistorySample);
		count.dropped += samples.length - kept.length;
		entries.push([id, kept]);
	}
	// fromEntries defines properties, so a key id of "__proto__" stays a plain entry.
	return Object.fromEntries(entries);
}

// Text from another process reaches this terminal: no escape sequence in it may move a cursor.
function stripStrings(value: unknown): unknown {
	if (typeof value === 'string') return stripControl(value);
	if (Array.isArray(value)) return value.map(stripStrings);
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = stripStrings(v);
		return out;
	}
	return value;
}

/** Parse a `GET /snapshot` answer; a short reason when it is not a keywatch snapshot at all. */
export function parseSnapshot(text: string): ParsedSnapshot | {ok: false; error: string} {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return {ok: false, error: 'answer is not JSON'};
	}
	const core = snapshotCoreSchema.safeParse(json);
	if (!core.success) return {ok: false, error: 'answer is not a keywatch snapshot'};
	const count: Counter = {dropped: 0};
	const {keys, lastAlertAt, history, incidents, statusPageErrors, offline, demo, ...rest} = core.data as Record<string, unknown> & {keys: unknown[]};
	const snapshot: Record<string, unknown> = {...rest, keys: keys.map(key => parseKey(key, count)).filter(key => key !== undefined)};
	if (offline === true) snapshot.offline = true;
	if (demo === true) snapshot.demo = true;
	if (incidents !== undefined) {
		const parsed = z.partialRecord(z.enum(PROVIDER_IDS), z.array(incidentSchema)).safeParse(incidents);
		if (parsed.success) snapshot.incidents = parsed.data;
		else count.dropped++;
	}
	if (statusPageErrors !== undefined) {
		const parsed = z.partialRecord(z.enum(PROVIDER_IDS), z.string()).safeParse(statusPageErrors);
		if (parsed.success) snapshot.statusPageErrors = parsed.data;
		else count.dropped++;
	}
	const extras: SnapshotExtras = {};
	if (typeof lastAlertAt === 'number' && Number.isFinite(lastAlertAt)) extras.lastAlertAt = lastAlertAt;
	const samples = parseHistory(history, count);
	if (samples) extras.history = samples;
	return {ok: true, snapshot: stripStrings(snapshot) as MonitorSnapshot, extras, dropped: count.dropped};
}
