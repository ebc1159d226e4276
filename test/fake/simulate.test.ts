import {afterEach, describe, expect, it, vi} from 'vitest';
import {runSimulate} from '../../source/fake/simulate.js';
import {call} from './helpers.js';

afterEach(() => {
	vi.restoreAllMocks();
});

describe('keywatch simulate', () => {
	it('prints the URL, base URLs, scenario key names and the control endpoint, then stops on SIGTERM', async () => {
		let printed = '';
		vi.spyOn(process.stdout, 'write').mockImplementation(chunk => {
			printed += String(chunk);
			return true;
		});
		const signalsBefore = process.listenerCount('SIGTERM');
		const running = runSimulate({port: 0});
		await vi.waitFor(() => expect(printed).toContain('Press Ctrl+C'));
		const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)![1]!;
		expect(printed).toContain(`openai             ${url}/openai/v1`);
		expect(printed).toContain(`${url}/anthropic`);
		expect(printed).toContain('sk-test-<scenario>-<anything>');
		expect(printed).toContain('daily_cap');
		expect(printed).toContain('huge_body');
		expect(printed).toContain(`POST ${url}/_fake/scenario`);

		const res = await call(`${url}/openai/v1/models`, {headers: {authorization: 'Bearer sk-test-healthy-sim'}});
		expect(res.status).toBe(200);

		process.emit('SIGTERM');
		await running;
		expect(process.listenerCount('SIGTERM')).toBe(signalsBefore);
		await expect(call(`${url}/openai/v1/models`)).rejects.toThrow();
	});
});
