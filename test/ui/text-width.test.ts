import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {textWidth, truncateLine} from '../../source/ui/text.js';

const plain = (segments: ReadonlyArray<{text: string}>) => segments.map(s => s.text).join('');
const printable = fc.string({unit: fc.integer({min: 0x20, max: 0x7e}).map(c => String.fromCharCode(c)), maxLength: 60});

// textWidth takes a shortcut for printable ASCII and remembers other strings' widths (source/ui/text.ts).
describe('text width shortcuts', () => {
	it('counts printable ASCII as one column per character and cuts it at the width', () => {
		fc.assert(
			fc.property(printable, fc.integer({min: 1, max: 80}), (text, width) => {
				expect(textWidth(text)).toBe(text.length);
				const cut = plain(truncateLine([{text}], width));
				expect(cut).toBe(text.length <= width ? text : `${text.slice(0, width - 1)}…`);
			}),
		);
	});

	it('does not take the shortcut for control characters, which occupy no column', () => {
		expect(textWidth('a\tb')).toBe(2);
		expect(textWidth('a\u007Fb')).toBe(2);
		expect(textWidth('\r\n')).toBe(0);
	});

	it('gives the same widths after its memory of other strings has been emptied', () => {
		const samples = ['✓ OK', '界面', 'e\u0301', '👍🏽 fine', '◷ LIMITED', 'sk-…abcd', '—'];
		const before = samples.map(textWidth);
		expect(before).toEqual([4, 4, 1, 7, 9, 8, 1]);
		for (let i = 0; i < 10_000; i++) textWidth(`界${i}`);
		expect(samples.map(textWidth)).toEqual(before);
		expect(textWidth('界9999')).toBe(6);
	});
});
