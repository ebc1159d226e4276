const compact = (n) => {
    if (n === undefined || !Number.isFinite(n))
        return '—';
    if (n >= 1e9)
        return `${(n / 1e9).toFixed(1)}G`;
    if (n >= 1e6)
        return `${(n / 1e6).toFixed(1)}M`;
    if (n >= 1e4)
        return `${(n / 1e3).toFixed(0)}k`;
    return String(Math.round(n));
};
function headroom(windows, kind) {
    const window = windows.find(w => w.limitKind === kind && w.period !== 'month') ?? windows.find(w => w.limitKind === kind);
    if (!window)
        return '—';
    return `${compact(window.remaining)}/${compact(window.limit)}${window.period === 'day' ? '/d' : ''}`;
}
function resetIn(windows, now) {
    const soonest = windows.map(w => w.resetAt).filter((t) => t !== undefined && t > now).sort((a, b) => a - b)[0];
    if (soonest === undefined)
        return '—';
    const s = Math.ceil((soonest - now) / 1000);
    return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
function credit(key) {
    const c = key.credit;
    if (!c || c.remaining === undefined)
        return '—';
    const amount = c.currency === 'USD' ? `$${c.remaining.toFixed(2)}` : `${compact(c.remaining)} ${c.currency}`;
    return c.source === 'estimate' ? `~${amount}` : amount;
}
/** The plain table `keywatch check` prints: no colour, no cursor movement, safe to pipe. */
export function renderCheckTable(snapshot, now = Date.now()) {
    const header = ['NAME', 'PROVIDER', 'STATUS', 'REQUESTS', 'TOKENS', 'RESET', 'CREDIT', 'LATENCY', 'WHY'];
    const rows = snapshot.keys.map(key => [
        key.name,
        key.provider,
        key.status,
        headroom(key.windows, 'requests'),
        headroom(key.windows, 'tokens'),
        resetIn(key.windows, now),
        credit(key),
        key.latencyMs === undefined ? '—' : `${Math.round(key.latencyMs)}ms`,
        key.status === 'OK' ? '' : (key.verdict?.title ?? ''),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
    const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
    return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
