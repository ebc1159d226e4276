import type {HttpRequest} from '../providers/types.js';
import type {Exchange, ProviderId} from '../types.js';

/** Makes one request and always resolves: network failures come back as `exchange.network`. */
export type Transport = {
	send(request: HttpRequest, provider: ProviderId, options?: {timeoutMs?: number}): Promise<Exchange>;
	close(): Promise<void>;
};
