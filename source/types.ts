// The shared vocabulary of keywatch's four layers (providers → diagnosis → monitor → ui).
// Plain data only: everything here must survive JSON.stringify, so `check --json`,
// `serve /state` and `--remote` can move it between processes unchanged.

export const PROVIDER_IDS = [
	'openai',
	'anthropic',
	'gemini',
	'openrouter',
	'groq',
	'mistral',
	'deepseek',
	'xai',
	'azure_openai',
	'together',
	'openai_compatible',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** Every verdict kind, from issue #3. Exactly one per verdict. */
export const VERDICT_KINDS = [
	'ok',
	'invalid_key',
	'quota_exhausted',
	'billing',
	'rate_limited',
	'model_access',
	'permission',
	'verification_required',
	'region_blocked',
	'suspended',
	'content_policy',
	'overloaded',
	'outage',
	'network',
	'bad_request',
	'unknown',
] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

export const LIMIT_KINDS = ['requests', 'tokens', 'input_tokens', 'output_tokens', 'concurrency', 'unknown'] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];
export const WINDOW_PERIODS = ['second', 'minute', 'hour', 'day', 'month', 'unknown'] as const;
export type WindowPeriod = (typeof WINDOW_PERIODS)[number];

/**
 * Where a number came from. keywatch never shows an estimate as if the provider said it. `published` is a
 * figure from the provider's published limits for the tier the user declared: a limit, never what is left.
 */
