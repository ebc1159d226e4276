// Which limit tripped and over which window, from the message text, Google quota ids, the OpenAI
// error type, or the bucket at zero. Phrase tables are data: a new wording is one line.
import type {LimitKind, WindowPeriod} from '../types.js';
import type {ExhaustedWindow, QuotaViolation} from './types.js';

export type LimitGuess = {limit?: LimitKind; window?: WindowPeriod};

// The phrase that appears earliest in the message wins: messages name the tripped limit first
// ("on tokens per min (TPM)") and mention others later ("Need more tokens?").
const phrases: Array<[RegExp, LimitKind, WindowPeriod]> = [
	[/\bITPM\b|input[- ]tokens? per[- ]min(?:ute)?/i, 'input_tokens', 'minute'],
	[/\bOTPM\b|output[- ]tokens? per[- ]min(?:ute)?/i, 'output_tokens', 'minute'],
	[/input[- ]tokens? per[- ]day/i, 'input_tokens', 'day'],
	[/output[- ]tokens? per[- ]day/i, 'output_tokens', 'day'],
	[/\bTPM\b|tokens? per[- ]min(?:ute)?/i, 'tokens', 'minute'],
	[/\bTPD\b|tokens? per[- ]day/i, 'tokens', 'day'],
	[/tokens? per[- ]hour/i, 'tokens', 'hour'],
	[/tokens? per[- ]sec(?:ond)?/i, 'tokens', 'second'],
	[/\bRPM\b|(?:requests?|queries|calls) per[- ]min(?:ute)?|free-models-per-min/i, 'requests', 'minute'],
	// Images have no limit kind of their own; the window is what the message adds.
	[/\bIPM\b|images? per[- ]min(?:ute)?/i, 'unknown', 'minute'],
	[/\bdaily (?:request|call|query) (?:limit|quota|cap)|(?:request|call|query) (?:limit|quota|cap) per day/i, 'requests', 'day'],
	[/\bdaily (?:token|input token|output token) (?:limit|quota|cap)/i, 'tokens', 'day'],
	[/\bdaily (?:usage )?(?:limit|quota|cap)|\bper[- ]day (?:limit|quota|cap)|(?:limit|quota|cap) per day/i, 'unknown', 'day'],
	[/\bRPD\b|(?:requests?|queries|calls) per[- ]day|free-models-per-day/i, 'requests', 'day'],
	[/(?:requests?|queries|calls) per[- ]hour/i, 'requests', 'hour'],
	[/\bRPS\b|\bQPS\b|(?:requests?|queries|calls) per[- ]sec(?:ond)?/i, 'requests', 'second'],
	[/request tokens[^.]{0,60}per-minute/i, 'tokens', 'minute'],
	[/output[- ]tokens? (?:rate )?limit/i, 'output_tokens', 'unknown'],
	[/input[- ]tokens? (?:rate )?limit/i, 'input_tokens', 'unknown'],
	[/too many tokens|token rate limit/i, 'tokens', 'unknown'],
	[/too many (?:concurrent|parallel)|concurren(?:t|cy) (?:requests?|limit)/i, 'concurrency', 'unknown'],
	[/requests? rate limit|call rate limit/i, 'requests', 'unknown'],
];

export function limitFromText(text: string): LimitGuess {
	// Phrases that name a window beat vaguer ones ("Too many tokens … Tokens per Minute").
	for (const tier of [phrases.filter(p => p[2] !== 'unknown'), phrases.filter(p => p[2] === 'unknown')]) {
		let best: {index: number; guess: LimitGuess} | undefined;
		for (const [pattern, limit, window] of tier) {
			const match = pattern.exec(text);
			if (match && (best === undefined || match.index < best.index)) best = {index: match.index, guess: {limit, window}};
		}
		if (best) return best.guess;
	}
	// "on : Limit 500000, Used 500370, Requested 252" (Groq with the label missing): a request-count
	// limit is only ever asked for one request at a time, so more than one requested means tokens.
	const requested = /Limit:? [\d,.]+[^.]{0,40}Requested:? ([\d,]+)/i.exec(text);
	if (requested?.[1]) return {limit: Number(requested[1].replace(/,/g, '')) > 1 ? 'tokens' : 'requests', window: 'unknown'};
	return {};
}

