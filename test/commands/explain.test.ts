import {describe, expect, it} from 'vitest';
import {runExplain} from '../../source/commands/explain.js';

const NOW = Date.UTC(2026, 10, 24, 12);
const text = (doc: unknown, provider?: string) => runExplain(typeof doc === 'string' ? doc : JSON.stringify(doc), {json: false, provider, now: NOW});
const json = (doc: unknown, provider?: string) => runExplain(JSON.stringify(doc), {json: true, provider, now: NOW});

const quota = {provider: 'openai', status: 429, headers: {'x-request-id': 'req_42'}, body: {error: {message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota'}}};

describe('keywatch explain', () => {
	it('prints the verdict as headed text', () => {
		const result = text(quota);
		expect(result.exitCode).toBe(0);
		expect(result.stderr).toBe('');
		const out = result.stdout;
		expect(out.split('\n')[0]).toBe('Out of credit or quota');
		expect(out).toContain('Provider: OpenAI');
		expect(out).toContain('Kind: quota_exhausted (DENIED)');
		for (const heading of ['\nWhy\n', '\nHow to fix\n', '\nEvidence\n', '\nClears\n']) expect(out).toContain(heading);
		expect(out).toMatch(/\n {2}1\. .*https:\/\/platform\.openai\.com\/settings\/organization\/billing\/overview/);
		expect(out).toContain('Error code: insufficient_quota');
		expect(out).toContain('Request id: req_42');
		expect(out).toContain('Needs action from you');
	});

	it('prints the verdict object with --json', () => {
		const result = json(quota);
		expect(result.exitCode).toBe(0);
		const verdict = JSON.parse(result.stdout);
		expect(verdict).toMatchObject({kind: 'quota_exhausted', clears: 'needs_action', evidence: {status: 429, errorCode: 'insufficient_quota', requestId: 'req_42'}});
	});

	it('accepts the body as raw text, status null or absent, headers absent', () => {
		const raw = text({provider: 'groq', body: 'Rate limit reached for model `llama3-70b-8192` in organization `org_01x` on : Limit 500000, Used 500370, Requested 252. Please try again in 1m47.5854s.'});
		expect(raw.exitCode).toBe(0);
		expect(raw.stdout).toContain('Kind: rate_limited (LIMITED)');
		expect(raw.stdout).toContain('HTTP status: none');
		expect(raw.stdout).toMatch(/By itself in about 1m 48s/);
		expect(JSON.parse(json({provider: 'groq', status: null, body: 'Rate limit reached'}).stdout).kind).toBe('rate_limited');
	});

	it('reads a null body as an empty answer', () => {
		expect(JSON.parse(json({provider: 'mistral', status: 200, body: null}).stdout).kind).toBe('ok');
	});

	it('uses the adapter to decode rate-limit windows from the headers', () => {
		const verdict = JSON.parse(
			json({
				provider: 'anthropic',
				status: 429,
				headers: {'anthropic-ratelimit-input-tokens-limit': '40000', 'anthropic-ratelimit-input-tokens-remaining': '0', 'anthropic-ratelimit-input-tokens-reset': '2026-11-24T12:00:30Z'},
				body: {type: 'error', error: {type: 'rate_limit_error', message: 'Rate limited'}},
			}).stdout,
		);
		expect(verdict.limit).toBe('input_tokens');
		expect(verdict.windows.length).toBeGreaterThan(0);
		expect(verdict.clearsAt).toBe(Date.UTC(2026, 10, 24, 12, 0, 30));
	});

	it('guesses the provider when it is not given, and says so', () => {
		const mistral = {status: 401, headers: {'x-ratelimit-remaining-tokens-month': '5'}, body: {detail: 'Unauthorized'}};
		const result = text(mistral);
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toContain('Provider: Mistral (guessed from the answer; pass --provider to override)');
		expect(result.stdout).toContain('Could be: invalid_key, quota_exhausted');
		expect(json(mistral).stderr).toContain('provider guessed from the answer: mistral');
	});

	it('reads an error with no provider mark as OpenAI-compatible, labelled a guess (a bare FastAPI detail is not Mistral)', () => {
		const boom = text({status: 500, body: {error: {message: 'boom'}}});
		expect(boom.exitCode).toBe(0);
		expect(boom.stdout).toContain('Provider: OpenAI-compatible (guessed from the answer; pass --provider to override)');
		expect(text({status: 401, body: {detail: 'Unauthorized'}}).stdout).toContain('Provider: OpenAI-compatible (guessed');
	});

	it('lets --provider override the document, and accepts aliases', () => {
		const doc = {provider: 'openai', status: 429, body: {error: {code: 429, message: 'You exceeded your current quota, please check your plan and billing details.', status: 'RESOURCE_EXHAUSTED'}}};
		expect(JSON.parse(json(doc, 'google').stdout).kind).toBe('rate_limited');
		expect(text(doc, 'Azure').exitCode).toBe(0);
	});

	it('explains a network failure given as "network"', () => {
		const verdict = JSON.parse(json({provider: 'openai', status: null, body: '', network: {kind: 'dns', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND api.openai.con'}}).stdout);
		expect(verdict.kind).toBe('network');
	});

	it('never prints the key the answer echoed', () => {
		const key = 'sk-proj-test0123456789abcdefghijWXYZ';
		const result = text({provider: 'openai', status: 401, body: {error: {message: `Incorrect API key provided: ${key}.`, code: 'invalid_api_key'}}});
		expect(result.stdout).not.toContain(key);
		expect(result.stdout).toContain('sk-…WXYZ');
	});

	it.each([
		['empty input', '', /no input/],
		['not JSON', 'HTTP 429 Too Many Requests', /not JSON/],
		['a JSON array', '[1,2]', /must be a JSON object/],
		['no body at all', {provider: 'openai', status: 429}, /no "body"/],
		['an unknown provider', {provider: 'acme', status: 401, body: ''}, /unknown provider "acme": use one of openai, anthropic/],
		['a provider that cannot be guessed', {status: 500, body: 'Internal Server Error'}, /cannot tell which provider.*--provider/],
		['a status that is not a number', {provider: 'openai', status: 'soon', body: ''}, /"status" must be/],
		['headers that are not an object', {provider: 'openai', status: 401, headers: 'x', body: ''}, /"headers" must be/],
		['input nested too deep', `${'['.repeat(5000)}${']'.repeat(5000)}`, /nested more than/],
	] as const)('rejects %s with one line and exit code 2', (_name, input, message) => {
		const result = text(input);
		expect(result.exitCode).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(message);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr.startsWith('keywatch explain: ')).toBe(true);
	});
});
