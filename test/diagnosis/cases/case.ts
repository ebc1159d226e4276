// One row of a diagnosis table: an answer as a provider sent it, and the verdict keywatch must give.
import {classify} from '../../../source/diagnosis/diagnose.js';
import type {Exchange, LimitKind, ProviderId, RateWindow, Verdict, VerdictKind, WindowPeriod} from '../../../source/types.js';

export const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

export type Case = {
	name: string;
	provider: ProviderId;
	status: number | null;
	headers?: Exchange['headers'];
	/** A string is the raw body; anything else is sent as its JSON text. */
	body: unknown;
	/** One kind, or `a|b` where either is right. */
	kind: string;
	limit?: LimitKind;
	window?: WindowPeriod;
	candidates?: VerdictKind[];
	retryAfter?: number;
	/** No wait hint may reach the verdict (a cap that ignores the provider's short hint). */
	noRetryAfter?: boolean;
	clears?: Verdict['clears'];
	/** Epoch ms the verdict must say it clears at. */
	clearsAt?: number;
	/** Each must appear in why or in the fix steps (the step that tells candidates apart, a page). */
	says?: RegExp[];
	windows?: RateWindow[];
	/** The rule that must decide it, when the case is about one rule. */
	rule?: string;
	/** A transport failure instead of an answer. */
	network?: Exchange['network'];
};

export function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body === null || body === undefined) return '';
	return JSON.stringify(body);
}

export function run(c: Case): {verdict: Verdict; rule: string} {
	return classify(
		{provider: c.provider, status: c.status, headers: c.headers ?? {}, body: bodyText(c.body), at: NOW, ...(c.network ? {network: c.network} : {})},
		{windows: c.windows, now: NOW},
	);
}

/** Google's `{"error": {...}}` with details. */
export function google(code: number, status: string, message: string, details: unknown[] = []) {
	return {error: {code, message, status, ...(details.length > 0 ? {details} : {})}};
}

/** OpenAI's `{"error": {message, type, param, code}}`. */
export function oai(message: string, type: string | null = null, code: string | null = null) {
	return {error: {message, type, param: null, code}};
}

/** Anthropic's `{"type": "error", "error": {type, message}}`. */
export function ant(type: string, message: string, extra: Record<string, unknown> = {}) {
	return {type: 'error', error: {type, message, ...extra}};
}
