// Behaviour of diagnose beyond the per-provider tables: network failures, evidence and redaction,
// decoded windows, and purity.
import {describe, expect, it} from 'vitest';
import {classify, diagnose} from '../../source/diagnosis/diagnose.js';
import {Secret} from '../../source/secrets/secret.js';
import type {Exchange, NetworkFailureKind, RateWindow} from '../../source/types.js';

const NOW = Date.UTC(2026, 10, 24, 12);
const exchange = (over: Partial<Exchange>): Exchange => ({provider: 'openai', status: 200, headers: {}, body: '', at: NOW, ...over});

describe('network failures', () => {
	it.each([
		['dns', 'ENOTFOUND', /resolved/, 'by_itself'],
		['refused', 'ECONNREFUSED', /accepted the connection/, 'by_itself'],
		['reset', 'ECONNRESET', /reset/, 'by_itself'],
		['tls', 'CERT_HAS_EXPIRED', /certificate/, 'needs_action'],
		['timeout', 'UND_ERR_HEADERS_TIMEOUT', /before the request timeout/, 'by_itself'],
		['protocol', 'HPE_INVALID_CONSTANT', /valid HTTP/, 'needs_action'],
		['too_large', 'UND_ERR_RES_EXCEEDED_MAX_SIZE', /1 MiB/, 'needs_action'],
		['redirect', undefined, /redirect/, 'needs_action'],
		['offline', undefined, /no network/, 'by_itself'],
		['other', undefined, /failed before an answer/, 'by_itself'],
	] as const)('%s is a network verdict that says so', (kind, code, why, clears) => {
		const {verdict, rule} = classify(exchange({status: null, network: {kind: kind as NetworkFailureKind, code, message: `boom ${kind}`}}));
		expect(verdict.kind).toBe('network');
		expect(rule).toBe(`network.${kind}`);
		expect(verdict.why).toMatch(why);
		expect(verdict.clears).toBe(clears);
		expect(verdict.evidence.network).toContain(kind);
		expect(verdict.evidence.status).toBeNull();
		expect(verdict.fix.length).toBeGreaterThan(0);
	});

	it('points a timeout at the status page and the timeout setting, naming the provider', () => {
		const verdict = diagnose(exchange({provider: 'anthropic', status: null, network: {kind: 'timeout', message: 'Headers Timeout Error'}}));
		expect(verdict.why).toContain('Anthropic');
		expect(verdict.fix.join(' ')).toContain('https://status.claude.com');
		expect(verdict.fix.join(' ')).toContain('--timeout');
	});

	it('redacts a key that leaks into a network error message', () => {
		const verdict = diagnose(exchange({status: null, network: {kind: 'other', message: 'failed GET https://x/?key=AIzaSyTESTtestTESTtestTESTtest1234'}}));
		expect(JSON.stringify(verdict)).not.toContain('AIzaSyTESTtestTESTtestTESTtest1234');
	});

	it('treats an unknown failure kind as other', () => {
		const verdict = diagnose(exchange({status: null, network: {kind: 'weird' as NetworkFailureKind, message: 'x'}}));
		expect(verdict.kind).toBe('network');
		expect(verdict.evidence.network).toContain('other');
	});
});

