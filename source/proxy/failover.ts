// When moving traffic to another key can help, and when it cannot. A data table the detail pane shows too.
import {statusOf} from '../diagnosis/index.js';
import type {KeyConfig, ProviderId, Verdict, VerdictKind} from '../types.js';

/** Statuses whose whole answer arrived before any token was produced: safe to send again with another key. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([401, 402, 403, 429]);

/** Kinds that mean "this key cannot serve anything until someone acts". */
export const FAILOVER_KINDS: ReadonlySet<VerdictKind> = new Set([
	'invalid_key',
	'quota_exhausted',
	'billing',
	'suspended',
	'permission',
]);

/** A rate limit that clears sooner than this is waited out, not failed over. */
export const FAR_RESET_MS = 60_000;

// Where each provider applies its rate limits, from ../shared/providers.md (§1.2, §2.2, §3.1, §4.2, §5, §8).
const rateLimitScope: Record<ProviderId, {helps: boolean; reason: string}> = {
	openai: {helps: true, reason: 'OpenAI rate limits apply per organization and project: a backup key helps only if it belongs to another project or organization.'},
	anthropic: {helps: true, reason: 'Anthropic rate limits apply per organization: a backup key helps only if it belongs to another organization.'},
	gemini: {helps: true, reason: 'Gemini quotas apply per Google Cloud project, not per key: a backup key helps only if it belongs to another project.'},
	openrouter: {helps: false, reason: 'OpenRouter limits (free-model daily and per-minute caps, credits) are account-wide: another key on the account hits the same limit.'},
	groq: {helps: true, reason: 'Groq rate limits apply per organization: a backup key helps only if it belongs to another organization.'},
	mistral: {helps: true, reason: 'Mistral limits apply per workspace: a backup key helps only if it belongs to another workspace.'},
	deepseek: {helps: true, reason: 'DeepSeek publishes no rate-limit scope; a backup key on another account may help.'},
	xai: {helps: true, reason: 'xAI rate limits apply per team and model: a backup key helps only if it belongs to another team.'},
	azure_openai: {helps: true, reason: 'Azure OpenAI quotas apply per deployment and region: a backup key helps if it points at another resource or region.'},
	together: {helps: true, reason: 'Together rate limits apply per account: a backup key helps only if it belongs to another account.'},
	openai_compatible: {helps: true, reason: 'The scope of this endpoint\'s limits is unknown; a backup key may help.'},
};

const kindReasons: Partial<Record<VerdictKind, {helps: boolean; reason: string}>> = {
	ok: {helps: false, reason: 'The key works: there is nothing to fail over from.'},
	invalid_key: {helps: true, reason: 'The key itself is rejected: any valid key can serve the request.'},
	quota_exhausted: {helps: true, reason: 'This key\'s quota is used up: a backup key on another account or project can serve the request.'},
	billing: {helps: true, reason: 'Billing blocks this key\'s account: a backup key on another account can serve the request.'},
	suspended: {helps: true, reason: 'This key\'s account or project is suspended: a backup key on another account can serve the request.'},
	permission: {helps: true, reason: 'This key lacks permission: a backup key with the permission can serve the request.'},
	model_access: {helps: false, reason: 'Model access depends on the request\'s model; keywatch does not move traffic for it.'},
	verification_required: {helps: false, reason: 'Verification is an organization step; complete it rather than moving traffic.'},
	region_blocked: {helps: false, reason: 'The provider blocks this machine\'s region (egress IP): every key fails the same way.'},
	content_policy: {helps: false, reason: 'The request\'s content was refused: another key gets the same answer.'},
	bad_request: {helps: false, reason: 'The request itself is malformed: another key gets the same answer.'},
	overloaded: {helps: false, reason: 'The provider is overloaded: every key hits the same servers, so more keys cannot help.'},
	outage: {helps: false, reason: 'The provider is having an outage: every key hits the same servers, so more keys cannot help.'},
	network: {helps: false, reason: 'The network path to the provider fails: every key takes the same path, so more keys cannot help.'},
	unknown: {helps: false, reason: 'The cause is unknown; keywatch moves traffic only for causes another key can fix.'},
};