/** OpenAI and Groq put the limit kind in `error.type` on rate-limit errors. */
export function limitFromType(type: string | undefined): LimitKind | undefined {
	if (!type) return undefined;
	if (/^input_tokens$/i.test(type)) return 'input_tokens';
	if (/^output_tokens$/i.test(type)) return 'output_tokens';
	if (/^tokens?$/i.test(type)) return 'tokens';
	if (/^requests?$/i.test(type)) return 'requests';
	return undefined;
}

const periodRank: Record<WindowPeriod, number> = {unknown: 0, second: 1, minute: 2, hour: 3, day: 4, month: 5};

function violationGuess(v: QuotaViolation): LimitGuess {
	const text = `${v.quotaId ?? ''} ${v.quotaMetric ?? ''}`;
	// Google's own reading (providers.md §3.2): InputTokens → tokens, Requests → requests.
	const limit: LimitKind | undefined = /token/i.test(text) ? 'tokens' : /request/i.test(text) ? 'requests' : undefined;
	const window: WindowPeriod = /PerDay|per_day|daily/i.test(text)
		? 'day'
		: /PerHour|per_hour/i.test(text)
			? 'hour'
			: /PerMinute|per_minute/i.test(text)
				? 'minute'
				: /PerSecond|per_second/i.test(text)
					? 'second'
					: 'unknown';
	return {limit, window};
}

/** With several violations, the one with the longest window binds: it clears last. */
export function limitFromQuota(violations: readonly QuotaViolation[]): LimitGuess {
	let best: LimitGuess | undefined;
	for (const v of violations) {
		const guess = violationGuess(v);
		if (best === undefined || periodRank[guess.window ?? 'unknown'] > periodRank[best.window ?? 'unknown']) best = guess;
	}
	return best ?? {};
}

// Anthropic's combined tokens bucket reads 0 whenever the input or output one does: on a tie the
// narrower bucket names the limit that tripped.
const kindRank: Record<LimitKind, number> = {unknown: 0, tokens: 1, requests: 1, concurrency: 1, input_tokens: 2, output_tokens: 2};

/** Of several buckets at zero, the one that resets last binds. */
export function bindingWindow(exhausted: readonly ExhaustedWindow[]): ExhaustedWindow | undefined {
	let best: ExhaustedWindow | undefined;
	for (const w of exhausted) {
		if (w.period === 'month') continue;
		const tie = best !== undefined && (w.resetAt ?? 0) === (best.resetAt ?? 0);
		if (
			best === undefined ||
			(w.resetAt ?? 0) > (best.resetAt ?? 0) ||
			(tie && periodRank[w.period] > periodRank[best.period]) ||
			(tie && periodRank[w.period] === periodRank[best.period] && kindRank[w.limitKind] > kindRank[best.limitKind])
		) {
			best = w;
		}
	}
	return best;
}

const limitWords: Record<LimitKind, string> = {
	requests: 'requests',
	tokens: 'tokens',
	input_tokens: 'input tokens',
	output_tokens: 'output tokens',
	concurrency: 'concurrent requests',
	unknown: 'unknown limit',
};

/** "tokens per minute", "requests per day", "concurrent requests", or undefined. */
export function limitPhrase(limit: LimitKind | undefined, window: WindowPeriod | undefined): string | undefined {
	if (!limit || limit === 'unknown') return window && window !== 'unknown' ? `a per-${window} limit` : undefined;
	if (!window || window === 'unknown' || limit === 'concurrency') return limitWords[limit];
	return `${limitWords[limit]} per ${window}`;
}
