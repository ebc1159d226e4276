import {describe, expect, it, vi} from 'vitest';
import {decodeDeepSeekBalance, deepSeekBalanceCredit, deepSeekBalanceFlags, deepseek, parseDeepSeekBalance} from '../../source/providers/deepseek.js';
import {exchange, NOW} from './helpers.js';

const balance = {
	is_available: true,
	balance_infos: [{currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00'}],
};

describe('DeepSeek', () => {
	it('reads the string balance and its currency', () => {
		expect(deepseek.decode('balance', exchange('deepseek', {json: balance}), NOW)).toEqual({
			windows: [],
			credit: {remaining: 110, currency: 'CNY', source: 'endpoint', label: 'balance', scope: 'account'},
		});
	});

	it('keeps every currency, with USD as the primary figure', () => {
		const two = {
			is_available: true,
			balance_infos: [
				{currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00'},
				{currency: 'USD', total_balance: '15.50', granted_balance: '0.00', topped_up_balance: '15.50'},
			],
		};
		expect(decodeDeepSeekBalance(JSON.stringify(two))).toEqual({
			remaining: 15.5,
			currency: 'USD',
			source: 'endpoint',
			label: 'balance',
			scope: 'account',
			balances: [
				{currency: 'CNY', remaining: 110, granted: 10, toppedUp: 100},
				{currency: 'USD', remaining: 15.5, granted: 0, toppedUp: 15.5},
			],
		});
	});

	it('uses the first currency as the primary when there is no USD', () => {
		const two = {balance_infos: [{currency: 'CNY', total_balance: '8.00'}, {currency: 'EUR', total_balance: '2.00'}]};
		expect(decodeDeepSeekBalance(JSON.stringify(two))).toMatchObject({remaining: 8, currency: 'CNY', balances: [{currency: 'CNY'}, {currency: 'EUR'}]});
	});

	it.each([
		['not available', {is_available: false, balance_infos: [{currency: 'USD', total_balance: '3.00'}]}, ['balance_unusable']],
		['zero in every currency', {is_available: true, balance_infos: [{currency: 'USD', total_balance: '0.00'}, {currency: 'CNY', total_balance: '0'}]}, ['balance_empty']],
		['zero in one currency only', {is_available: true, balance_infos: [{currency: 'USD', total_balance: '0.00'}, {currency: 'CNY', total_balance: '1.00'}]}, []],
		['healthy', balance, []],
	])('flags a balance that cannot pay for calls: %s', (_name, json, flags) => {
		expect(deepSeekBalanceFlags(parseDeepSeekBalance(JSON.stringify(json)))).toEqual(flags);
		expect(deepseek.decode('balance', exchange('deepseek', {json}), NOW).flags ?? []).toEqual(flags);
	});

	it('says when the balance cannot be used for calls', () => {
		expect(decodeDeepSeekBalance(JSON.stringify({...balance, is_available: false}))?.label).toBe('balance (not usable for calls)');
	});

	it('skips unreadable entries and uses the first readable currency', () => {
		const two = {is_available: true, balance_infos: [{currency: 'USD', total_balance: 'n/a'}, {currency: 'CNY', total_balance: '5.5'}]};
		expect(decodeDeepSeekBalance(JSON.stringify(two))).toMatchObject({remaining: 5.5, currency: 'CNY'});
	});

	it.each([
		['numbers where strings are expected are still amounts', {balance_infos: [{currency: 'USD', total_balance: 3}]}, 3],
		['negative', {balance_infos: [{currency: 'USD', total_balance: '-1.00'}]}, undefined],
		['exponent', {balance_infos: [{currency: 'USD', total_balance: '1e400'}]}, undefined],
		['no infos', {is_available: true}, undefined],
		['error body', {error: {message: 'Authentication Fails', type: 'authentication_error'}}, undefined],
	])('%s', (_name, json, remaining) => {
		expect(decodeDeepSeekBalance(JSON.stringify(json))?.remaining).toBe(remaining);
	});

	it('reads the credit and the flags from one parse of the balance body', () => {
		const json = {is_available: false, balance_infos: [{currency: 'USD', total_balance: '3.00'}]};
		const parse = vi.spyOn(JSON, 'parse');
		try {
			const decoded = deepseek.decode('balance', exchange('deepseek', {json}), NOW);
			expect(parse).toHaveBeenCalledTimes(1);
			expect(decoded.credit).toMatchObject({remaining: 3, currency: 'USD', label: 'balance (not usable for calls)'});
			expect(decoded.flags).toEqual(['balance_unusable']);
		} finally {
			parse.mockRestore();
		}
		const body = parseDeepSeekBalance(JSON.stringify(json));
		expect(deepSeekBalanceCredit(body)).toEqual(decodeDeepSeekBalance(JSON.stringify(json)));
		expect(deepSeekBalanceFlags(undefined)).toEqual([]);
		expect(parseDeepSeekBalance('{"error":{"message":"Authentication Fails"}}')).toBeUndefined();
	});

	it('flags nothing on traffic, which never carries a balance', () => {
		const json = {is_available: false, balance_infos: [{currency: 'USD', total_balance: '0.00'}]};
		const decoded = deepseek.decode('any', exchange('deepseek', {json}), NOW);
		expect(decoded.credit?.remaining).toBe(0);
		expect(decoded.flags).toBeUndefined();
	});

	it('has no headroom probe (DeepSeek sends no rate-limit headers)', () => {
		expect(deepseek.probes.map(p => p.kind)).toEqual(['validity', 'balance']);
		expect(deepseek.decode('validity', exchange('deepseek', {headers: {'x-ds-trace-id': 'abc'}}), NOW).windows).toEqual([]);
	});
});
