import { isKnown } from './format.js';
// Block characters draw a fraction at eighth-of-a-column resolution, so a three-column bar still
// tells 20% from 30% without colour.
const eighths = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const levels = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/** A left-to-right bar `width` columns wide; blank when the fraction is unknown. */
export function bar(fraction, width) {
    if (width <= 0)
        return '';
    if (!isKnown(fraction))
        return ' '.repeat(width);
    const units = Math.round(Math.min(1, Math.max(0, fraction)) * width * 8);
    const full = Math.floor(units / 8);
    const part = eighths[units % 8] ?? '';
    return ('█'.repeat(full) + part).padEnd(width, ' ');
}
/** The last `width` values (0..1) as a sparkline, right-aligned: the newest is always at the right edge. */
export function sparkline(values, width) {
    if (width <= 0)
        return '';
    const shown = values.slice(-width).map(value => {
        if (!isKnown(value))
            return ' ';
        const level = Math.round(Math.min(1, Math.max(0, value)) * (levels.length - 1));
        return levels[level] ?? ' ';
    });
    return shown.join('').padStart(width, ' ');
}
