import {describe, expect, it} from 'vitest';
import {decodeDeepSeekBalance, deepseek} from '../../source/providers/deepseek.js';
import {exchange, NOW} from './helpers.js';

const balance = {
	is_available: true,
	balance_infos: [{currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00'}],
};

describe('DeepSeek', () => {
	it('reads the string balance and its currency', () => {
		expect(deepseek.decode('balance', exchange('deepseek', {json: balance}), NOW)).toEqual({
			windows: [],
			credit: {remaining: 110, currency: 'CNY', source: 'endpoint', label: 'balance'},
		});
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

	it('has no headroom probe (DeepSeek sends no rate-limit headers)', () => {
		expect(deepseek.probes.map(p => p.kind)).toEqual(['validity', 'balance']);
		expect(deepseek.decode('validity', exchange('deepseek', {headers: {'x-ds-trace-id': 'abc'}}), NOW).windows).toEqual([]);
	});
});