export const PROVENANCES = ['headers', 'endpoint', 'body', 'traffic', 'estimate', 'config', 'published'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** One rate-limit bucket as the provider reported it. Missing means unknown, never zero. */
export type RateWindow = {
	/** Stable id within a provider, e.g. "requests", "tokens", "input_tokens", "tokens-month". */
	id: string;
	limitKind: LimitKind;
	period: WindowPeriod;
	limit?: number;
	remaining?: number;
	/** Absolute deadline, epoch milliseconds (converted from durations/timestamps at receipt). */
	resetAt?: number;
	source: Provenance;
};

export type Credit = {
	/** Amount left, in `currency` units (or tokens when currency is "tokens"). */
	remaining?: number;
	/** The cap it is measured against, when one exists. */
	limit?: number;
	/** Spent so far in the provider's period, when known. */
	used?: number;
	currency: string;
	source: Provenance;
	/** Short human label, e.g. "key limit", "balance", "monthly tokens". */
	label?: string;
	/**
	 * Whose money: this key's own limit (OpenRouter `/key`) or the account's pool that every key draws on
	 * (OpenRouter `/credits`, DeepSeek and xAI balances). A key's own limit decides LOW before the pool does.
	 */
	scope?: 'key' | 'account';
	/** Spent per period where the provider reports each (OpenRouter `/key`: today, this week, this month). */
	usage?: {day?: number; week?: number; month?: number};
	/** Every currency the provider reported; `remaining` and `currency` above are the primary one (DeepSeek). */
	balances?: Balance[];
};

/** One currency of a multi-currency balance. */
export type Balance = {currency: string; remaining: number; granted?: number; toppedUp?: number};

/** A limit the provider publishes for a tier, shown when it sends no headers to read one from. */
export type PublishedLimit = {
	/** What is limited, in the provider's words, e.g. "spend per 10 minutes". */
	label: string;
	limit: number;
	/** "requests", "tokens", or a currency code for a spend limit. */
	unit: string;
	limitKind?: LimitKind;
	period?: WindowPeriod;
	/** The window in a few characters for a narrow cell: "10m", "mo", "d". */
	per: string;
	/** Where the figure is published (as cited in the provider reference). */
	ref: string;
	source: 'published';
};

/** The tier the user declared for a key and what the provider publishes for it. */
export type PublishedLimits = {
	tier: string;
	limits: PublishedLimit[];
	/** Why no figure is shown, or what the figures leave out. */
	note?: string;
};

/**
 * What a successful key-info or balance answer says in its fields about the key being unusable, where no
 * error is sent: xAI's blocked and disabled flags, a balance that cannot pay for calls, a key at its own
 * limit. The adapter reads them; diagnosis turns them into the verdict.
 */
export const KEY_FLAGS = ['team_blocked', 'key_blocked', 'key_disabled', 'balance_unusable', 'balance_empty', 'key_limit_reached'] as const;
export type KeyFlag = (typeof KEY_FLAGS)[number];

/** What earlier answers said about a key that later requests need (xAI's management API is addressed per team). */
export type KeyFacts = {teamId?: string};

/** Money spent this month, read with an admin key, measured against the budget the user set. */
export type Spend = {
	/** Calendar month the amount covers, `YYYY-MM` (UTC). */
	month: string;
	used: number;
	currency: string;
	budget?: number;
	/** budget − used, when a budget is set (negative when over budget). */
	left?: number;
	source: Provenance;
};

export type NetworkFailureKind =
	| 'dns'
	| 'refused'
	| 'reset'
	| 'tls'
	| 'timeout'
	| 'protocol'
	| 'too_large'
	| 'redirect'
	| 'offline'
	| 'other';

/** What came back from one request, or why nothing did. The diagnosis layer's input. */
export type Exchange = {
	provider: ProviderId;
	/** HTTP status; null when the request failed before a status arrived. */
	status: number | null;
	/** Lower-case header names. Repeated headers arrive as arrays. */
	headers: Record<string, string | string[] | undefined>;
	/** Raw body text (already capped at 1 MiB, possibly truncated). */
	body: string;
	/** The body was longer than the cap and was cut off. */
	truncated?: boolean;
	/** Set when no HTTP answer was received. */
	network?: {kind: NetworkFailureKind; code?: string; message: string};
	/** Epoch ms when the answer (or failure) arrived. */
	at: number;
	latencyMs?: number;
};

export type Evidence = {
	status: number | null;
	errorType?: string;
	errorCode?: string;
	/** Provider message with key material redacted and control characters stripped. */
	message?: string;
	requestId?: string;
	/** The headers that decided the verdict (already redacted). */
	headers: Record<string, string>;
	network?: string;
	/** Statuspage incident that matches a DOWN verdict, when known. */
	incident?: {name: string; url?: string};
};

export type Verdict = {
	kind: VerdictKind;
	/** One line. */
	title: string;
	/** Plain words, naming the evidence. */
	why: string;
	/** Ordered concrete steps, naming the provider's page. */
	fix: string[];
	clears: 'by_itself' | 'needs_action';
	/** Epoch ms when it will clear by itself, when known. */
	clearsAt?: number;
	retryAfterSeconds?: number;
	/** For rate_limited: which limit and which window, where the answer tells. */
	limit?: LimitKind;
	window?: WindowPeriod;
	/** When the answer cannot separate causes, the kinds it could be. */
	candidates?: VerdictKind[];
	evidence: Evidence;
	windows: RateWindow[];
};

/** The one-word state a row shows. */
export const STATUSES = ['OK', 'LOW', 'LIMITED', 'DENIED', 'DOWN', 'CHECKING'] as const;
export type Status = (typeof STATUSES)[number];

export const PROBE_KINDS = ['validity', 'headroom', 'balance', 'spend'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** One probe's outcome, as the monitor stores it. */
export type Reading = {
	at: number;
	probe: ProbeKind;
	status: number | null;
	latencyMs?: number;
	windows: RateWindow[];
	credit?: Credit;
	verdict: Verdict;
	/** How this reading was obtained. */
	source: Provenance;
	/**
	 * How far the provider's clock (its `Date` header) ran ahead of this machine's, in ms (negative: behind),
	 * when it was off by more than the tolerance and this answer's absolute resets were read on its clock.
	 */
	clockSkewMs?: number;
};

/** Where a key's secret comes from. The value itself lives only in a Secret at runtime. */
export type SecretRef =
	| {type: 'env'; name: string}
	| {type: 'command'; command: string}
	| {type: 'value'; value: string}
	/** The OS keyring (service "keywatch", this account), via @napi-rs/keyring. */
	| {type: 'keyring'; account: string};

export type KeySettings = {
	/** Azure: deployment name and api-version. */
	deployment?: string;
	apiVersion?: string;
	/** Model used by the headroom probe (defaults per provider). */
	model?: string;
	/** User-declared tier, for published limits where the provider sends none (Gemini). */
	tier?: string;
	/** Monthly budget in the provider's currency, for spend rows. */
	budget?: number;
	/** LOW threshold as a fraction (default 0.1). */
	lowThreshold?: number;
	/** LOW when less money than this is left, in the credit's currency (default 5 for a balance with no limit). */
	lowBalance?: number;
};

export type KeyConfig = {
	name: string;
	provider: ProviderId;
	secret: SecretRef;
	/** Optional admin/management key for spend and credit endpoints (sk-admin-…, sk-ant-admin…). */
	admin?: SecretRef;
	baseUrl?: string;
	/** Turn off headroom probes (the ones that spend tokens) for this key. */
	noSpend?: boolean;
	backup?: boolean;
	settings?: KeySettings;
	/** How the key got here: the config file, an environment variable found at start, or the demo. */
	origin?: 'config' | 'env' | 'demo';
};

/** What the UI and `check --json` see of one key. No secret material, ever. */
export type KeyState = {
	id: string;
	name: string;
	provider: ProviderId;
	/** `sk-…abcd` at most. */
	masked: string;
	/** Human description of where the secret comes from, e.g. "env OPENAI_API_KEY". */
	secretSource: string;
	status: Status;
	verdict?: Verdict;
	windows: RateWindow[];
	/** The credit the row shows and LOW is judged by: the key's own limit when it has one, else the balance. */
	credit?: Credit;
	/** The account's pool beside the key's own limit (OpenRouter `/credits` with a management key): shown, not judged. */
	accountCredit?: Credit;
	/** Spent this month (admin key) against the user's budget, when known. */
	spend?: Spend;
	/** Published limits for the tier the user set (`--tier`), where the provider sends none to read. */
	published?: PublishedLimits;
	/** The money floor under which `credit` reads LOW, when one applies (`--low-balance`, or the default). */
	lowBalance?: number;
	latencyMs?: number;
	checkedAt?: number;
	nextProbeAt?: number;
	/**
	 * The provider named a deadline for this reading (retry-after, a window's reset) and keywatch does not probe the
	 * key again before it: the status stands until then, with no second reading to confirm it.
	 */
	heldUntil?: number;
	/** The last few readings, newest last (bounded). */
	recent: Reading[];
	/** Source of the newest reading. */
	source?: Provenance;
	probing: boolean;
};

/** An open incident from a provider's public status page (Statuspage JSON). */
export type Incident = {
	provider: ProviderId;
	name: string;
	impact: 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
	status: string;
	url?: string;
	startedAt?: number;
};

export type MonitorSnapshot = {
	keys: KeyState[];
	paused: boolean;
	intervalMs: number;
	startedAt: number;
	/** Set when every key failed on the network at once. */
	offline?: boolean;
	demo?: boolean;
	/** Open incidents per provider, from the status pages keywatch polls. */
	incidents?: Partial<Record<ProviderId, Incident[]>>;
	/** Status pages that could not be read (said once, then quiet). */
	statusPageErrors?: Partial<Record<ProviderId, string>>;
};
