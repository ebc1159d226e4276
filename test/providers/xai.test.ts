import {describe, expect, it} from 'vitest';
import {decodeXaiPrepaidBalance, xai, xaiManagementBase} from '../../source/providers/xai.js';
import {exchange, NOW} from './helpers.js';

describe('xAI', () => {
	it('reads the ledger-signed prepaid balance in cents', () => {
		expect(xai.decode('balance', exchange('xai', {json: {total: {val: '-799'}}}), NOW).credit).toEqual({
			remaining: 7.99,
			currency: 'USD',
			source: 'endpoint',
			label: 'prepaid credit',
		});
		expect(decodeXaiPrepaidBalance('{"total":{"val":"250"}}')?.remaining).toBe(0);
		expect(decodeXaiPrepaidBalance('{"total":{"val":-500}}')?.remaining).toBe(5);
	});

	it.each([['{"total":{"val":"lots"}}'], ['{"total":{}}'], ['"Incorrect API key provided: na***ys."'], ['{"total":{"val":"1e9"}}']])('ignores wrong shapes: %j', text => {
		expect(decodeXaiPrepaidBalance(text)).toBeUndefined();
	});

	it('reads no credit from the key-status body (its flags are for the diagnosis)', () => {
		const status = {redacted_api_key: 'xai-...b14o', team_id: 't', api_key_blocked: false, api_key_disabled: false, team_blocked: false, acls: ['api-key:model:*']};
		expect(xai.decode('validity', exchange('xai', {json: status}), NOW)).toEqual({windows: []});
	});

	it('finds the management API beside the inference API', () => {
		expect(xaiManagementBase('https://api.x.ai/v1')).toBe('https://management-api.x.ai');
		expect(xaiManagementBase('http://127.0.0.1:5/xai/v1')).toBe('http://127.0.0.1:5/xai-management');
	});

	it('decodes OpenAI-style headers should xAI send them', () => {
		const {windows} = xai.decode('headroom', exchange('xai', {headers: {'x-ratelimit-limit-requests': '480', 'x-ratelimit-remaining-requests': '479'}}), NOW);
		expect(windows).toEqual([{id: 'requests', limitKind: 'requests', period: 'minute', limit: 480, remaining: 479, source: 'headers'}]);
	});
});
