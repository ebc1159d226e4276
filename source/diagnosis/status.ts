// Verdict → the one word a row shows.
import type {Credit, RateWindow, Spend, Status, Verdict, VerdictKind} from '../types.js';
import {DEFAULT_LOW_THRESHOLD, lowParts} from './working-key.js';

const down: ReadonlySet<VerdictKind> = new Set(['overloaded', 'outage', 'network']);

/**
 * CHECKING before the first verdict; LIMITED while a rate limit clears by itself; DOWN when the
 * provider or the network is at fault, and for an `unknown` the verdict expects to clear by itself
 * (an unreadable answer from something in between); DENIED for everything that needs a person,
 * including other `unknown`s (a request failed and keywatch cannot say it will recover, so it must not
 * look fine) and `bad_request`. A working key is LOW when any window or the credit is under `lowThreshold`,
 * or less money is left than `lowBalance` (by default 5 for a balance with no limit).
 */
export function statusOf(verdict: Verdict | undefined, windows: RateWindow[], credit?: Credit, lowThreshold = DEFAULT_LOW_THRESHOLD, lowBalance?: number, spend?: Spend): Status {
	if (!verdict) return 'CHECKING';
	if (verdict.kind === 'ok') return lowParts({windows, credit, spend, threshold: lowThreshold, lowBalance}).length > 0 ? 'LOW' : 'OK';
	if (verdict.kind === 'rate_limited') return 'LIMITED';
	if (down.has(verdict.kind)) return 'DOWN';
	if (verdict.kind === 'unknown' && verdict.clears === 'by_itself') return 'DOWN';
	return 'DENIED';
}

