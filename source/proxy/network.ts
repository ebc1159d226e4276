// An upstream request that got no answer, in the Exchange vocabulary the monitor and diagnosis share.
import {classifyNetworkError} from '../net/classify.js';
import type {Exchange} from '../types.js';

export function networkExchange(provider: Exchange['provider'], error: unknown, at: number, latencyMs: number): Exchange {
	return {provider, status: null, headers: {}, body: '', network: classifyNetworkError(error), at, latencyMs};
}
