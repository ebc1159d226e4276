import { statusLabels } from '../ui/theme.js';
import { stripControl } from '../secrets/scrub.js';
// Ordered best to worst: the order counts are printed in and how "worst" is chosen.
const order = ['OK', 'LOW', 'LIMITED', 'DOWN', 'DENIED', 'CHECKING'];
const severity = { CHECKING: -1, OK: 0, LOW: 1, LIMITED: 2, DOWN: 3, DENIED: 4 };
// The same symbols as the live view (theme.ts holds no Ink code, so this line stays fast to load).
export const statusSymbols = Object.fromEntries(Object.entries(statusLabels).map(([status, label]) => [status, label.symbol]));
const asciiSymbols = { OK: 'ok:', LOW: 'low:', LIMITED: 'lim:', DOWN: 'down:', DENIED: 'den:', CHECKING: 'chk:' };
// tmux reads `#[…]` and `#(…)` in a status line's text as styles and commands: a key name must not.
function safeName(name, max) {
    const plain = stripControl(name).replace(/#/g, '').trim();
    return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
function isStatus(value) {
    return typeof value === 'string' && value in severity;
}
/** One short line for a tmux status bar: counts per status and the worst key. */
export function statusLine(snapshot, options = {}) {
    const symbols = options.ascii ? asciiSymbols : statusSymbols;
    const separator = options.ascii ? ' | ' : ' · ';
    const counts = new Map();
    let worst;
    for (const key of snapshot.keys) {
        const status = isStatus(key.status) ? key.status : 'CHECKING';
        counts.set(status, (counts.get(status) ?? 0) + 1);
        if (severity[status] > 0 && (!worst || severity[status] > severity[worst.status]))
            worst = { name: key.name, status };
    }
    const tally = order.filter(status => counts.has(status)).map(status => `${symbols[status]}${counts.get(status)}`);
    let line = tally.length > 0 ? `keywatch ${tally.join(' ')}` : `keywatch${separator}no keys`;
    if (worst)
        line += `${separator}worst: ${safeName(worst.name, options.maxNameLength ?? 24)} ${worst.status}`;
    if (snapshot.offline)
        line += `${separator}offline`;
    if (snapshot.paused)
        line += `${separator}paused`;
    return line;
}
