// Does a rule's match hold for this answer? Every condition given must hold.
import type {Context, Match, Pattern} from './types.js';

function test(pattern: Pattern, value: string | undefined): boolean {
	if (value === undefined) return false;
	if (typeof pattern === 'string') return pattern.toLowerCase() === value.toLowerCase();
	pattern.lastIndex = 0;
	return pattern.test(value);
}

function statusHolds(match: Match, status: number | null): boolean {
	if (match.status !== undefined) {
		if (status === null) return false;
		const list = typeof match.status === 'number' ? [match.status] : match.status;
		if (!list.includes(status)) return false;
	}
	if (match.statusRange !== undefined) {
		if (status === null || status < match.statusRange[0] || status > match.statusRange[1]) return false;
	}
	return true;
}

export function matches(match: Match, ctx: Context): boolean {
	const {error} = ctx.body;
	if (!statusHolds(match, ctx.status)) return false;
	if (match.type !== undefined && !test(match.type, error.type)) return false;
	if (match.code !== undefined && !test(match.code, error.code)) return false;
	if (match.typeOrCode !== undefined && !test(match.typeOrCode, error.type) && !test(match.typeOrCode, error.code)) return false;
	// An HTML page on an error comes from whatever stands in front of the API (a CDN, WAF, proxy or
	// portal): its words ("Access denied", "Sorry, you have been blocked") are not the provider's message.
	if (match.message !== undefined && (ctx.body.form === 'html' || !test(match.message, ctx.body.text))) return false;
	if (match.reason !== undefined && !error.reasons.some(reason => test(match.reason as Pattern, reason))) return false;
	if (match.googleStatus !== undefined && !test(match.googleStatus, error.googleStatus)) return false;
	if (match.quotaId !== undefined) {
		const pattern = match.quotaId;
		if (!error.violations.some(v => test(pattern, v.quotaId) || test(pattern, v.quotaMetric))) return false;
	}
	if (match.detailCode !== undefined && !test(match.detailCode, error.detailCode)) return false;
	if (match.metadata !== undefined) {
		const value = error.metadata?.[match.metadata.key];
		if (value === undefined || value === null) return false;
		if (match.metadata.value !== undefined && !test(match.metadata.value, String(value))) return false;
	}
	if (match.form !== undefined) {
		const forms = typeof match.form === 'string' ? [match.form] : match.form;
		if (!forms.includes(ctx.body.form)) return false;
	}
	if (match.tag !== undefined && !ctx.body.tags.includes(match.tag)) return false;
	if (match.notTag !== undefined && ctx.body.tags.includes(match.notTag)) return false;
	if (match.header !== undefined) {
		const value = ctx.headers[match.header.name];
		if (value === undefined) return false;
		if (match.header.value !== undefined && !test(match.header.value, value)) return false;
	}
	if (match.exhausted !== undefined) {
		const periods = match.exhausted;
		if (!ctx.exhausted.some(w => periods.includes(w.period))) return false;
	}
	if (match.retryHint !== undefined) {
		const hint = ctx.retryAfterSeconds !== undefined || ctx.exhausted.some(w => w.period !== 'month');
		if (hint !== match.retryHint) return false;
	}
	if (match.noMessage === true && ctx.body.text.length > 0) return false;
	// Flags come from 2xx key-info and balance bodies; an error answer speaks for itself.
	if (match.flag !== undefined) {
		const success = ctx.httpStatus !== null && ctx.httpStatus >= 200 && ctx.httpStatus < 300;
		if (!success || !ctx.flags?.includes(match.flag)) return false;
	}
	return true;
}
