// Exchange → Verdict. Pure: no I/O, no clock (time comes from options.now or exchange.at).
import {sanitize} from '../secrets/scrub.js';
import {type Exchange, type KeyFlag, type LimitKind, PROVIDER_IDS, type ProviderId, type RateWindow, type Verdict, type VerdictKind} from '../types.js';
import {
	evidenceHeaders,
	exhaustedFromHeaders,
	exhaustedFromWindows,
	normaliseHeaders,
	requestIdFrom,
	retryAfterFromHeaders,
} from './headers.js';
import {bindingWindow, limitFromQuota, limitFromText, limitFromType, limitPhrase} from './limits.js';
import {matches} from './match.js';
import {networkTexts} from './network.js';
import {parseBody} from './parse-body.js';
import {isRecord, unreadableBody} from '../util/safe-json.js';
import {fixedResetAt, fixedResetWords} from './resets.js';
import {rulesFor} from './rules/index.js';
import * as t from './rules/texts.js';
import type {Context, ExhaustedWindow, ParsedBody, Rule} from './types.js';
import {waitFromText} from './wait-text.js';
import {evidenceSentence, fill, formatWait, shorten} from './wording.js';

export type DiagnoseOptions = {
	/** Rate-limit windows the adapter decoded from the same exchange. */
	windows?: RateWindow[];
	/** Epoch ms; defaults to exchange.at. */
	now?: number;
	/** What the adapter read in a 2xx body that says the key cannot make calls (rules with `match.flag`). */
	flags?: KeyFlag[];
};

const clearsByItself: ReadonlySet<VerdictKind> = new Set(['ok', 'rate_limited', 'overloaded', 'outage', 'network']);

export function diagnose(exchange: Exchange, options: DiagnoseOptions = {}): Verdict {
	return classify(exchange, options).verdict;
}

/** The verdict and the id of the rule that decided it (for tests and debugging). */
export function classify(exchange: Exchange, options: DiagnoseOptions = {}): {verdict: Verdict; rule: string} {
	const windows = Array.isArray(options.windows) ? options.windows : [];
	const provider: ProviderId = (PROVIDER_IDS as readonly string[]).includes(exchange?.provider) ? exchange.provider : 'openai_compatible';
	const now = Number.isFinite(options.now) ? (options.now as number) : Number.isFinite(exchange?.at) ? exchange.at : 0;
	try {
		if (exchange.network) return networkVerdict(exchange, provider, windows);
		const ctx = context(exchange, provider, windows, now, Array.isArray(options.flags) ? options.flags : []);
		const special = answerWithoutRules(ctx, windows, exchange);
		if (special) return special;
		for (const rule of rulesFor(provider)) {
			if (matches(rule.match, ctx)) return {verdict: fromRule(rule, ctx, windows), rule: rule.id};
		}
		return {verdict: fromRule({id: 'fallback.unknown', match: {}, kind: 'unknown', ...t.unknown}, ctx, windows), rule: 'fallback.unknown'};
	} catch (error) {
		// A diagnosis must never take the monitor down; a bug here shows as an honest "unknown".
		const message = sanitize(error instanceof Error ? error.message : String(error)).slice(0, 200);
		const verdict: Verdict = {
			kind: 'unknown',
			title: 'Could not read this answer',
			why: `keywatch failed while reading the answer (${message}).`,
			fix: ['Report this to keywatch with the evidence (remove the key first).'],
			clears: 'needs_action',
			evidence: {status: typeof exchange?.status === 'number' ? exchange.status : null, headers: {}},
			windows,
		};
		return {verdict, rule: 'internal-error'};
	}
}

function context(exchange: Exchange, provider: ProviderId, windows: RateWindow[], now: number, flags: KeyFlag[]): Context {
	const headers = normaliseHeaders(exchange.headers);
	const parsed = parseBody(typeof exchange.body === 'string' ? exchange.body : '');
	const body = withoutReasonPhrase(parsed);
	const httpStatus = Number.isInteger(exchange.status) ? (exchange.status as number) : null;
	const code = body.error.numericCode ?? (httpStatus === null ? statusInText(parsed.text) : undefined);
	const bodyStatus = code !== undefined && code >= 400 && code <= 599 ? code : undefined;
	// A 200 that carries an error (OpenRouter mid-generation), or no status at all (a pasted log line):
	// the body's own numeric code is the best status there is.
	const status = httpStatus === null || (httpStatus >= 200 && httpStatus < 300 && body.hasError) ? (bodyStatus ?? httpStatus) : httpStatus;
	const metadataHeaders = normaliseHeaders(bodyHeaders(body.error.metadata));
	const exhausted = dedupe([
		...exhaustedFromWindows(windows),
		...exhaustedFromHeaders(provider, headers, now),
		...exhaustedFromHeaders(provider, metadataHeaders, now),
	]);
	const retryAfterSeconds = round(
		retryAfterFromHeaders(headers, now) ??
			body.error.retryDelaySeconds ??
			metadataSeconds(body.error.metadata) ??
			retryAfterFromHeaders(metadataHeaders, now) ??
			waitFromText(body.text, now),
	);
	return {provider, status, httpStatus, headers, body, exhausted, retryAfterSeconds, now, flags};
}

