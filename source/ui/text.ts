// Every line the live view draws is measured and cut here, so nothing ever wraps: a wrapped row
// would push the footer off an 80x24 screen and make the table jump.

export type Style = {
	color?: string;
	bold?: boolean;
	dimColor?: boolean;
	inverse?: boolean;
	underline?: boolean;
};

/** A run of text in one style. */
export type Segment = {text: string; style?: Style};
export type Line = readonly Segment[];
/** What a table column renders: plain text, one styled run, or several. */
export type Cell = string | Segment | readonly Segment[];
export type Align = 'left' | 'right';

const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});
const zeroWidth = /^(?:\p{Mn}|\p{Me}|\p{Cf}|\p{Cc})+$/u;
const emojiPresentation = /\p{Emoji_Presentation}|\uFE0F/u;

// East Asian Wide and Fullwidth blocks: enough for names typed in CJK.
function isWide(codePoint: number): boolean {
	return (
		(codePoint >= 0x11_00 && codePoint <= 0x11_5f) ||
		(codePoint >= 0x2e_80 && codePoint <= 0x30_3e) ||
		(codePoint >= 0x30_41 && codePoint <= 0x33_ff) ||
		(codePoint >= 0x34_00 && codePoint <= 0x4d_bf) ||
		(codePoint >= 0x4e_00 && codePoint <= 0x9f_ff) ||
		(codePoint >= 0xa0_00 && codePoint <= 0xa4_cf) ||
		(codePoint >= 0xac_00 && codePoint <= 0xd7_a3) ||
		(codePoint >= 0xf9_00 && codePoint <= 0xfa_ff) ||
		(codePoint >= 0xfe_30 && codePoint <= 0xfe_4f) ||
		(codePoint >= 0xff_00 && codePoint <= 0xff_60) ||
		(codePoint >= 0xff_e0 && codePoint <= 0xff_e6) ||
		(codePoint >= 0x2_00_00 && codePoint <= 0x3_ff_fd)
	);
}

function graphemeWidth(grapheme: string): number {
	if (zeroWidth.test(grapheme)) return 0;
	if (emojiPresentation.test(grapheme)) return 2;
	return isWide(grapheme.codePointAt(0) ?? 0) ? 2 : 1;
}

// Measuring is the live view's hottest path (every cell of every row, every frame: docs/bench.md), and
// grapheme segmentation is slow. Printable ASCII is one column per character; other strings repeat from
// frame to frame (glyphs, dashes, names), so their widths are remembered, in a map that is emptied when full.
const printableAscii = /^[\x20-\x7e]*$/;
const WIDTH_CACHE_SIZE = 4096;
const widths = new Map<string, number>();

/** Columns a string occupies in a terminal. */
export function textWidth(text: string): number {
	if (printableAscii.test(text)) return text.length;
	const known = widths.get(text);
	if (known !== undefined) return known;
	let width = 0;
	for (const {segment} of graphemes.segment(text)) width += graphemeWidth(segment);
	if (widths.size >= WIDTH_CACHE_SIZE) widths.clear();
	widths.set(text, width);
	return width;
}

export function toSegments(cell: Cell): Segment[] {
	if (typeof cell === 'string') return [{text: cell}];
	if ('text' in cell) return [cell as Segment];
	return [...(cell as readonly Segment[])];
}

export function lineWidth(line: Line): number {
	return line.reduce((sum, segment) => sum + textWidth(segment.text), 0);
}

function take(text: string, width: number): string {
	if (printableAscii.test(text)) return text.slice(0, Math.max(0, width));
	let out = '';
	let used = 0;
	for (const {segment} of graphemes.segment(text)) {
		const w = graphemeWidth(segment);
		if (used + w > width) break;
		out += segment;
		used += w;
	}
	return out;
}

/** Cut a line to `width` columns, ending in "…" when anything was cut. */
export function truncateLine(line: Line, width: number): Segment[] {
	if (width <= 0) return [];
	if (lineWidth(line) <= width) return [...line];
	const out: Segment[] = [];
	let room = width - 1;
	for (const segment of line) {
		const text = take(segment.text, room);
		if (text) out.push({...segment, text});
		room -= textWidth(text);
		if (text.length < segment.text.length) {
			out.push({text: '…', style: segment.style});
			return out;
		}
	}
	return out;
}

/** Exactly `width` columns: truncated, then padded on the side `align` says. */
export function fitLine(line: Line, width: number, align: Align = 'left'): Segment[] {
	const cut = truncateLine(line, width);
	const gap = width - lineWidth(cut);
	if (gap <= 0) return cut;
	const pad = {text: ' '.repeat(gap)};
	return align === 'right' ? [pad, ...cut] : [...cut, pad];
}

// Where a long URL or identifier reads best split: after a path separator or punctuation inside it.
const BREAK_AFTER = '/.?&=-_,;:';

function firstGrapheme(text: string): string {
	for (const {segment} of graphemes.segment(text)) return segment;
	return '';
}

/**
 * A word wider than a line, in pieces of at most `width` columns. Nothing is dropped: a URL cut with "…"
 * cannot be opened or copied, and the detail pane's fix steps and evidence are mostly URLs. A piece ends
 * after the last separator in its second half when it has one, so "https://platform.openai.com/" stays whole.
 */
function breakWord(word: string, width: number): string[] {
	const pieces: string[] = [];
	let rest = word;
	while (textWidth(rest) > width) {
		// A grapheme wider than the whole line still goes somewhere (the line is cut later), or this never ends.
		let piece = take(rest, width) || firstGrapheme(rest);
		const at = Math.max(...[...BREAK_AFTER].map(ch => piece.lastIndexOf(ch)));
		if (at >= 0 && at + 1 < piece.length && textWidth(piece.slice(0, at + 1)) >= width / 2) piece = piece.slice(0, at + 1);
		pieces.push(piece);
		rest = rest.slice(piece.length);
	}
	if (rest) pieces.push(rest);
	return pieces;
}

/** Word-wrap prose to `width` columns; a word longer than a line is broken across lines, never cut. */
export function wrapText(text: string, width: number): string[] {
	if (width <= 0) return [];
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = current ? `${current} ${word}` : word;
		if (textWidth(candidate) <= width) {
			current = candidate;
			continue;
		}
		if (current) lines.push(current);
		const pieces = textWidth(word) <= width ? [word] : breakWord(word, width);
		lines.push(...pieces.slice(0, -1));
		current = pieces.at(-1) ?? '';
	}
	if (current) lines.push(current);
	return lines;
}
