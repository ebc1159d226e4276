import type {Credit, Exchange, KeyConfig, KeyFacts, KeyFlag, ProbeKind, ProviderId, RateWindow} from '../types.js';

/** A request an adapter wants made. Secret values appear only in `headers`, built by `request()`. */
export type HttpRequest = {
	method: 'GET' | 'POST';
	url: string;
	headers: Record<string, string>;
	body?: string;
};

export type ProbeSpec = {
	kind: ProbeKind;
	/** Spends tokens or money (headroom probes). Skipped under --no-spend. */
	spends: boolean;
	/** One line for the README and the detail pane: what it costs. */
	cost: string;
};

/** What an adapter decodes from one exchange, besides the verdict (diagnosis does that). */
export type Decoded = {
	windows: RateWindow[];
	credit?: Credit;
	/** A 2xx body that says the key cannot make calls (xAI's blocked flags, an empty balance). */
	flags?: KeyFlag[];
	/** Facts later requests need (xAI's team id). */
	facts?: KeyFacts;
};

export type AdapterContext = {
	key: KeyConfig;
	/** The revealed secret. Only `request()` may touch it. */
	secret: string;
	/** The revealed admin/management key, when the key has one and the probe needs it. */
	adminSecret?: string;
	/** What earlier answers said about the key (`Decoded.facts`), e.g. the xAI team its management API needs. */
	facts?: KeyFacts;
};

/** One per provider. Pure: no I/O, no timers. */
export type ProviderAdapter = {
	id: ProviderId;
	label: string;
	defaultBaseUrl: string;
	/** Environment variables users already have for this provider. */
	envVars: string[];
	probes: ProbeSpec[];
	/** Build the request for a probe; `undefined` when the key's settings make that probe impossible. */
	request(probe: ProbeKind, ctx: AdapterContext): HttpRequest | undefined;
	/** Rate-limit windows and credit from an exchange. `now` converts relative resets to absolute. */
	decode(probe: ProbeKind | 'any', exchange: Exchange, now: number): Decoded;
};
