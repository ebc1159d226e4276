// Table-driven: every case in test/diagnosis/cases/, one test each.
import {describe, expect, it} from 'vitest';
import {VERDICT_KINDS} from '../../source/types.js';
import {anthropicCases} from './cases/anthropic.js';
import {azureCases} from './cases/azure-openai.js';
import {type Case, NOW, run} from './cases/case.js';
import {causeCases, seedWordingCases} from './cases/causes.js';
import {clearTimeCases, limitCases} from './cases/limits.js';
import {refusalCases} from './cases/refusals.js';
import {compatibleCases, wordingCases} from './cases/compatible.js';
import {deepseekCases} from './cases/deepseek.js';
import {geminiCases} from './cases/gemini.js';
import {groqCases} from './cases/groq.js';
import {malformedCases, pastedCases} from './cases/malformed.js';
import {mistralCases} from './cases/mistral.js';
import {openaiCases} from './cases/openai.js';
import {openrouterCases} from './cases/openrouter.js';
import {togetherCases} from './cases/together.js';
import {xaiCases} from './cases/xai.js';

const tables: Array<[string, Case[]]> = [
	['OpenAI', openaiCases],
	['Anthropic', anthropicCases],
	['Gemini', geminiCases],
	['OpenRouter', openrouterCases],
	['Groq', groqCases],
	['Mistral', mistralCases],
	['DeepSeek', deepseekCases],
	['xAI', xaiCases],
	['Azure OpenAI', azureCases],
	['Together', togetherCases],
	['OpenAI-compatible hosts', compatibleCases],
	['malformed answers', malformedCases],
	['answers pasted from logs', pastedCases],
	['wordings across providers', wordingCases],
	['every cause of denial in the seeds', causeCases],
	['the seeds in other words', seedWordingCases],
	['generic refusals and unrecognised answers', refusalCases],
	['which limit and which window', limitCases],
	['when it clears', clearTimeCases],
];

for (const [label, cases] of tables) {
	describe(label, () => {
		it.each(cases.map(c => [c.name, c] as const))('%s', (_name, c) => {
			const {verdict, rule} = run(c);
			expect(VERDICT_KINDS).toContain(verdict.kind);
			expect(c.kind.split('|'), `rule ${rule}: ${verdict.why}`).toContain(verdict.kind);
			if (c.limit) expect(verdict.limit).toBe(c.limit);
			if (c.window) expect(verdict.window).toBe(c.window);
			if (c.candidates) expect(verdict.candidates).toEqual(c.candidates);
			if (c.retryAfter !== undefined) {
				expect(verdict.retryAfterSeconds).toBeCloseTo(c.retryAfter, 3);
				if (verdict.clears === 'by_itself') expect(verdict.clearsAt).toBe(Math.round(NOW + c.retryAfter * 1000));
			}
			if (c.noRetryAfter) expect(verdict.retryAfterSeconds).toBeUndefined();
			if (c.clears) expect(verdict.clears).toBe(c.clears);
			if (c.clearsAt !== undefined) expect(verdict.clearsAt).toBe(c.clearsAt);
			for (const said of c.says ?? []) expect(`${verdict.why}\n${verdict.fix.join('\n')}`).toMatch(said);
			if (c.rule) expect(rule).toBe(c.rule);
			// Every verdict explains itself and says what to do, except a working key.
			expect(verdict.title.length).toBeGreaterThan(0);
			expect(verdict.why).toMatch(/\w/);
			if (verdict.kind !== 'ok') expect(verdict.fix.length).toBeGreaterThan(0);
			expect(verdict.why + verdict.fix.join(' ')).not.toMatch(/\{(?:provider|keys|billing|limits|usage|status|console|org|docs|limit)\}/);
			if (verdict.kind !== 'rate_limited') expect(verdict.limit).toBeUndefined();
		});
	});
}

describe('the tables', () => {
	it('hold at least 80 cases across the providers', () => {
		const total = tables.reduce((sum, [, cases]) => sum + cases.length, 0);
		expect(total).toBeGreaterThanOrEqual(80);
	});
});
