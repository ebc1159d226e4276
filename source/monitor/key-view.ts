// What a row shows, derived from the newest readings of each probe kind. Pure.

import type {Credit, ProbeKind, RateWindow, Reading, Verdict, VerdictKind} from '../types.js';
import {PROBE_ORDER} from './schedule.js';

export type LatestByKind = Partial<Record<ProbeKind, Reading>>;

/**
 * The reading whose verdict the row shows. A verdict that needs action stays until that probe passes again,
 * even while another probe kind succeeds (a key that cannot use its headroom model is still broken); a rate
 * limit stays while its deadline is ahead; otherwise the newest reading speaks. Spend probes use a separate
 * admin key, so they never decide the inference key's verdict.
 */
export function decidingReading(latest: LatestByKind, now: number): Reading | undefined {
	const candidates = PROBE_ORDER.filter(kind => kind !== 'spend')
		.map(kind => latest[kind])
		.filter((r): r is Reading => r !== undefined);
	const newestFirst = [...candidates].sort((a, b) => b.at - a.at);
	const needsAction = newestFirst.find(r => r.verdict.kind !== 'ok' && r.verdict.clears === 'needs_action');
	if (needsAction) return needsAction;
	const limited = newestFirst.find(r => r.verdict.kind === 'rate_limited' && (r.verdict.clearsAt ?? 0) > now);
	if (limited) return limited;
	return newestFirst[0] ?? latest.spend;
}

/** Windows from the newest reading of each kind that carried any; a newer reading wins for the same id. */
export function mergeWindows(withWindows: LatestByKind): RateWindow[] {
	const byId = new Map<string, {window: RateWindow; at: number}>();
	for (const kind of PROBE_ORDER) {
		const reading = withWindows[kind];
		if (!reading) continue;
		for (const window of reading.windows) {
			const seen = byId.get(window.id);
			if (!seen || seen.at < reading.at) byId.set(window.id, {window, at: reading.at});
		}
	}
	return [...byId.values()].map(v => v.window);
}

function newestWith(withCredit: LatestByKind, keep: (credit: Credit) => boolean): Reading | undefined {
	let newest: Reading | undefined;
	for (const kind of PROBE_ORDER) {
		const reading = withCredit[kind];
		if (reading?.credit && keep(reading.credit) && (!newest || reading.at > newest.at)) newest = reading;
	}
	return newest;
}

/**
 * The credit the row shows: the key's own (OpenRouter `/key`), since the account's pool is shared by every
 * key and would hide a key at its own limit; else the balance probe's; else the newest reading that had one.
 */
export function pickCredit(withCredit: LatestByKind): Credit | undefined {
	const own = newestWith(withCredit, credit => credit.scope === 'key');
	if (own) return own.credit;
	if (withCredit.balance?.credit) return withCredit.balance.credit;
	return newestWith(withCredit, () => true)?.credit;
}

/** The account's pool when the row shows something else (a key's own limit): a second figure beside it. */
export function pickAccountCredit(withCredit: LatestByKind, shown: Credit | undefined): Credit | undefined {
	return newestWith(withCredit, credit => credit.scope === 'account' && credit !== shown)?.credit;
}

/**
 * The credit LOW is judged by: the key's own limit when it has one; a key without a limit has nothing of its
 * own left to judge, so the account's pool decides.
 */
export function judgedCredit(shown: Credit | undefined, account: Credit | undefined): Credit | undefined {
	return shown?.remaining === undefined && account ? account : shown;
}

export function newestReading(latest: LatestByKind): Reading | undefined {
	let newest: Reading | undefined;
	for (const kind of PROBE_ORDER) {
		const reading = latest[kind];
		if (reading && (!newest || reading.at >= newest.at)) newest = reading;
	}
	return newest;
}

/** The verdict a key gets when it cannot be probed at all (no secret, no adapter). */
export function setupVerdict(kind: VerdictKind, title: string, why: string, fix: string): Verdict {
	return {kind, title, why, fix: [fix], clears: 'needs_action', evidence: {status: null, headers: {}}, windows: []};
}

/** The verdict for an exception inside keywatch while probing: transient, so the key is retried with backoff. */
export function internalErrorVerdict(message: string, status: number | null): Verdict {
	return {
		kind: 'unknown',
		title: 'keywatch could not read this answer',
		why: `An internal error stopped keywatch from reading the provider's answer: ${message}`,
		fix: ['Run `keywatch check --json` and report the evidence (no key is included) to the keywatch issue tracker'],
		clears: 'by_itself',
		evidence: {status, headers: {}},
		windows: [],
	};
}

