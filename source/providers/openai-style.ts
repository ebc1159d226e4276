// The OpenAI dialect, spoken by OpenAI, Groq, Together, xAI, DeepSeek, Azure and compatible gateways:
// Bearer auth, GET /models, POST /chat/completions, and `x-ratelimit-{limit,remaining,reset}-*` headers.
import {getHeader, parseCount, parseResetDelay} from '../parse/index.js';
import type {Credit, Exchange, KeyFacts, KeyFlag, ProbeKind, ProviderId, RateWindow, WindowPeriod} from '../types.js';
import {type DescribedAdapter, baseUrlOf, bearer, getJson, joinUrl, modelOf, oneTokenChat, periodWords, postJson, probe} from './shared.js';
import type {AdapterContext, Decoded, HttpRequest, ProbeSpec} from './types.js';
import {after, makeWindow, present} from './windows.js';

/** What each header family measures. The names are shared; the windows are not (Groq's requests are per day). */
export type OpenAiPeriods = {requests: WindowPeriod; tokens: WindowPeriod};

const families = [
	{id: 'requests', suffix: 'requests', limitKind: 'requests', window: 'requests'},
	{id: 'tokens', suffix: 'tokens', limitKind: 'tokens', window: 'tokens'},
	// Seen on OpenAI in 2025 beside the plain tokens family; measured like it.
	{id: 'tokens_usage_based', suffix: 'tokens_usage_based', limitKind: 'tokens', window: 'tokens'},
] as const;

/** Windows from `x-ratelimit-limit-*`, `-remaining-*` and `-reset-*` (Go durations or bare seconds). */
export function openAiStyleWindows(headers: Exchange['headers'], now: number, periods: OpenAiPeriods): RateWindow[] {
	return present(
		families.map(family =>
			makeWindow({
				id: family.id,
				limitKind: family.limitKind,
				period: periods[family.window],
				limit: parseCount(getHeader(headers, `x-ratelimit-limit-${family.suffix}`)),
				remaining: parseCount(getHeader(headers, `x-ratelimit-remaining-${family.suffix}`)),
				resetAt: after(now, parseResetDelay(getHeader(headers, `x-ratelimit-reset-${family.suffix}`))),
				source: 'headers',
			}),
		),
	);
}

/** What `openAiStyleWindows` reads, with each family's window as this provider measures it. */
export function openAiStyleReads(periods: OpenAiPeriods): string[] {
	return families.map(family => `x-ratelimit-{limit,remaining,reset}-${family.suffix}: ${family.limitKind} ${periodWords(periods[family.window])}`);
}

export type OpenAiStyleConfig = {
	id: ProviderId;
	label: string;
	defaultBaseUrl: string;
	envVars: string[];
	periods: OpenAiPeriods;
	costs: {validity: string; headroom?: string};
	/** Cheapest model for the headroom probe; without it (and without a key setting) there is no headroom request. */
	headroomModel?: string;
	/** Path of the free probe under the base URL (default `/models`). */
	validityPath?: string;
	blindSpots: string[];
	/** What the header decoding reads, when `windows` replaces it (default: the OpenAI names with `periods`). */
	headerReads?: string[];
	/** Bodies and endpoints read besides the headers. */
	moreReads?: string[];
	/** Probes beyond validity and headroom (balance, spend), and how to read their bodies. */
	extra?: {
		probes: ProbeSpec[];
		request(probe: ProbeKind, ctx: AdapterContext, base: string): HttpRequest | undefined;
		credit?(probe: ProbeKind | 'any', exchange: Exchange, now: number): Credit | undefined;
		/** A 2xx key-info or balance body that says the key cannot make calls. */
		flags?(probe: ProbeKind | 'any', exchange: Exchange): KeyFlag[];
		/**
		 * The credit and the flags from one decoding of the body, in place of `credit` and `flags`: for flags
		 * that need fields the credit does not keep (DeepSeek's `is_available`).
		 */
		read?(probe: ProbeKind | 'any', exchange: Exchange, now: number): {credit?: Credit; flags?: KeyFlag[]};
		/** Facts from a body that later requests need. */
		facts?(probe: ProbeKind | 'any', exchange: Exchange): KeyFacts | undefined;
	};
	/** Replaces the header decoding, for providers with their own names (Mistral, Together). */
	windows?: (headers: Exchange['headers'], now: number) => RateWindow[];
};

/** An adapter for an OpenAI-dialect provider; providers differ only in what `config` says. */
export function createOpenAiStyleAdapter(config: OpenAiStyleConfig): DescribedAdapter {
	const probes = [
		probe('validity', config.costs.validity),
		...(config.costs.headroom ? [probe('headroom', config.costs.headroom)] : []),
		...(config.extra?.probes ?? []),
	];
	const readWindows = config.windows ?? ((headers: Exchange['headers'], now: number) => openAiStyleWindows(headers, now, config.periods));
	return {
		id: config.id,
		label: config.label,
		defaultBaseUrl: config.defaultBaseUrl,
		envVars: config.envVars,
		probes,
		reads: [...(config.headerReads ?? openAiStyleReads(config.periods)), ...(config.moreReads ?? [])],
		blindSpots: config.blindSpots,
		request(kind, ctx) {
			const base = baseUrlOf(ctx, config.defaultBaseUrl);
			if (!base) return undefined;
			if (kind === 'validity') return getJson(joinUrl(base, config.validityPath ?? '/models'), bearer(ctx.secret));
			if (kind === 'headroom') {
				const model = modelOf(ctx, config.headroomModel);
				if (!config.costs.headroom || !model) return undefined;
				return postJson(joinUrl(base, '/chat/completions'), bearer(ctx.secret), oneTokenChat(model));
			}
			return config.extra?.request(kind, ctx, base);
		},
		decode(kind, exchange, now): Decoded {
			const windows = readWindows(exchange.headers, now);
			const decoded: Decoded = {windows};
			const read = config.extra?.read?.(kind, exchange, now);
			const credit = read ? read.credit : config.extra?.credit?.(kind, exchange, now);
			if (credit) decoded.credit = credit;
			const flags = (read ? read.flags : config.extra?.flags?.(kind, exchange)) ?? [];
			if (flags.length > 0) decoded.flags = flags;
			const facts = config.extra?.facts?.(kind, exchange);
			if (facts) decoded.facts = facts;
			return decoded;
		},
	};
}
