// diagnose and statusOf are total: any status, any headers, any body give a verdict, never a throw.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {classify} from '../../source/diagnosis/diagnose.js';
import {guessProvider} from '../../source/diagnosis/guess-provider.js';
import {statusOf} from '../../source/diagnosis/status.js';
import {type Exchange, PROVIDER_IDS, STATUSES, VERDICT_KINDS} from '../../source/types.js';

const status = fc.oneof(fc.constant(null), fc.integer({min: 100, max: 599}), fc.integer(), fc.double());
const headerValue = fc.oneof(fc.string(), fc.array(fc.string(), {maxLength: 3}), fc.constant(undefined));
const headerName = fc.oneof(
	fc.constantFrom('retry-after', 'retry-after-ms', 'x-ratelimit-remaining-requests', 'x-ratelimit-reset-requests', 'anthropic-ratelimit-tokens-remaining', 'x-request-id', 'location'),
	fc.string({maxLength: 20}),
);
const headers = fc.dictionary(headerName, headerValue, {maxKeys: 8});
const errorish = fc.record({
	error: fc.record({
		message: fc.oneof(fc.string(), fc.constantFrom('Rate limit reached on tokens per min (TPM). Please try again in 2s.', 'Invalid API key', 'Overloaded')),
		type: fc.oneof(fc.string(), fc.constantFrom('tokens', 'insufficient_quota', 'authentication_error')),
		code: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
		status: fc.oneof(fc.string(), fc.constantFrom('RESOURCE_EXHAUSTED', 'UNAVAILABLE')),
		details: fc.array(fc.jsonValue(), {maxLength: 3}),
		metadata: fc.jsonValue(),
	}, {requiredKeys: []}),
});
const body = fc.oneof(
	fc.string(),
	fc.json(),
	fc.jsonValue().map(v => JSON.stringify(v)),
	errorish.map(v => JSON.stringify(v)),
	errorish.map(v => JSON.stringify(v).slice(0, 40)),
	fc.nat({max: 5000}).map(n => '['.repeat(n)),
);

describe('diagnose never throws', () => {
	it('and always returns one of the verdict kinds', () => {
		fc.assert(
			fc.property(fc.constantFrom(...PROVIDER_IDS), status, headers, body, (provider, s, h, b) => {
				const exchange = {provider, status: s, headers: h, body: b, at: 1_700_000_000_000} as Exchange;
				const {verdict, rule} = classify(exchange);
				expect(rule).not.toBe('internal-error');
				expect(VERDICT_KINDS).toContain(verdict.kind);
				expect(typeof verdict.title).toBe('string');
				expect(Array.isArray(verdict.fix)).toBe(true);
				if (verdict.retryAfterSeconds !== undefined) expect(Number.isFinite(verdict.retryAfterSeconds)).toBe(true);
				if (verdict.clearsAt !== undefined) expect(Number.isFinite(verdict.clearsAt)).toBe(true);
				expect(STATUSES).toContain(statusOf(verdict, verdict.windows));
				expect(() => JSON.stringify(verdict)).not.toThrow();
				guessProvider(h, b);
			}),
			{numRuns: 400},
		);
	});
});
