import {describe, expect, it} from 'vitest';
import {decodeXaiKeyStatus, decodeXaiPrepaidBalance, xai, xaiManagementBase} from '../../source/providers/xai.js';
import {context, exchange, NOW} from './helpers.js';

// GET /v1/api-key, as providers.md §8 lists its fields.
const status = {
	redacted_api_key: 'xai-...b14o',
	user_id: 'u-1',
	name: 'k',
	create_time: '2025-01-01T00:00:00Z',
	modify_time: '2025-01-01T00:00:00Z',
	modified_by: 'u-1',
	team_id: '3f1c2b9e-1111-4a2b-9c3d-0123456789ab',
	acls: ['api-key:model:*', 'api-key:endpoint:*'],
	api_key_id: 'k-1',
	team_blocked: false,
	api_key_blocked: false,
	api_key_disabled: false,
};

describe('xAI', () => {
	it('reads the ledger-signed prepaid balance in cents', () => {
		expect(xai.decode('balance', exchange('xai', {json: {total: {val: '-799'}}}), NOW).credit).toEqual({
			remaining: 7.99,
			currency: 'USD',
			source: 'endpoint',
			label: 'prepaid credit',
			scope: 'account',
		});
		expect(decodeXaiPrepaidBalance('{"total":{"val":"250"}}')?.remaining).toBe(0);
		expect(decodeXaiPrepaidBalance('{"total":{"val":-500}}')?.remaining).toBe(5);
	});

	it.each([['{"total":{"val":"lots"}}'], ['{"total":{}}'], ['"Incorrect API key provided: na***ys."'], ['{"total":{"val":"1e9"}}']])('ignores wrong shapes: %j', text => {
		expect(decodeXaiPrepaidBalance(text)).toBeUndefined();
	});

	it('reads the team id and no flags from a working key’s status', () => {
		expect(xai.decode('validity', exchange('xai', {json: status}), NOW)).toEqual({windows: [], facts: {teamId: status.team_id}});
	});

	it.each([
		['team_blocked', 'team_blocked'],
		['api_key_blocked', 'key_blocked'],
		['api_key_disabled', 'key_disabled'],
	] as const)('reads %s: true as the %s flag', (field, flag) => {
		expect(xai.decode('validity', exchange('xai', {json: {...status, [field]: true}}), NOW).flags).toEqual([flag]);
	});

	it('reads every flag that is set, and none from an error answer or a non-boolean', () => {
		expect(decodeXaiKeyStatus(JSON.stringify({...status, team_blocked: true, api_key_disabled: true}))?.flags).toEqual(['team_blocked', 'key_disabled']);
		expect(xai.decode('validity', exchange('xai', {status: 400, json: {...status, team_blocked: true}}), NOW).flags).toBeUndefined();
		expect(decodeXaiKeyStatus(JSON.stringify({...status, team_blocked: 'yes'}))).toBeUndefined();
		expect(decodeXaiKeyStatus('"Incorrect API key provided: na***ys."')).toBeUndefined();
	});

	it('ignores a team id that is not an id', () => {
		expect(decodeXaiKeyStatus(JSON.stringify({...status, team_id: '../../admin'}))).toBeUndefined();
	});

	it('asks the management API for the key’s own team, and nothing before the team is known', () => {
		const ctx = {...context('xai', {}, true), facts: {teamId: status.team_id}};
		expect(xai.request('balance', ctx)?.url).toBe(`https://management-api.x.ai/v1/billing/teams/${status.team_id}/prepaid/balance`);
		expect(xai.request('balance', ctx)?.headers.authorization).toMatch(/^Bearer sk-test-admin/);
		expect(xai.request('balance', context('xai', {}, true))).toBeUndefined();
		expect(xai.request('balance', {...context('xai'), facts: {teamId: status.team_id}})).toBeUndefined();
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
