// An upstream request that got no answer, in the Exchange vocabulary the monitor and diagnosis share.
import { classifyNetworkError } from '../net/classify.js';
export function networkExchange(provider, error, at, latencyMs) {
    return { provider, status: null, headers: {}, body: '', network: classifyNetworkError(error), at, latencyMs };
}
