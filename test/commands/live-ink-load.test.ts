import {describe, expect, it} from 'vitest';
import {loadInkAsOnATerminal} from '../../source/commands/live.js';

describe('loadInkAsOnATerminal', () => {
	it('hides CI and CONTINUOUS_INTEGRATION while loading and puts both back afterwards', async () => {
		const env: NodeJS.ProcessEnv = {CI: 'true', CONTINUOUS_INTEGRATION: '1', PATH: '/bin'};
		const seen = await loadInkAsOnATerminal(async () => ({...env}), env);
		expect(seen).toEqual({PATH: '/bin'});
		expect(env).toEqual({CI: 'true', CONTINUOUS_INTEGRATION: '1', PATH: '/bin'});
	});

	it('puts the variables back when loading fails, and adds none that were not set', async () => {
		const env: NodeJS.ProcessEnv = {CI: ''};
		await expect(
			loadInkAsOnATerminal(async () => {
				expect('CI' in env).toBe(false);
				throw new Error('load failed');
			}, env),
		).rejects.toThrow('load failed');
		expect(env).toEqual({CI: ''});
	});
});
