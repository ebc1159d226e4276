// Small pieces every adapter uses: base URLs, request builders, probe specs. No I/O.
import type {ProbeKind, WindowPeriod} from '../types.js';
import type {AdapterContext, HttpRequest, ProbeSpec, ProviderAdapter} from './types.js';

/**
 * An adapter plus what it reads (header names and the window each measures, bodies and endpoints) and what it
 * cannot see, for the README's provider table and the detail pane. `reads` is built from the same tables the
 * decoder uses, so the documentation cannot drift from the code.
 */
export type DescribedAdapter = ProviderAdapter & {reads: readonly string[]; blindSpots: readonly string[]};

/** "per minute", "per day": the window a header measures, in words. */
export function periodWords(period: WindowPeriod): string {
	return period === 'unknown' ? 'window not documented' : `per ${period}`;
}

/** The prompt of every headroom probe: one short word, so input cost is a handful of tokens. */
export const TINY_PROMPT = 'hi';

export function probe(kind: ProbeKind, cost: string): ProbeSpec {
	return {kind, spends: kind === 'headroom', cost};
}

/** The key's base URL (or the provider default) without trailing slashes; undefined when there is none. */
export function baseUrlOf(ctx: AdapterContext, fallback: string): string | undefined {
	const base = (ctx.key.baseUrl?.trim() || fallback).replace(/\/+$/, '');
	return base.length > 0 ? base : undefined;
}

export function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The headroom model: the key's setting, else the provider's cheapest. */
export function modelOf(ctx: AdapterContext, fallback?: string): string | undefined {
	return ctx.key.settings?.model?.trim() || fallback;
}

export function bearer(secret: string): Record<string, string> {
	return {authorization: `Bearer ${secret}`};
}

export function getJson(url: string, headers: Record<string, string>): HttpRequest {
	return {method: 'GET', url, headers: {accept: 'application/json', ...headers}};
}

export function postJson(url: string, headers: Record<string, string>, body: unknown): HttpRequest {
	return {method: 'POST', url, headers: {accept: 'application/json', 'content-type': 'application/json', ...headers}, body: JSON.stringify(body)};
}

/** An OpenAI-shaped chat request that can produce at most one output token. */
export function oneTokenChat(model: string | undefined): Record<string, unknown> {
	return {...(model ? {model} : {}), messages: [{role: 'user', content: TINY_PROMPT}], max_tokens: 1};
}

/** Start of the current calendar month in UTC, epoch ms: the window spend reports cover. */
export function monthStartUtc(now: number): number {
	const date = new Date(now);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

export function isSuccess(status: number | null): boolean {
	return status !== null && status >= 200 && status < 300;
}