// A plain-text body that only repeats the status line ("429 Too Many Requests") says nothing the
// status did not; reading it as a message would turn an ambiguous 429 into a confident rate limit.
const reasonPhrase =
	/^(?:HTTP\/[\d.]+ )?(?:\d{3} )?(?:too many requests|unauthori[sz]ed|forbidden|not found|bad request|payment required|internal server error|service unavailable|bad gateway|gateway time-?out)\.?$/i;

function withoutReasonPhrase(body: ParsedBody): ParsedBody {
	return body.form === 'text' && reasonPhrase.test(body.text) ? {...body, text: ''} : body;
}

// Pasted log lines name the status: "Error code: 429 - {...}", "401 status code (no body)", "HTTP 503".
const statusPhrase = /(?:^|\b(?:error code|status code|status|HTTP(?:\/[\d.]+)?)[:\s]+)([45]\d\d)\b/i;

function statusInText(text: string): number | undefined {
	const found = statusPhrase.exec(text.slice(0, 300))?.[1];
	return found ? Number(found) : undefined;
}

function bodyHeaders(metadata: Record<string, unknown> | undefined): Exchange['headers'] | undefined {
	const headers = metadata?.headers;
	if (!isRecord(headers)) return undefined;
	const out: Exchange['headers'] = {};
	for (const [name, value] of Object.entries(headers)) {
		if (typeof value === 'string' || typeof value === 'number') out[name] = String(value);
	}
	return out;
}

function metadataSeconds(metadata: Record<string, unknown> | undefined): number | undefined {
	const value = metadata?.retry_after_seconds;
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 86_400 ? value : undefined;
}

function round(seconds: number | undefined): number | undefined {
	return seconds === undefined || !Number.isFinite(seconds) || seconds < 0 ? undefined : Math.round(seconds * 1000) / 1000;
}

