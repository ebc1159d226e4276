import {describe, expect, it} from 'vitest';
import {fitLine, lineWidth, textWidth, truncateLine, wrapText} from '../../source/ui/text.js';

const plain = (segments: ReadonlyArray<{text: string}>) => segments.map(s => s.text).join('');

describe('text measuring and cutting', () => {
	it.each([
		['abc', 3],
		['✓ OK', 4],
		['▁▂▃█', 4],
		['界面', 4],
		['e\u0301', 1],
		['😀', 2],
		['', 0],
	])('textWidth(%j) is %i', (text, width) => {
		expect(textWidth(text)).toBe(width);
	});

	it('truncates across segments with an ellipsis and keeps styles', () => {
		const line = [{text: 'abc', style: {bold: true}}, {text: 'defgh', style: {color: 'red'}}];
		const cut = truncateLine(line, 5);
		expect(plain(cut)).toBe('abcd…');
		expect(cut.at(-1)?.style).toEqual({color: 'red'});
		expect(truncateLine(line, 8)).toEqual(line);
		expect(truncateLine(line, 0)).toEqual([]);
	});

	it('never splits a wide character past the width', () => {
		expect(lineWidth(truncateLine([{text: '界面界面'}], 4))).toBeLessThanOrEqual(4);
		expect(plain(truncateLine([{text: '界面界面'}], 4))).toBe('界…');
	});

	it('fits to an exact width, padding on the aligned side', () => {
		expect(plain(fitLine([{text: 'ab'}], 5))).toBe('ab   ');
		expect(plain(fitLine([{text: 'ab'}], 5, 'right'))).toBe('   ab');
		expect(plain(fitLine([{text: 'abcdefg'}], 5, 'right'))).toBe('abcd…');
	});

	it('wraps prose at word boundaries', () => {
		expect(wrapText('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
		expect(wrapText('', 10)).toEqual([]);
	});

	it('breaks a word longer than a line across lines, after a / or . where it can, and loses nothing', () => {
		const url = 'https://platform.openai.com/settings/organization/billing/overview';
		const lines = wrapText(`1. Add credit at ${url} then retry`, 30);
		expect(lines).toEqual(['1. Add credit at', 'https://platform.openai.com/', 'settings/organization/billing/', 'overview then retry']);
		for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(30);
		expect(lines.join('')).toContain(url);
		// No good break point: cut at the width, still keeping every character.
		expect(wrapText('abcdefghijklmnopqrstuvwxyz', 10)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz']);
		expect(wrapText('界面界面界面', 5)).toEqual(['界面', '界面', '界面']);
		expect(wrapText('x'.repeat(5), 1)).toEqual(['x', 'x', 'x', 'x', 'x']);
	});
});
