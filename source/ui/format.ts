// Numbers as the table shows them. A value that is missing, NaN or infinite is unknown and shows as "—":
// printing "NaN" or "0" would tell an on-call engineer something the provider never said.

export const UNKNOWN = '—';

export function isKnown(value: number | undefined | null): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

const units = [
	{size: 1e3, suffix: 'k'},
	{size: 1e6, suffix: 'M'},
	{size: 1e9, suffix: 'B'},
] as const;

function trimZero(text: string): string {
	return text.replace(/\.0$/, '');
}

/** 999, 1.2k, 12k, 3.4M. */
export function formatCount(value: number | undefined): string {
	if (!isKnown(value)) return UNKNOWN;
	const sign = value < 0 ? '-' : '';
	const abs = Math.abs(value);
	if (Math.round(abs) < 1000) return `${sign}${Math.round(abs)}`;
	const index = abs < 1e6 ? 0 : abs < 1e9 ? 1 : 2;
	const unit = units[index];
	const scaled = abs / unit.size;
	const text = scaled < 10 ? trimZero(scaled.toFixed(1)) : String(Math.round(scaled));
	// 999.6k rounds to "1000k"; say 1M instead.
	const bigger = units[index + 1];
	if (text === '1000' && bigger) return `${sign}1${bigger.suffix}`;
	return `${sign}${text}${unit.suffix}`;
}

/** 1,234,567 (grouping fixed to en-US so screens and snapshots agree everywhere). */
export function formatInteger(value: number | undefined): string {
	if (!isKnown(value)) return UNKNOWN;
	return Math.round(value).toLocaleString('en-US');
}

const durationUnits = [
	{ms: 86_400_000, suffix: 'd'},
	{ms: 3_600_000, suffix: 'h'},
	{ms: 60_000, suffix: 'm'},
	{ms: 1000, suffix: 's'},
];

/** Two largest units: "4m 12s", "2h 5m", "3d 1h", "12s". Rounds up, so a countdown reaches 0s at its deadline. */
export function formatDuration(ms: number | undefined): string {
	if (!isKnown(ms)) return UNKNOWN;
	let seconds = Math.max(0, Math.ceil(ms / 1000));
	if (seconds === 0) return '0s';
	const parts: string[] = [];
	for (const unit of durationUnits) {
		const size = unit.ms / 1000;
		if (seconds < size && parts.length === 0) continue;
		const count = Math.floor(seconds / size);
		seconds -= count * size;
		parts.push(`${count}${unit.suffix}`);
		if (parts.length === 2) break;
	}
	return parts.join(' ');
}

/** One unit, rounded down: "12s ago", "4m ago", "2h ago", "3d ago". */
export function formatAge(ms: number | undefined): string {
	if (!isKnown(ms)) return UNKNOWN;
	return `${formatShortAge(ms)} ago`;
}

/** "12s", "4m", "2h", "3d". */
export function formatShortAge(ms: number): string {
	const clamped = Math.max(0, ms);
	for (const unit of durationUnits) {
		if (clamped >= unit.ms || unit.suffix === 's') return `${Math.floor(clamped / unit.ms)}${unit.suffix}`;
	}
	return '0s';
}

/** "312ms", "1.2s", "14s". */
export function formatLatency(ms: number | undefined): string {
	if (!isKnown(ms) || ms < 0) return UNKNOWN;
	if (ms < 1000) return `${Math.round(ms)}ms`;
	if (ms < 10_000) return `${trimZero((ms / 1000).toFixed(1))}s`;
	return `${Math.round(ms / 1000)}s`;
}

const currencySymbols: Record<string, string> = {
	USD: '$',
	CNY: '¥',
	RMB: '¥',
	JPY: '¥',
	EUR: '€',
	GBP: '£',
	INR: '₹',
};

/** "$12.34", "¥110.00", "-$1.50", "12.34 CHF"; token balances as counts ("1.2M tokens"). */
export function formatMoney(amount: number | undefined, currency: string): string {
	if (!isKnown(amount)) return UNKNOWN;
	const code = currency.trim();
	if (/^tokens?$/i.test(code)) return `${formatCount(amount)} tokens`;
	const sign = amount < 0 ? '-' : '';
	const digits = Math.abs(amount).toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
	const symbol = currencySymbols[code.toUpperCase()];
	return symbol ? `${sign}${symbol}${digits}` : `${sign}${digits} ${code}`.trim();
}

/** "12:34:56" in local time; "12:34" with `seconds: false`. */
export function formatClock(epochMs: number | undefined, {seconds = true}: {seconds?: boolean} = {}): string {
	if (!isKnown(epochMs)) return UNKNOWN;
	const date = new Date(epochMs);
	const parts = seconds ? [date.getHours(), date.getMinutes(), date.getSeconds()] : [date.getHours(), date.getMinutes()];
	return parts.map(n => String(n).padStart(2, '0')).join(':');
}

/** "42%" from a 0..1 fraction. */
export function formatPercent(fraction: number | undefined): string {
	if (!isKnown(fraction)) return UNKNOWN;
	return `${Math.round(fraction * 100)}%`;
}

/** A poll interval: "30s", "90s", "5m", "1h 30m". */
export function formatInterval(ms: number | undefined): string {
	if (!isKnown(ms) || ms <= 0) return UNKNOWN;
	if (ms < 120_000) return `${Math.round(ms / 1000)}s`;
	return formatDuration(ms).replace(/ 0[smh]$/, '');
}