function dedupe(list: ExhaustedWindow[]): ExhaustedWindow[] {
	const seen = new Set<string>();
	return list.filter(w => {
		const key = `${w.limitKind}/${w.period}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** Answers no rule table needs to see: successes, HTML instead of JSON on a 2xx, nothing at all. */
function answerWithoutRules(ctx: Context, windows: RateWindow[], exchange: Exchange): {verdict: Verdict; rule: string} | undefined {
	const {httpStatus, body} = ctx;
	const success = httpStatus !== null && httpStatus >= 200 && httpStatus < 300;
	const build = (rule: Rule) => ({verdict: fromRule(rule, ctx, windows), rule: rule.id});
	if (success && body.error.blockReason) {
		return build({id: 'ok.blocked-prompt', match: {}, kind: 'content_policy', ...t.contentPolicy});
	}
	if (success && body.form === 'html') {
		return build({
			id: 'ok.html',
			match: {},
			kind: 'unknown',
			candidates: ['network', 'bad_request'],
			...t.unknown,
			title: 'Web page instead of an API answer',
			why: 'The answer was an HTML page, not an API answer: a captive portal or proxy login page, or a base URL that points at a website rather than the API.',
			fix: [
				'Check the base URL of this key points at the API host ({docs}).',
				'If your network shows a login page, sign in and press R.',
			],
		});
	}
	// A 2xx whose `error` field says nothing (no message, type or code) is not an error the API sent: it is an
	// answer of the wrong shape, read like any other unreadable 2xx rather than as a refusal.
	const emptyError = success && body.hasError && !body.error.message && !body.error.type && !body.error.code && !body.error.googleStatus;
	if (success && (!body.hasError || emptyError)) {
		// "Key works" needs an answer the API could have sent: a 2xx with an unreadable body is not one.
		const problem = emptyError
			? "the body's error field held no message, type or code (an answer of the wrong shape)"
			: unreadableBody(typeof exchange.body === 'string' ? exchange.body : '', exchange.truncated === true);
		// A 2xx key-info or balance answer can still say the key cannot make calls, in its fields.
		const flagged = problem || ctx.flags.length === 0 ? undefined : rulesFor(ctx.provider).find(rule => rule.match.flag !== undefined && matches(rule.match, ctx));
		if (flagged) return build(flagged);
		if (problem) {
			return build({
				id: 'ok.unreadable',
				match: {},
				kind: 'unknown',
				candidates: ['network', 'outage'],
				...t.unknown,
				clears: 'by_itself',
				title: 'Unreadable answer',
				why: `The answer said HTTP ${httpStatus}, but ${problem}. A proxy, captive portal or gateway may have answered instead of the API, or the API is broken; keywatch cannot tell whether the key works.`,
				fix: [
					'Check the base URL of this key points at the API itself ({docs}).',
					'If a proxy or captive portal is in the way, sign in or fix it, then press R.',
					"If nothing is in between, check the provider's status page ({status}).",
				],
			});
		}
		return {verdict: okVerdict(ctx, windows), rule: 'ok'};
	}
	if (httpStatus !== null && httpStatus < 200) {
		return build({id: 'status.informational', match: {}, kind: 'unknown', ...t.unknown, why: 'The answer ended on an informational (1xx) status, which is not a final answer.'});
	}
	if (httpStatus === null && ctx.status === null && (body.form === 'empty' || body.form === 'too_deep')) {
		return build({
			id: 'nothing',
			match: {},
			kind: 'unknown',
			...t.unknown,
			title: 'Nothing to diagnose',
			why: 'There was no HTTP status and no readable body, so there is nothing to tell the cause from.',
		});
	}
	return undefined;
}

function okVerdict(ctx: Context, windows: RateWindow[]): Verdict {
	const label = fill('{provider}', ctx.provider);
	const lowest = windows
		.filter(w => w.limit !== undefined && w.limit > 0 && w.remaining !== undefined && w.remaining >= 0)
		.map(w => ({w, share: (w.remaining as number) / (w.limit as number)}))
		.sort((a, b) => a.share - b.share)[0];
	const headroom = lowest
		? ` Least headroom: ${lowest.w.remaining} of ${lowest.w.limit} ${limitPhrase(lowest.w.limitKind, lowest.w.period) ?? lowest.w.id} left.`
		: '';
	return {
		kind: 'ok',
		title: 'Key works',
		why: `${label === 'the provider' ? 'The provider' : label} accepted the request (HTTP ${ctx.httpStatus}).${headroom}`,
		fix: [],
		clears: 'by_itself',
		evidence: evidence(ctx),
		windows,
	};
}

function fromRule(rule: Rule, ctx: Context, windows: RateWindow[]): Verdict {
	const rate = rule.kind === 'rate_limited';
	const binding = bindingWindow(ctx.exhausted);
	const {limit, window} = rate ? limitAndWindow(rule, ctx, binding) : {limit: undefined, window: undefined};
	const phrase = limitPhrase(limit, window);
	const clears = rule.clears ?? (clearsByItself.has(rule.kind) ? 'by_itself' : 'needs_action');
	// A documented fixed reset wins over a short retry hint: a daily or monthly cap ignores the hint.
	const fixed = rule.resets === undefined ? undefined : (binding?.resetAt ?? fixedResetAt(rule.resets, ctx.now));
	const retryAfter = fixed === undefined ? ctx.retryAfterSeconds : undefined;
	let clearsAt: number | undefined;
	if (fixed !== undefined) clearsAt = fixed;
	else if (clears === 'by_itself') {
		if (retryAfter !== undefined) clearsAt = Math.round(ctx.now + retryAfter * 1000);
		else if (rate && binding?.resetAt !== undefined) clearsAt = binding.resetAt;
	} else if (rule.kind === 'quota_exhausted') {
		// A monthly bucket at zero that says when it resets (Mistral): the far reset is still a fact worth showing.
		clearsAt = ctx.exhausted.find(w => w.period === 'month' && w.resetAt !== undefined)?.resetAt;
	}
	let title = fill(rule.title, ctx.provider, {limit: phrase});
	if (rate && phrase && rule.title === t.rateLimited.title) title = `${title}: ${phrase}`;
	let why = `${fill(rule.why, ctx.provider, {limit: phrase})} ${evidenceSentence(ctx)}`;
	if (retryAfter !== undefined && clears === 'by_itself') why += ` It asks to retry in ${formatWait(retryAfter)}.`;
	if (fixed !== undefined && rule.resets !== undefined) {
		const hint = ctx.retryAfterSeconds === undefined ? '' : `${fill('{provider}', ctx.provider)}'s retry hint says ${formatWait(ctx.retryAfterSeconds)}, but this cap does not lift before its reset: `;
		why += ` ${hint}${hint ? 'it' : 'It'} resets at ${fixedResetWords(rule.resets)} (${new Date(fixed).toISOString()}).`;
	}
	const verdict: Verdict = {
		kind: rule.kind,
		title,
		why,
		fix: rule.fix.map(step => fill(step, ctx.provider, {limit: phrase})),
		clears,
		evidence: evidence(ctx),
		windows,
	};
	if (clearsAt !== undefined) verdict.clearsAt = clearsAt;
	if (retryAfter !== undefined) verdict.retryAfterSeconds = retryAfter;
	if (rate) {
		verdict.limit = limit;
		verdict.window = window;
	}
	if (rule.candidates) verdict.candidates = [...rule.candidates];
	return verdict;
}

function limitAndWindow(rule: Rule, ctx: Context, binding: ExhaustedWindow | undefined) {
	const {error, text} = ctx.body;
	const quota = limitFromQuota(error.violations);
	const phrase = limitFromText(text);
	const known = <T extends string>(value: T | undefined): T | undefined => (value === 'unknown' ? undefined : value);
	const bucket = known(binding?.limitKind);
	const worded = known(phrase.limit) ?? limitFromType(error.type);
	// A bucket at zero is a measurement; words are only as precise as they are ("request tokens" on an
	// Anthropic 429 whose input-tokens bucket is empty is the input-token limit).
	const limit = rule.limit ?? known(quota.limit) ?? (refines(bucket, worded) ? bucket : worded) ?? bucket ?? 'unknown';
	const window = rule.window ?? known(quota.window) ?? known(phrase.window) ?? known(binding?.period) ?? 'unknown';
	return {limit, window};
}

function refines(bucket: LimitKind | undefined, worded: LimitKind | undefined): boolean {
	if (bucket === undefined) return false;
	return worded === undefined || (worded === 'tokens' && (bucket === 'input_tokens' || bucket === 'output_tokens'));
}

function evidence(ctx: Context): Verdict['evidence'] {
	const {error, form} = ctx.body;
	const out: Verdict['evidence'] = {
		status: ctx.httpStatus,
		headers: evidenceHeaders(ctx.headers, form === 'json' || form === 'empty' ? [] : ['content-type']),
	};
	const type = error.type ?? error.googleStatus;
	if (type) out.errorType = sanitize(type).slice(0, 120);
	const code = error.detailCode ?? (error.code && !/^\d+$/.test(error.code) ? error.code : undefined) ?? error.reasons[0] ?? error.code ?? (ctx.flags.length > 0 ? ctx.flags.join(', ') : undefined);
	if (code) out.errorCode = sanitize(code).slice(0, 120);
	const message = error.message ?? (ctx.body.text || undefined);
	if (message && form !== 'too_deep') out.message = shorten(sanitize(message).trim(), 1000);
	const requestId = requestIdFrom(ctx.headers) ?? (error.requestId ? sanitize(error.requestId).slice(0, 200) : undefined);
	if (requestId) out.requestId = requestId;
	return out;
}

function networkVerdict(exchange: Exchange, provider: ProviderId, windows: RateWindow[]): {verdict: Verdict; rule: string} {
	const failure = exchange.network as NonNullable<Exchange['network']>;
	const kind = failure.kind in networkTexts ? failure.kind : 'other';
	const text = networkTexts[kind];
	const detail = sanitize([failure.code, failure.message].filter(s => typeof s === 'string' && s).join(': ')).slice(0, 300);
	const verdict: Verdict = {
		kind: 'network',
		title: text.title,
		why: `${fill(text.why, provider)}${detail ? ` The error was: ${detail}.` : ''}`,
		fix: text.fix.map(step => fill(step, provider)),
		clears: text.clears,
		evidence: {status: null, headers: {}, network: `${kind}${detail ? ` (${detail})` : ''}`},
		windows,
	};
	return {verdict, rule: `network.${kind}`};
}
