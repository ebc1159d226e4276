// What one request's handling shares: the running proxy's state, an upstream answer, and how it is reported.
import type {Readable} from 'node:stream';
import type {Dispatcher} from 'undici';
import type {Exchange, KeyConfig, ProviderId} from '../types.js';
import type {TrafficBook} from './traffic.js';
import type {ProxyOptions} from './types.js';

/** What a request needs from the running proxy. */
export type ProxyContext = {
	options: ProxyOptions;
	token: string;
	tokenPath: string;
	dispatcher: Dispatcher;
	traffic: TrafficBook;
	now(): number;
	keys(): readonly KeyConfig[];
	activeKey(provider: ProviderId): KeyConfig | undefined;
	/** Compare-and-set: moves `provider` to `to` only while `from` is still active. */
	switchActive(provider: ProviderId, from: string, to: string): boolean;
};

export type Answer = {
	key: KeyConfig;
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Readable;
	exchange: Exchange;
	/** performance.now() when the request was sent. */
	sentAt: number;
};

export type LogFields = {failoverFrom?: string};

/** Tell the monitor. */
export function report(ctx: ProxyContext, answer: Answer): void {
	try {
		ctx.options.onExchange?.(answer.key.name, answer.key.provider, answer.exchange);
	} catch {
		// A failing listener must not break the client's request.
	}
}

