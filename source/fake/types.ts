import type {IncomingHttpHeaders} from 'node:http';
import type {KeyState, WindowSpec} from './state.js';

/** How a fake key behaves: provider answers first, then the hostile-server fault modes. */
export const BEHAVIOURS = [
	'healthy',
	'low',
	'limited',
	'daily_cap',
	'quota',
	'billing',
	'invalid',
	'suspended',
	'permission',
	'model_access',
	'region',
	'verification',
	'content_policy',
	'overloaded',
	'outage',
	'echo_key',
] as const;

export const FAULTS = [
	'hang',
	'stall_body',
	'drip',
	'reset',
	'html',
	'not_json',
	'truncated_json',
	'wrong_shape',
	'null_body',
	'deep_json',
	'huge_body',
	'huge_header',
	'bad_headers',
	'redirect',
	'escapes',
] as const;

export const SCENARIOS = [...BEHAVIOURS, ...FAULTS] as const;

export type Behaviour = (typeof BEHAVIOURS)[number];
export type Fault = (typeof FAULTS)[number];
export type Scenario = (typeof SCENARIOS)[number];

/** One HTTP answer. `raw` wins over `json`; `json: undefined` with no `raw` means an empty body. */
export type Answer = {
	status: number;
	headers?: Record<string, string>;
	json?: unknown;
	raw?: string;
	contentType?: string;
	/**
	 * A `stream: true` answer: server-sent events, each written on its own, then the end. The real APIs answer
	 * a streaming request with 200 and `text/event-stream`; errors before the stream starts stay plain JSON.
	 */
	events?: ReadonlyArray<{event?: string; data: string}>;
};

/**
 * What a route costs the caller. `validity` and `balance` routes are free; `headroom` routes spend
 * tokens and carry rate-limit headers; `spend` routes need an admin key; `public` routes need no key.
 */
export type ProbeClass = 'validity' | 'headroom' | 'balance' | 'spend' | 'public';

export type FakeContext = {
	module: ProviderModule;
	/** The credential the request carried ('' when none). */
	key: string;
	scenario: Scenario;
	now: number;
	state: KeyState;
	url: URL;
	method: string;
	headers: IncomingHttpHeaders;
	/** Parsed JSON request body, or undefined. */
	body: unknown;
	route?: Route;
	/** Path after the provider prefix, e.g. `/chat/completions`. */
	path: string;
	match?: RegExpExecArray;
	requestId: string;
	/** http://127.0.0.1:PORT */
	fakeUrl: string;
};

export type Route = {
	method: 'GET' | 'POST';
	path: RegExp;
	probe: ProbeClass;
	handle(ctx: FakeContext): Answer;
};

/** Token and request costs of one headroom call, by window unit. */
export type Costs = {requests: number; input: number; output: number};

/** One provider's fake: its routes and how it phrases every answer. */
export type ProviderModule = {
	/** Recorded in `requests[].provider`. */
	name: string;
	/** Path prefix on the fake, e.g. `/openai/v1`. */
	prefix: string;
	windows: WindowSpec[];
	/** The window a `limited` key finds exhausted. */
	limitedWindow?: string;
	/** The window a `daily_cap` key finds exhausted. */
	dailyWindow?: string;
	routes: Route[];
	requestIdHeader: string;
	newRequestId(): string;
	/** The key a request carries in this provider's auth header, or undefined when there is none. */
	credential(headers: IncomingHttpHeaders, url: URL): string | undefined;
	missingCredential(ctx: FakeContext): Answer;
	/** The answer for a behaviour; `'normal'` lets the route answer; undefined uses the shared fallback. */
	scenario(behaviour: Behaviour, ctx: FakeContext): Answer | 'normal' | undefined;
	/** This provider's error shape carrying `message`. */
	error(status: number, message: string, ctx: FakeContext): Answer;
	/** The 429 this provider sends when `windowId` is at zero. */
	exhausted(windowId: string, ctx: FakeContext, costs: Costs): Answer;
	/** Rate-limit headers for the key's current windows (empty for providers that send none). */
	rateHeaders(ctx: FakeContext, costs?: Costs): Record<string, string>;
	notFound(ctx: FakeContext): Answer;
	/** Headers on every answer besides the request id (e.g. `openai-version`). */
	commonHeaders?(ctx: FakeContext): Record<string, string>;
};
