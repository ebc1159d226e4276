import type {AdapterContext} from '../../source/providers/types.js';
import type {Exchange, KeyConfig, KeyFacts, ProviderId} from '../../source/types.js';

export const SECRET = 'sk-test-adapter-secret-0123456789';
export const ADMIN = 'sk-test-admin-secret-9876543210';
export const NOW = Date.UTC(2025, 7, 21, 12, 40, 0);

export function exchange(provider: ProviderId, fields: Partial<Exchange> & {json?: unknown} = {}): Exchange {
	const {json, ...rest} = fields;
	return {
		provider,
		status: 200,
		headers: {},
		body: json === undefined ? '' : JSON.stringify(json),
		at: NOW,
		...rest,
	};
}

/** The team id xAI's key status names; its management API is asked about that team. */
export const XAI_TEAM = '3f1c2b9e-1111-4a2b-9c3d-0123456789ab';

export function context(provider: ProviderId, key: Partial<KeyConfig> = {}, admin = false, facts?: KeyFacts): AdapterContext {
	return {
		key: {name: 'test', provider, secret: {type: 'env', name: 'TEST_KEY'}, ...key},
		secret: SECRET,
		...(admin ? {adminSecret: ADMIN} : {}),
		...(facts ? {facts} : {}),
	};
}
