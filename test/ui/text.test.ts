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

	it('wraps prose at word boundaries and cuts words longer than a line', () => {
		expect(wrapText('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
		expect(wrapText('https://platform.openai.com/api-keys now', 12)).toEqual(['https://pla…', 'now']);
		expect(wrapText('', 10)).toEqual([]);
	});
});
