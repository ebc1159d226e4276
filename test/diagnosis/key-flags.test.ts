import {describe, expect, it} from 'vitest';
import {classify} from '../../source/diagnosis/diagnose.js';
import {statusOf} from '../../source/diagnosis/status.js';
import type {Exchange, KeyFlag, ProviderId} from '../../source/types.js';

// A 2xx key-info or balance answer that says, in its fields, that the key cannot make calls.
function ok(provider: ProviderId, json: unknown): Exchange {
	return {provider, status: 200, headers: {}, body: JSON.stringify(json), at: 0};
}

const xaiStatus = {redacted_api_key: 'xai-...b14o', team_id: 'team-1', acls: [], team_blocked: false, api_key_blocked: false, api_key_disabled: false};

describe('flags the adapter read in a 2xx body decide the verdict', () => {
	it.each([
		['xai', {...xaiStatus, team_blocked: true}, 'team_blocked', 'suspended', 'xai.flag-team-blocked'],
		['xai', {...xaiStatus, api_key_blocked: true}, 'key_blocked', 'invalid_key', 'xai.flag-key-blocked'],
		['xai', {...xaiStatus, api_key_disabled: true}, 'key_disabled', 'invalid_key', 'xai.flag-key-disabled'],
		['deepseek', {is_available: false, balance_infos: [{currency: 'USD', total_balance: '0.00'}]}, 'balance_unusable', 'quota_exhausted', 'deepseek.flag-balance-unusable'],
		['deepseek', {is_available: true, balance_infos: [{currency: 'USD', total_balance: '0.00'}]}, 'balance_empty', 'quota_exhausted', 'deepseek.flag-balance-empty'],
		['openrouter', {data: {limit: 10, limit_remaining: 0, usage: 10}}, 'key_limit_reached', 'billing', 'openrouter.flag-key-limit'],
		['openrouter', {data: {total_credits: 10, total_usage: 10}}, 'balance_empty', 'quota_exhausted', 'openrouter.flag-credits-empty'],
	] as const)('%s %s → %s', (provider, json, flag, kind, rule) => {
		const result = classify(ok(provider, json), {flags: [flag as KeyFlag]});
		expect(result.rule).toBe(rule);
		expect(result.verdict.kind).toBe(kind);
		expect(result.verdict.clears).toBe('needs_action');
		expect(result.verdict.fix.length).toBeGreaterThan(0);
		expect(result.verdict.evidence).toMatchObject({status: 200, errorCode: flag});
		expect(statusOf(result.verdict, [])).toBe('DENIED');
	});

	it('without flags the same 2xx body is a working key', () => {
		expect(classify(ok('xai', xaiStatus)).verdict.kind).toBe('ok');
		expect(classify(ok('xai', xaiStatus), {flags: []}).verdict.kind).toBe('ok');
	});

	it('a flag no rule of the provider names leaves the key working', () => {
		expect(classify(ok('openai', {data: []}), {flags: ['team_blocked']}).verdict.kind).toBe('ok');
	});

	it('flags never override an error answer', () => {
		const refused: Exchange = {provider: 'xai', status: 400, headers: {}, body: '"Incorrect API key provided: na***ys."', at: 0};
		expect(classify(refused, {flags: ['team_blocked']}).verdict.kind).toBe('invalid_key');
	});
});
