// A verdict as plain text: the same headed sections as the detail pane, for `keywatch explain` and
// anywhere else a verdict is printed without Ink.
import type {RateWindow, Verdict} from '../types.js';
import {limitPhrase} from './limits.js';
import {statusOf} from './status.js';
import {formatWait} from './wording.js';

/** `extra` lines go right under the title (e.g. which provider the answer came from). */
export function formatVerdict(verdict: Verdict, extra: readonly string[] = []): string {
	const lines: string[] = [];
	lines.push(`${verdict.title}`, ...extra);
	lines.push(`Kind: ${verdict.kind} (${statusOf(verdict, verdict.windows)})`);
	if (verdict.kind === 'rate_limited') lines.push(`Limit: ${limitPhrase(verdict.limit, verdict.window) ?? 'not stated'}`);
	if (verdict.candidates && verdict.candidates.length > 1) lines.push(`Could be: ${verdict.candidates.join(', ')}`);
	lines.push('', 'Why', `  ${verdict.why}`);
	if (verdict.fix.length > 0) {
		lines.push('', 'How to fix');
		verdict.fix.forEach((step, index) => lines.push(`  ${index + 1}. ${step}`));
	}
	lines.push('', 'Evidence', ...evidenceLines(verdict));
	if (verdict.windows.length > 0) lines.push('', 'Rate-limit windows', ...verdict.windows.map(windowLine));
	lines.push('', 'Clears', `  ${clearsLine(verdict)}`);
	return `${lines.join('\n')}\n`;
}

function evidenceLines(verdict: Verdict): string[] {
	const e = verdict.evidence;
	const out = [`  HTTP status: ${e.status ?? 'none'}`];
	if (e.network) out.push(`  Network: ${e.network}`);
	if (e.errorType) out.push(`  Error type: ${e.errorType}`);
	if (e.errorCode) out.push(`  Error code: ${e.errorCode}`);
	if (e.message) out.push(`  Message: ${e.message}`);
	if (e.requestId) out.push(`  Request id: ${e.requestId}`);
	const headers = Object.entries(e.headers);
	if (headers.length > 0) {
		out.push('  Headers:');
		for (const [name, value] of headers) out.push(`    ${name}: ${value}`);
	}
	if (e.incident) out.push(`  Incident: ${e.incident.name}${e.incident.url ? ` (${e.incident.url})` : ''}`);
	return out;
}

function windowLine(w: RateWindow): string {
	const what = limitPhrase(w.limitKind, w.period) ?? w.id;
	const left = w.remaining === undefined ? '?' : String(w.remaining);
	const of = w.limit === undefined ? '?' : String(w.limit);
	const reset = w.resetAt === undefined ? '' : `, resets ${new Date(w.resetAt).toISOString()}`;
	return `  ${what}: ${left} of ${of} left${reset}`;
}

function clearsLine(verdict: Verdict): string {
	if (verdict.kind === 'ok' && verdict.clears === 'by_itself' && verdict.clearsAt === undefined) return 'Nothing to clear.';
	if (verdict.clears === 'needs_action') {
		if (verdict.clearsAt !== undefined) return `Needs action from you to work sooner; otherwise it resets at ${new Date(verdict.clearsAt).toISOString()}.`;
		return 'Needs action from you: it will not clear by waiting.';
	}
	const parts = ['By itself'];
	if (verdict.retryAfterSeconds !== undefined) parts.push(`in about ${formatWait(verdict.retryAfterSeconds)}`);
	if (verdict.clearsAt !== undefined) parts.push(`(at ${new Date(verdict.clearsAt).toISOString()})`);
	return `${parts.join(' ')}.`;
}