/** Whether another key of the same provider can help with this verdict, and why (for the detail pane). */
export function failoverHelps(provider: ProviderId, verdict: Pick<Verdict, 'kind'>): {helps: boolean; reason: string} {
	if (verdict.kind === 'rate_limited') return rateLimitScope[provider];
	return kindReasons[verdict.kind] ?? {helps: false, reason: 'keywatch does not move traffic for this cause.'};
}

/** When the verdict says the rate limit clears, as an absolute time; undefined when the answer does not say. */
function clearsAt(verdict: Verdict, now: number): number | undefined {
	if (verdict.clearsAt !== undefined) return verdict.clearsAt;
	if (verdict.retryAfterSeconds !== undefined) return now + verdict.retryAfterSeconds * 1000;
	return undefined;
}

/** Whether a verdict leaves the key useless for a while, where another key of the provider can help. */
function keyIsUseless(provider: ProviderId, verdict: Verdict, clearsAt: number | undefined, now: number): {failover: boolean; reason: string} {
	const helps = failoverHelps(provider, verdict);
	if (!helps.helps) return {failover: false, reason: helps.reason};
	if (FAILOVER_KINDS.has(verdict.kind)) return {failover: true, reason: helps.reason};
	if (verdict.kind === 'rate_limited') {
		if (clearsAt !== undefined && clearsAt - now > FAR_RESET_MS) return {failover: true, reason: helps.reason};
		return {failover: false, reason: 'the rate limit clears within a minute (or the answer does not say when)'};
	}
	return {failover: false, reason: helps.reason};
}

/**
 * Fail over from an answer? Only for a whole error answer (401/402/403/429) whose verdict leaves this key
 * useless for a while, and only where another key can help.
 */
export function shouldFailover(
	provider: ProviderId,
	status: number | null,
	verdict: Verdict,
	now: number,
): {failover: boolean; reason: string} {
	if (status === null || !RETRYABLE_STATUSES.has(status)) return {failover: false, reason: 'not a retryable status'};
	return keyIsUseless(provider, verdict, clearsAt(verdict, now), now);
}

/**
 * Move off the active key before sending? When the monitor's current verdict for it (a probe, or earlier
 * traffic) is one the proxy would fail over on, the request goes to a backup at once rather than after one
 * more refusal. Same rules as after an answer, except that only an absolute reset counts: a bare
 * retry-after is relative to an answer whose time the verdict does not carry.
 */
export function shouldFailoverBeforeSending(provider: ProviderId, verdict: Verdict | undefined, now: number): {failover: boolean; reason: string} {
	if (!verdict || verdict.kind === 'ok') return {failover: false, reason: 'the key works'};
	return keyIsUseless(provider, verdict, verdict.clearsAt, now);
}

/** A verdict that leaves a key usable as a backup: not DENIED, LIMITED or DOWN. No verdict yet (CHECKING) is usable. */
export function usableAsBackup(verdict: Verdict | undefined): boolean {
	const status = statusOf(verdict, verdict?.windows ?? []);
	return status !== 'DENIED' && status !== 'LIMITED' && status !== 'DOWN';
}

/** The next backup key after `from` (in configuration order, wrapping), skipping keys already tried. */
export function nextBackup(
	keys: readonly KeyConfig[],
	provider: ProviderId,
	from: string,
	tried: ReadonlySet<string>,
	usable: (key: KeyConfig) => boolean,
): KeyConfig | undefined {
	const same = keys.filter(k => k.provider === provider);
	const start = same.findIndex(k => k.name === from);
	for (let i = 1; i <= same.length; i++) {
		const key = same[(start + i + same.length) % same.length];
		if (!key || !key.backup || key.name === from || tried.has(key.name)) continue;
		if (usable(key)) return key;
	}
	return undefined;
}
