import {request} from 'undici';
import {startFakeProvider, type FakeProvider} from '../../source/fake/server.js';
import type {ProviderId} from '../../source/types.js';

export const START = Date.UTC(2026, 0, 15, 12, 0, 0);

export type Clock = {now: number};

export async function startWithClock(): Promise<{fake: FakeProvider; clock: Clock}> {
	const clock = {now: START};
	const fake = await startFakeProvider({clock: () => clock.now});
	return {fake, clock};
}

export type Reply = {status: number; headers: Record<string, string>; text: string; json: any};

export async function call(url: string, options: {method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: unknown} = {}): Promise<Reply> {
	const hasBody = options.body !== undefined;
	const res = await request(url, {
		method: options.method ?? (hasBody ? 'POST' : 'GET'),
		headers: hasBody ? {'content-type': 'application/json', ...options.headers} : options.headers,
		body: hasBody ? JSON.stringify(options.body) : undefined,
	});
	const text = await res.body.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
	return {status: res.statusCode, headers, text, json};
}

/** The auth headers each provider expects. */
export function auth(provider: ProviderId, key: string): Record<string, string> {
	if (provider === 'anthropic') return {'x-api-key': key, 'anthropic-version': '2023-06-01'};
	if (provider === 'gemini') return {'x-goog-api-key': key};
	if (provider === 'azure_openai') return {'api-key': key};
	return {authorization: `Bearer ${key}`};
}

const chatBody = (model: string) => ({model, messages: [{role: 'user', content: 'hi'}], max_tokens: 1});

/** Path (after the base URL) and body of each provider's headroom probe. */
export const headroomProbe: Record<ProviderId, {path: string; body: unknown}> = {
	openai: {path: '/chat/completions', body: chatBody('gpt-4o-mini')},
	openai_compatible: {path: '/chat/completions', body: chatBody('gpt-4o-mini')},
	anthropic: {path: '/v1/messages', body: chatBody('claude-3-5-haiku-20241022')},
	gemini: {path: '/models/gemini-2.0-flash-lite:generateContent', body: {contents: [{parts: [{text: 'hi'}]}], generationConfig: {maxOutputTokens: 1}}},
	openrouter: {path: '/chat/completions', body: chatBody('meta-llama/llama-3.3-70b-instruct:free')},
	groq: {path: '/chat/completions', body: chatBody('llama-3.1-8b-instant')},
	mistral: {path: '/chat/completions', body: chatBody('mistral-small-latest')},
	deepseek: {path: '/chat/completions', body: chatBody('deepseek-chat')},
	xai: {path: '/chat/completions', body: chatBody('grok-3-mini')},
	azure_openai: {path: '/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21', body: {messages: [{role: 'user', content: 'hi'}], max_tokens: 1}},
	together: {path: '/chat/completions', body: chatBody('meta-llama/Llama-3.2-3B-Instruct-Turbo')},
};

/** Path of each provider's free validity probe. */
export const validityPath: Record<ProviderId, string> = {
	openai: '/models',
	openai_compatible: '/models',
	anthropic: '/v1/models',
	gemini: '/models',
	openrouter: '/key',
	groq: '/models',
	mistral: '/models',
	deepseek: '/user/balance',
	xai: '/api-key',
	azure_openai: '/openai/models?api-version=2024-10-21',
	together: '/models',
};

export function headroom(fake: FakeProvider, provider: ProviderId, key: string): Promise<Reply> {
	const probe = headroomProbe[provider];
	return call(`${fake.baseUrl(provider)}${probe.path}`, {headers: auth(provider, key), body: probe.body});
}

export function validity(fake: FakeProvider, provider: ProviderId, key: string): Promise<Reply> {
	return call(`${fake.baseUrl(provider)}${validityPath[provider]}`, {headers: auth(provider, key)});
}

/** Go durations as OpenAI and Groq write them: `1s`, `12ms`, `6m0s`, `9m38.016s`, `2h0m0s`. */
export const goDurationPattern = /^(?:\d+h)?(?:\d+m)?(?:\d+(?:\.\d+)?(?:ms|s))$|^0s$/;
export const rfc3339Seconds = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