describe('evidence', () => {
	it('carries status, type, code, message, request id and the deciding headers', () => {
		const verdict = diagnose(
			exchange({
				status: 429,
				headers: {'x-request-id': 'req_abc', 'retry-after': '3', 'x-ratelimit-remaining-requests': '0', 'cf-cache-status': 'DYNAMIC', 'set-cookie': 'session=secret'},
				body: JSON.stringify({error: {message: 'Rate limit reached on requests per min (RPM)', type: 'requests', code: 'rate_limit_exceeded'}}),
			}),
		);
		expect(verdict.evidence).toMatchObject({status: 429, errorType: 'requests', errorCode: 'rate_limit_exceeded', requestId: 'req_abc'});
		expect(verdict.evidence.message).toContain('requests per min');
		expect(verdict.evidence.headers).toEqual({'retry-after': '3', 'x-ratelimit-remaining-requests': '0'});
	});

	it('takes the request id from request-id, apim-request-id, or the body', () => {
		expect(diagnose(exchange({status: 500, headers: {'request-id': 'req_1'}})).evidence.requestId).toBe('req_1');
		expect(diagnose(exchange({status: 500, headers: {'apim-request-id': 'apim-1'}})).evidence.requestId).toBe('apim-1');
		expect(diagnose(exchange({status: 500, body: '{"type":"error","error":{"type":"api_error","message":"x"},"request_id":"req_body"}'})).evidence.requestId).toBe('req_body');
	});

	it('redacts keys echoed in the message, registered or by shape, and strips terminal escapes', () => {
		const registered = 'sk-test-REGISTERED-abcdefghij0123';
		new Secret(registered);
		const verdict = diagnose(
			exchange({
				status: 401,
				body: JSON.stringify({
					error: {
						message: `Incorrect API key provided: ${registered} and sk-ant-api03-SHAPEDshaped0123456789 \u001b]0;owned\u0007\u001b[2J`,
						code: 'invalid_api_key',
					},
				}),
			}),
		);
		const text = JSON.stringify(verdict);
		expect(text).not.toContain('REGISTERED-abcdefghij');
		expect(text).not.toContain('SHAPEDshaped0123456789');
		expect(text).not.toContain('\u001b');
		expect(text).not.toContain('\u0007');
		expect(verdict.evidence.message).toContain('…0123');
	});

	it('shows the content type when the body was not JSON', () => {
		const verdict = diagnose(exchange({status: 502, headers: {'content-type': 'text/html'}, body: '<html><title>502</title></html>'}));
		expect(verdict.evidence.headers['content-type']).toBe('text/html');
	});
});

describe('decoded windows', () => {
	const windows: RateWindow[] = [
		{id: 'requests', limitKind: 'requests', period: 'minute', limit: 500, remaining: 12, resetAt: NOW + 2_000, source: 'headers'},
		{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: 30_000, remaining: 0, resetAt: NOW + 6_000, source: 'headers'},
	];

	it('are passed through unchanged, [] when none', () => {
		expect(diagnose(exchange({status: 200}), {windows, now: NOW}).windows).toBe(windows);
		expect(diagnose(exchange({status: 200})).windows).toEqual([]);
	});

	it('say which bucket tripped and when it clears, when the answer does not', () => {
		const verdict = diagnose(exchange({status: 429, body: '{"error":{"message":"Rate limit exceeded"}}'}), {windows, now: NOW});
		expect(verdict).toMatchObject({kind: 'rate_limited', limit: 'tokens', window: 'minute', clears: 'by_itself', clearsAt: NOW + 6_000});
		expect(verdict.title).toBe('Rate limited: tokens per minute');
	});

	it('never read Azure\'s -1 sentinel as a bucket at zero', () => {
		const sentinel: RateWindow[] = [{id: 'tokens', limitKind: 'tokens', period: 'minute', limit: -1, remaining: -1, source: 'headers'}];
		expect(diagnose(exchange({status: 429, body: ''}), {windows: sentinel, now: NOW}).kind).toBe('unknown');
	});

	it('mention the least headroom on a working key', () => {
		expect(diagnose(exchange({status: 200}), {windows, now: NOW}).why).toContain('0 of 30000 tokens per minute left');
	});
});

describe('purity', () => {
	it('gives the same verdict for the same input, and does not touch the input', () => {
		const input = exchange({status: 429, headers: {'retry-after': '5'}, body: '{"error":{"message":"slow"}}'});
		const copy = structuredClone(input);
		expect(diagnose(input)).toEqual(diagnose(input));
		expect(input).toEqual(copy);
	});

	it('uses options.now over exchange.at for deadlines', () => {
		const verdict = diagnose(exchange({status: 429, headers: {'retry-after': '5'}}), {now: 1_000});
		expect(verdict.clearsAt).toBe(6_000);
	});

	it('treats an unknown provider id as an OpenAI-compatible host', () => {
		const verdict = diagnose(exchange({provider: 'nope' as Exchange['provider'], status: 401, body: ''}));
		expect(verdict.kind).toBe('invalid_key');
		expect(verdict.fix.join(' ')).toContain("your provider's API keys page");
	});
});
