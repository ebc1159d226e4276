import prettyMs from 'pretty-ms';
import {sanitize, scrub} from '../secrets/scrub.js';
import type {KeyState, ProviderId, Status} from '../types.js';
import type {AlertKeyChange} from './types.js';

// Recoveries get keywatch's own words: the verdict of an OK key says nothing about what went away.
const recoveryTitles: Partial<Record<Status, string>> = {
	LIMITED: 'quota has reset',
	LOW: 'headroom is back',
	DENIED: 'the key is accepted again',
	DOWN: 'the provider answers again',
};

const maxField = 300;

function clean(text: string | undefined): string | undefined {
	if (!text) return undefined;
	const out = sanitize(text).trim();
	if (!out) return undefined;
	return out.length > maxField ? `${out.slice(0, maxField - 1)}…` : out;
}

function percent(remaining: number, limit: number): string {
	return `${Math.floor((remaining / limit) * 100)}%`;
}

/** The tightest window or the credit, for a LOW key whose verdict is plain "ok". */
function lowTitle(key: KeyState): string {
	let best: {ratio: number; text: string} | undefined;
	for (const window of key.windows) {
		if (window.limit === undefined || window.remaining === undefined || window.limit <= 0) continue;
		const ratio = window.remaining / window.limit;
		if (!best || ratio < best.ratio) {
			best = {ratio, text: `${window.id} ${percent(window.remaining, window.limit)} left (${window.remaining}/${window.limit})`};
		}
	}
	const credit = key.credit;
	if (credit?.remaining !== undefined && credit.limit !== undefined && credit.limit > 0) {
		const ratio = credit.remaining / credit.limit;
		if (!best || ratio < best.ratio) best = {ratio, text: `credit ${percent(credit.remaining, credit.limit)} left (${credit.remaining} ${credit.currency})`};
	} else if (!best && credit?.remaining !== undefined) {
		best = {ratio: 0, text: `credit low: ${credit.remaining} ${credit.currency} left`};
	}
	return best ? `low headroom: ${best.text}` : 'low headroom';
}

function clearsIn(key: KeyState, now: number): string | undefined {
	const clearsAt = key.verdict?.clearsAt;
	if (clearsAt === undefined || !Number.isFinite(clearsAt) || clearsAt <= now) return undefined;
	return `clears in ~${prettyMs(clearsAt - now, {unitCount: 2, secondsDecimalDigits: 0})}`;
}

/** The words one key's change carries: the verdict's title, why and first fix step (scrubbed). */
export function describeChange(key: KeyState, from: Status, to: Status, now: number): AlertKeyChange {
	const change: AlertKeyChange = {name: clean(key.name) ?? key.id, from, to};
	const masked = clean(key.masked);
	if (masked) change.masked = masked;
	if (to === 'OK') {
		change.title = recoveryTitles[from] ?? 'recovered';
		return change;
	}
	const verdict = key.verdict;
	// A LOW key's verdict stays kind "ok" but explains itself (which window or credit, what to do).
	const speaks = verdict !== undefined && (verdict.kind !== 'ok' || (to === 'LOW' && verdict.fix.length > 0));
	let title = speaks ? clean(verdict.title) : undefined;
	if (to === 'LOW' && !speaks) title = lowTitle(key);
	const clears = to === 'LIMITED' ? clearsIn(key, now) : undefined;
	if (clears) title = title ? `${title} (${clears})` : clears;
	if (title) change.title = title;
	if (speaks) {
		const why = clean(verdict.why);
		const firstFix = clean(verdict.fix[0]);
		if (why) change.why = why;
		if (firstFix) change.firstFix = firstFix;
	}
	return change;
}

const bare = (text: string) => text.replace(/[.\s]+$/, '');

function changeLine(change: AlertKeyChange, provider?: string): string {
	const who = [change.masked, provider].filter(Boolean).join(', ');
	let line = `${change.name}${who ? ` (${who})` : ''} ${change.from} → ${change.to}`;
	if (change.title) line += ` — ${bare(change.title)}.`;
	if (change.why) line += ` Why: ${bare(change.why)}.`;
	if (change.firstFix) line += ` First step: ${bare(change.firstFix)}.`;
	return line;
}

/** One text for every sink. Scrubbed as a whole once more: it leaves the machine. */
export function alertText(provider: ProviderId | 'keywatch', changes: readonly AlertKeyChange[]): string {
	if (changes.length === 1) return scrub(`keywatch: ${changeLine(changes[0]!, provider)}`);
	const lines = changes.map(change => `• ${changeLine(change)}`);
	return scrub([`keywatch: ${changes.length} ${provider} keys changed`, ...lines].join('\n'));
}
