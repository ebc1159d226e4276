import {describe, expect, it} from 'vitest';
import {ADAPTERS, getAdapter} from '../../source/providers/registry.js';
import type {HttpRequest} from '../../source/providers/types.js';
import type {KeyConfig, ProbeKind, ProviderId} from '../../source/types.js';
import {ADMIN, context, SECRET, XAI_TEAM} from './helpers.js';

type Case = {
	provider: ProviderId;
	probe: ProbeKind;
	method: 'GET' | 'POST';
	url: string;
	auth: [string, string];
	key?: Partial<KeyConfig>;
	admin?: boolean;
};

const bearer = (secret: string): [string, string] => ['authorization', `Bearer ${secret}`];

const cases: Case[] = [
	{provider: 'openai', probe: 'validity', method: 'GET', url: 'https://api.openai.com/v1/models', auth: bearer(SECRET)},
	{provider: 'openai', probe: 'headroom', method: 'POST', url: 'https://api.openai.com/v1/chat/completions', auth: bearer(SECRET)},
	{provider: 'openai', probe: 'spend', method: 'GET', url: 'https://api.openai.com/v1/organization/costs?start_time=START&bucket_width=1d&limit=31', auth: bearer(ADMIN), admin: true},
	{provider: 'anthropic', probe: 'validity', method: 'GET', url: 'https://api.anthropic.com/v1/models', auth: ['x-api-key', SECRET]},
	{provider: 'anthropic', probe: 'headroom', method: 'POST', url: 'https://api.anthropic.com/v1/messages', auth: ['x-api-key', SECRET]},
	{provider: 'anthropic', probe: 'spend', method: 'GET', url: 'https://api.anthropic.com/v1/organizations/cost_report?starting_at=START&bucket_width=1d&limit=31', auth: ['x-api-key', ADMIN], admin: true},
	{provider: 'gemini', probe: 'validity', method: 'GET', url: 'https://generativelanguage.googleapis.com/v1beta/models', auth: ['x-goog-api-key', SECRET]},
	{provider: 'gemini', probe: 'headroom', method: 'POST', url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-lite:generateContent', auth: ['x-goog-api-key', SECRET]},
	{provider: 'openrouter', probe: 'validity', method: 'GET', url: 'https://openrouter.ai/api/v1/key', auth: bearer(SECRET)},
	{provider: 'openrouter', probe: 'balance', method: 'GET', url: 'https://openrouter.ai/api/v1/credits', auth: bearer(ADMIN), admin: true},
	{provider: 'groq', probe: 'validity', method: 'GET', url: 'https://api.groq.com/openai/v1/models', auth: bearer(SECRET)},
	{provider: 'groq', probe: 'headroom', method: 'POST', url: 'https://api.groq.com/openai/v1/chat/completions', auth: bearer(SECRET)},
	{provider: 'mistral', probe: 'validity', method: 'GET', url: 'https://api.mistral.ai/v1/models', auth: bearer(SECRET)},
	{provider: 'mistral', probe: 'headroom', method: 'POST', url: 'https://api.mistral.ai/v1/chat/completions', auth: bearer(SECRET)},
	{provider: 'deepseek', probe: 'validity', method: 'GET', url: 'https://api.deepseek.com/models', auth: bearer(SECRET)},
	{provider: 'deepseek', probe: 'balance', method: 'GET', url: 'https://api.deepseek.com/user/balance', auth: bearer(SECRET)},
	{provider: 'xai', probe: 'validity', method: 'GET', url: 'https://api.x.ai/v1/api-key', auth: bearer(SECRET)},
	{provider: 'xai', probe: 'headroom', method: 'POST', url: 'https://api.x.ai/v1/chat/completions', auth: bearer(SECRET)},
	{provider: 'xai', probe: 'balance', method: 'GET', url: `https://management-api.x.ai/v1/billing/teams/${XAI_TEAM}/prepaid/balance`, auth: bearer(ADMIN), admin: true},
	{
		provider: 'azure_openai',
		probe: 'validity',
		method: 'GET',
		url: 'https://res.openai.azure.com/openai/models?api-version=2024-10-21',
		auth: ['api-key', SECRET],
		key: {baseUrl: 'https://res.openai.azure.com/'},
	},
	{
		provider: 'azure_openai',
		probe: 'headroom',
		method: 'POST',
		url: 'https://res.openai.azure.com/openai/deployments/my-dep/chat/completions?api-version=2025-01-01-preview',
		auth: ['api-key', SECRET],
		key: {baseUrl: 'https://res.openai.azure.com/openai', settings: {deployment: 'my-dep', apiVersion: '2025-01-01-preview'}},
	},
	{provider: 'together', probe: 'validity', method: 'GET', url: 'https://api.together.xyz/v1/models', auth: bearer(SECRET)},
	{provider: 'together', probe: 'headroom', method: 'POST', url: 'https://api.together.xyz/v1/chat/completions', auth: bearer(SECRET)},
	{provider: 'openai_compatible', probe: 'validity', method: 'GET', url: 'http://gw.local:4000/v1/models', auth: bearer(SECRET), key: {baseUrl: 'http://gw.local:4000/v1'}},
	{
		provider: 'openai_compatible',
		probe: 'headroom',
		method: 'POST',
		url: 'http://gw.local:4000/v1/chat/completions',
		auth: bearer(SECRET),
		key: {baseUrl: 'http://gw.local:4000/v1/', settings: {model: 'local-small'}},
	},
];

function build(c: Case): HttpRequest {
	const request = getAdapter(c.provider).request(c.probe, context(c.provider, c.key, c.admin, c.provider === 'xai' ? {teamId: XAI_TEAM} : undefined));
	if (!request) throw new Error(`no request for ${c.provider} ${c.probe}`);
	return request;
}

describe('adapter requests', () => {
	it.each(cases.map(c => [`${c.provider} ${c.probe}`, c] as const))('%s: path, method and auth header', (_name, c) => {
		const request = build(c);
		expect(request.method).toBe(c.method);
		expect(request.url.replace(/start_time=\d+/, 'start_time=START').replace(/starting_at=[^&]+/, 'starting_at=START')).toBe(c.url);
		expect(request.headers[c.auth[0]]).toBe(c.auth[1]);
	});

	it.each(cases.map(c => [`${c.provider} ${c.probe}`, c] as const))('%s: the secret appears only in the auth header', (_name, c) => {
		const request = build(c);
		const secret = c.auth[1].replace('Bearer ', '');
		const {[c.auth[0]]: auth, ...rest} = request.headers;
		expect(auth).toContain(secret);
		expect(request.url).not.toContain('sk-test');
		expect(request.url).not.toContain('key=');
		expect(request.body ?? '').not.toContain('sk-test');
		expect(JSON.stringify(rest)).not.toContain('sk-test');
		// An admin probe carries only the admin key, an inference probe only the inference key.
		expect(JSON.stringify(request)).not.toContain(secret === ADMIN ? SECRET : ADMIN);
	});

	it.each(cases.filter(c => c.probe === 'headroom').map(c => [c.provider, c] as const))('%s: headroom asks for at most one token', (_name, c) => {
		const request = build(c);
		const body = JSON.parse(request.body ?? '{}') as Record<string, unknown> & {generationConfig?: {maxOutputTokens?: number}};
		if (c.provider === 'gemini') expect(body.generationConfig?.maxOutputTokens).toBe(1);
		else expect(body.max_tokens).toBe(1);
		expect(request.headers['content-type']).toBe('application/json');
	});

	it('uses the model from the key settings for headroom', () => {
		for (const id of ['openai', 'anthropic', 'groq', 'mistral', 'together', 'xai'] as const) {
			const request = getAdapter(id).request('headroom', context(id, {settings: {model: 'custom-model'}}));
			expect(JSON.parse(request?.body ?? '{}').model).toBe('custom-model');
		}
		const gemini = getAdapter('gemini').request('headroom', context('gemini', {settings: {model: 'models/gemini-2.0-flash'}}));
		expect(gemini?.url).toMatch(/\/models\/gemini-2\.0-flash:generateContent$/);
	});

	it('honours key.baseUrl (the fake provider layout) over the default', () => {
		const base = 'http://127.0.0.1:9999';
		const expected: Array<[ProviderId, string, string]> = [
			['openai', `${base}/openai/v1`, `${base}/openai/v1/models`],
			['anthropic', `${base}/anthropic`, `${base}/anthropic/v1/models`],
			['gemini', `${base}/gemini/v1beta`, `${base}/gemini/v1beta/models`],
			['openrouter', `${base}/openrouter/api/v1`, `${base}/openrouter/api/v1/key`],
			['groq', `${base}/groq/openai/v1`, `${base}/groq/openai/v1/models`],
			['mistral', `${base}/mistral/v1`, `${base}/mistral/v1/models`],
			['deepseek', `${base}/deepseek`, `${base}/deepseek/models`],
			['xai', `${base}/xai/v1`, `${base}/xai/v1/api-key`],
			['together', `${base}/together/v1`, `${base}/together/v1/models`],
			['openai_compatible', `${base}/compat/v1`, `${base}/compat/v1/models`],
		];
		for (const [id, baseUrl, url] of expected) expect(getAdapter(id).request('validity', context(id, {baseUrl}))?.url).toBe(url);
		expect(getAdapter('xai').request('balance', context('xai', {baseUrl: `${base}/xai/v1`}, true, {teamId: XAI_TEAM}))?.url).toBe(
			`${base}/xai-management/v1/billing/teams/${XAI_TEAM}/prepaid/balance`,
		);
		expect(getAdapter('azure_openai').request('headroom', context('azure_openai', {baseUrl: `${base}/azure`, settings: {deployment: 'dep', apiVersion: 'v1'}}))?.url).toBe(
			`${base}/azure/openai/deployments/dep/chat/completions?api-version=v1`,
		);
	});

	it('returns undefined when the key cannot make the probe', () => {
		expect(getAdapter('openai').request('spend', context('openai'))).toBeUndefined();
		expect(getAdapter('anthropic').request('spend', context('anthropic'))).toBeUndefined();
		expect(getAdapter('openrouter').request('balance', context('openrouter'))).toBeUndefined();
		expect(getAdapter('xai').request('balance', context('xai'))).toBeUndefined();
		expect(getAdapter('azure_openai').request('validity', context('azure_openai'))).toBeUndefined();
		expect(getAdapter('azure_openai').request('headroom', context('azure_openai', {baseUrl: 'https://res.openai.azure.com'}))).toBeUndefined();
		expect(getAdapter('openai_compatible').request('validity', context('openai_compatible'))).toBeUndefined();
		expect(getAdapter('openai_compatible').request('headroom', context('openai_compatible', {baseUrl: 'http://gw/v1'}))).toBeUndefined();
		expect(getAdapter('deepseek').request('headroom', context('deepseek'))).toBeUndefined();
		expect(getAdapter('openai').request('balance', context('openai'))).toBeUndefined();
	});

	it('offers a request for every probe it lists (given what the probe needs)', () => {
		for (const adapter of ADAPTERS) {
			for (const spec of adapter.probes) {
				const ctx = context(adapter.id, {baseUrl: adapter.defaultBaseUrl || 'http://gw/v1', settings: {deployment: 'd', model: 'm'}}, true, {teamId: XAI_TEAM});
				expect(adapter.request(spec.kind, ctx), `${adapter.id} ${spec.kind}`).toBeDefined();
				expect(spec.spends).toBe(spec.kind === 'headroom');
				expect(spec.cost.length).toBeGreaterThan(5);
			}
		}
	});
});
