import {describe, expect, it} from 'vitest';
import {errorObject, parseJson} from '../../source/providers/body.js';

describe('parseJson', () => {
	it('returns undefined instead of throwing', () => {
		expect(parseJson('{')).toBeUndefined();
		expect(parseJson('')).toBeUndefined();
		expect(parseJson('"bare string"')).toBe('bare string');
	});
});

describe('errorObject', () => {
	it.each([
		['plain', {error: {message: 'm', code: 429}}],
		['array-wrapped (Gemini streaming)', [{error: {message: 'm', code: 429}}]],
		['error.error (OpenRouter client logs)', {error: {error: {message: 'm', code: 429}, code: 429}}],
		['SDK re-wrap with the body as a string', {error: {message: JSON.stringify({error: {message: 'm', code: 429}}), code: 429, status: 'Too Many Requests'}}],
	])('unwraps %s', (_name, body) => {
		expect(errorObject(body)).toMatchObject({message: 'm', code: 429});
	});

	it.each([['a bare string', 'Incorrect API key'], ['null', null], ['no error key', {detail: 'Unauthorized'}], ['empty array', []]])('finds nothing in %s', (_name, body) => {
		expect(errorObject(body)).toBeUndefined();
	});

	it('stops on deep self-nesting', () => {
		let body: unknown = {error: {message: 'bottom'}};
		for (let i = 0; i < 10; i++) body = [body];
		expect(errorObject(body)).toBeUndefined();
	});
});
