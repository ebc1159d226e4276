// Every line the live view draws is measured and cut here, so nothing ever wraps: a wrapped row
// would push the footer off an 80x24 screen and make the table jump.
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const zeroWidth = /^(?:\p{Mn}|\p{Me}|\p{Cf}|\p{Cc})+$/u;
const emojiPresentation = /\p{Emoji_Presentation}|\uFE0F/u;
// East Asian Wide and Fullwidth blocks: enough for names typed in CJK.
function isWide(codePoint) {
    return ((codePoint >= 0x11_00 && codePoint <= 0x11_5f) ||
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
        (codePoint >= 0x2_00_00 && codePoint <= 0x3_ff_fd));
}
function graphemeWidth(grapheme) {
    if (zeroWidth.test(grapheme))
        return 0;
    if (emojiPresentation.test(grapheme))
        return 2;
    return isWide(grapheme.codePointAt(0) ?? 0) ? 2 : 1;
}
/** Columns a string occupies in a terminal. */
export function textWidth(text) {
    let width = 0;
    for (const { segment } of graphemes.segment(text))
        width += graphemeWidth(segment);
    return width;
}
export function toSegments(cell) {
    if (typeof cell === 'string')
        return [{ text: cell }];
    if ('text' in cell)
        return [cell];
    return [...cell];
}
export function lineWidth(line) {
    return line.reduce((sum, segment) => sum + textWidth(segment.text), 0);
}
function take(text, width) {
    let out = '';
    let used = 0;
    for (const { segment } of graphemes.segment(text)) {
        const w = graphemeWidth(segment);
        if (used + w > width)
            break;
        out += segment;
        used += w;
    }
    return out;
}
/** Cut a line to `width` columns, ending in "…" when anything was cut. */
export function truncateLine(line, width) {
    if (width <= 0)
        return [];
    if (lineWidth(line) <= width)
        return [...line];
    const out = [];
    let room = width - 1;
    for (const segment of line) {
        const text = take(segment.text, room);
        if (text)
            out.push({ ...segment, text });
        room -= textWidth(text);
        if (text.length < segment.text.length) {
            out.push({ text: '…', style: segment.style });
            return out;
        }
    }
    return out;
}
/** Exactly `width` columns: truncated, then padded on the side `align` says. */
export function fitLine(line, width, align = 'left') {
    const cut = truncateLine(line, width);
    const gap = width - lineWidth(cut);
    if (gap <= 0)
        return cut;
    const pad = { text: ' '.repeat(gap) };
    return align === 'right' ? [pad, ...cut] : [...cut, pad];
}
/** Word-wrap prose to `width` columns; words longer than a line are cut. */
export function wrapText(text, width) {
    if (width <= 0)
        return [];
    const lines = [];
    let current = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        const candidate = current ? `${current} ${word}` : word;
        if (textWidth(candidate) <= width) {
            current = candidate;
            continue;
        }
        if (current)
            lines.push(current);
        current = textWidth(word) <= width ? word : `${take(word, width - 1)}…`;
    }
    if (current)
        lines.push(current);
    return lines;
}
