// The vocabulary of the rule tables: what a parsed answer looks like, and what a rule can ask of it.
import type {KeyFlag, LimitKind, ProviderId, VerdictKind, WindowPeriod} from '../types.js';
import type {FixedReset} from './resets.js';

/** One google.rpc.QuotaFailure violation (or a legacy {subject, description} pair). */
export type QuotaViolation = {quotaId?: string; quotaMetric?: string; quotaValue?: string};

/** The error fields found in a body, wherever the provider put them. All optional: bodies lie. */
export type ErrorFields = {
	message?: string;
	type?: string;
	/** `error.code` as text: numbers (OpenRouter, Gemini) and strings (Azure "429") alike. */
	code?: string;
	/** `error.code` when it is an HTTP-like number (429, "401"). */
	numericCode?: number;
	/** Google canonical status: RESOURCE_EXHAUSTED, PERMISSION_DENIED… */
	googleStatus?: string;
	/** google.rpc.ErrorInfo reasons, legacy `errors[].reason`, Azure `innererror.code`. */
	reasons: string[];
	violations: QuotaViolation[];
	/** google.rpc.RetryInfo.retryDelay, seconds. */
	retryDelaySeconds?: number;
	/** Anthropic `error.details.error_code`. */
	detailCode?: string;
	/** OpenRouter `error.metadata`. */
	metadata?: Record<string, unknown>;
	requestId?: string;
	/** Gemini `promptFeedback.blockReason` on a 2xx answer. */
	blockReason?: string;
};

/** How the body arrived. */
export type BodyForm = 'empty' | 'json' | 'html' | 'text' | 'truncated_json' | 'too_deep' | 'too_large';

/** Shapes worth a rule of their own. */
export type BodyTag =
	| 'error_object' // {"error": {...}}
	| 'nested_error' // {"error": {"error": {...}}} (OpenRouter as some clients log it)
	| 'flat_error' // {"error": "text", "code": "..."} (xAI 403)
	| 'fastapi_detail' // {"detail": ...} (Mistral)
	| 'top_level_message' // {"message": "...", ...} with no error object (Mistral gateway, Mistral 2025)
	| 'bare_string' // "text" as a JSON value (xAI)
	| 'array' // [ {...} ] (Gemini streaming)
	| 'anthropic' // {"type": "error", "error": {...}}
	| 'google' // google.rpc.Status with a canonical status or details[]
	| 'rewrapped' // an error serialised into another error's message (SDK re-wrap)
	| 'null'; // the JSON value null

export type ParsedBody = {
	form: BodyForm;
	tags: BodyTag[];
	/** True when the body carries an error object or error message (matters on a 2xx). */
	hasError: boolean;
	error: ErrorFields;
	/** Whitespace-normalised text for message rules: message, detail, upstream text, or the raw text. */
	text: string;
	/** <title> of an HTML page. */
	title?: string;
};

/** A rate-limit bucket seen at zero, from decoded windows or straight from headers. */
export type ExhaustedWindow = {
	id: string;
	limitKind: LimitKind;
	period: WindowPeriod;
	resetAt?: number;
	/** The header that showed it, when it came from headers. */
	header?: string;
};

/** Everything a rule can look at. Built once per diagnosis. */
export type Context = {
	provider: ProviderId;
	/** The HTTP status, or the body's numeric error code when the status is missing or 2xx. */
	status: number | null;
	httpStatus: number | null;
	/** Lower-case names; repeated values joined with ", ". */
	headers: Record<string, string>;
	body: ParsedBody;
	exhausted: ExhaustedWindow[];
	retryAfterSeconds?: number;
	now: number;
	/** What the adapter read in a 2xx body that says the key cannot make calls. */
	flags: KeyFlag[];
};

/** Exact (case-insensitive) text or a pattern. */
export type Pattern = string | RegExp;

/** Every condition given must hold. An empty match matches everything. */
export type Match = {
	status?: number | readonly number[];
	/** Inclusive range, e.g. [500, 599]. */
	statusRange?: readonly [number, number];
	type?: Pattern;
	code?: Pattern;
	/** Either field: Anthropic's OpenAI-compatible endpoint swaps them. */
	typeOrCode?: Pattern;
	/** Tested against the body text (message, detail, upstream message or raw text). */
	message?: RegExp;
	/** Any google.rpc.ErrorInfo reason (or legacy reason, Azure innererror code). */
	reason?: Pattern;
	googleStatus?: Pattern;
	/** Any QuotaFailure violation's quotaId or quotaMetric. */
	quotaId?: RegExp;
	detailCode?: Pattern;
	/** An OpenRouter metadata field is present (and matches `value`). */
	metadata?: {key: string; value?: RegExp};
	form?: BodyForm | readonly BodyForm[];
	tag?: BodyTag;
	notTag?: BodyTag;
	header?: {name: string; value?: RegExp};
	/** A rate-limit window at zero with one of these periods. */
	exhausted?: readonly WindowPeriod[];
	/** A retry-after hint or an exhausted window is present (true) or absent (false). */
	retryHint?: boolean;
	/** The body carries no error message at all. */
	noMessage?: boolean;
	/** The adapter read this flag in a 2xx body (xAI `team_blocked`, an empty balance). */
	flag?: KeyFlag;
};

/**
 * One line of a rule table. `why` and `fix` may use {provider}, {limit} and the page placeholders
 * {keys} {billing} {limits} {usage} {status} {console} {org} {docs} (see pages.ts).
 */
export type Rule = {
	id: string;
	match: Match;
	kind: VerdictKind;
	/** When the answer cannot separate causes: every kind it could be, the chosen one first. */
	candidates?: VerdictKind[];
	limit?: LimitKind;
	window?: WindowPeriod;
	/** Default: by_itself for rate_limited, overloaded, outage, network; needs_action otherwise. */
	clears?: 'by_itself' | 'needs_action';
	/**
	 * A reset the provider documents but does not send (Gemini's daily quotas, Anthropic's monthly spend
	 * cap): it sets clearsAt, and beats a short retry hint, which such caps do not honour.
	 */
	resets?: FixedReset;
	/**
	 * 'late' entries are a provider's catch-alls (e.g. "any invalid_request_error is a bad request"):
	 * they run after the shared message rules, so a specific wording anywhere still wins.
	 */
	stage?: 'late';
	title: string;
	why: string;
	fix: string[];
};

/** The text half of a rule, shared between tables. */
export type RuleText = Pick<Rule, 'title' | 'why' | 'fix'>;
