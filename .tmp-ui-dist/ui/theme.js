export const colorTheme = {
    name: 'color',
    status: {
        ok: { color: 'green' },
        low: { color: 'yellow' },
        limited: { color: 'magenta' },
        denied: { color: 'red', bold: true },
        down: { color: 'blue', bold: true },
        checking: { color: 'gray' },
    },
    text: {
        primary: {},
        dim: { color: 'gray' },
        accent: { color: 'cyan' },
        heading: { bold: true },
        warning: { color: 'yellow' },
        error: { color: 'red' },
    },
    border: { color: 'gray' },
    bar: { full: { color: 'green' }, low: { color: 'yellow' }, empty: { color: 'red' } },
};
export const noColorTheme = {
    name: 'no-color',
    status: { ok: {}, low: {}, limited: {}, denied: { bold: true }, down: { bold: true }, checking: {} },
    text: { primary: {}, dim: {}, accent: {}, heading: { bold: true }, warning: {}, error: {} },
    border: {},
    bar: { full: {}, low: {}, empty: {} },
};
/** `noColor` wins; otherwise NO_COLOR in the environment (the bin also maps it to FORCE_COLOR=0). */
export function themeFor(noColor, env = process.env) {
    if (noColor === true)
        return noColorTheme;
    if (noColor === undefined && env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '')
        return noColorTheme;
    return colorTheme;
}
export const statusLabels = {
    OK: { tone: 'ok', symbol: '✓', word: 'OK' },
    LOW: { tone: 'low', symbol: '▲', word: 'LOW' },
    LIMITED: { tone: 'limited', symbol: '◷', word: 'LIMITED' },
    DENIED: { tone: 'denied', symbol: '✗', word: 'DENIED' },
    DOWN: { tone: 'down', symbol: '▼', word: 'DOWN' },
    CHECKING: { tone: 'checking', symbol: '…', word: 'CHECKING' },
};
/** "✗ DENIED" — readable without colour. */
export function statusText(status) {
    const label = statusLabels[status];
    return `${label.symbol} ${label.word}`;
}
export function statusStyle(theme, status) {
    return theme.status[statusLabels[status].tone];
}
