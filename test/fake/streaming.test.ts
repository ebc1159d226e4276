// `stream: true` against the fake provider: the event sequences OpenAI-style APIs and Anthropic send, with the
// usage where each puts it, and the same rate-limit headers and spending as an answer in one piece.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {FakeProvider} from '../../source/fake/server.js';
import type {ProviderId} from '../../source/types.js';
import {auth, call, headroomProbe, startWithClock} from './helpers.js';

let fake: FakeProvider;
beforeAll(async () => {
	({fake} = await startWithClock());
});
afterAll(() => fake.close());

type Event = {event?: string; data: string};

/** Parses an SSE body strictly: every event ends in a blank line, and each line is `event:` or `data:`. */
function parseEvents(text: string): Event[] {
	expect(text.endsWith('\n\n')).toBe(true);
	return text
		.slice(0, -2)
		.split('\n\n')
		.map(block => {
			const out: Event = {data: ''};
			for (const line of block.split('\n')) {
				const match = /^(event|data): (.*)$/.exec(line);
				expect(match, `line ${JSON.stringify(line)}`).not.toBeNull();
				if (match![1] === 'event') out.event = match![2];
				else out.data = match![2]!;
			}
			return out;
		});
}

function streamed(provider: ProviderId, key: string, extra: Record<string, unknown> = {}) {
	const probe = headroomProbe[provider];
	return call(`${fake.baseUrl(provider)}${probe.path}`, {headers: auth(provider, key), body: {...(probe.body as object), stream: true, ...extra}});
}

describe('streaming answers', () => {
	it.each<ProviderId>(['openai', 'groq', 'mistral', 'deepseek', 'xai', 'together'])('%s streams chat.completion.chunk events ending in [DONE]', async provider => {
		const res = await streamed(provider, `sk-test-healthy-stream-${provider}`, {stream_options: {include_usage: true}});
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
		expect(res.headers['content-length']).toBeUndefined();
		const events = parseEvents(res.text);
		expect(events.at(-1)).toEqual({data: '[DONE]'});
		const chunks = events.slice(0, -1).map(e => JSON.parse(e.data));
		expect(new Set(chunks.map(c => c.object))).toEqual(new Set(['chat.completion.chunk']));
		expect(new Set(chunks.map(c => c.id)).size).toBe(1);
		expect(chunks[0].choices[0].delta.role).toBe('assistant');
		expect(chunks.map(c => c.choices[0]?.delta?.content ?? '').join('')).toBe('H');
		expect(chunks[2].choices[0].finish_reason).toBe('length');
		const last = chunks.at(-1);
		expect(last.choices).toEqual([]);
		expect(last.usage.total_tokens).toBe(last.usage.prompt_tokens + last.usage.completion_tokens);
	});

	it('leaves the usage chunk out unless stream_options.include_usage is set, and still spends', async () => {
		const key = 'sk-test-healthy-stream-nousage';
		const res = await streamed('openai', key);
		const chunks = parseEvents(res.text).slice(0, -1).map(e => JSON.parse(e.data));
		expect(chunks).toHaveLength(3);
		expect(chunks.some(c => 'usage' in c)).toBe(false);
		expect(res.headers['x-ratelimit-remaining-requests']).toBe(String(Number(res.headers['x-ratelimit-limit-requests']) - 1));
		const again = await streamed('openai', key);
		expect(again.headers['x-ratelimit-remaining-requests']).toBe(String(Number(res.headers['x-ratelimit-remaining-requests']) - 1));
	});

	it('anthropic streams message_start … message_stop with input usage first and output usage last', async () => {
		const res = await streamed('anthropic', 'sk-ant-test-healthy-stream');
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
		expect(res.headers['anthropic-ratelimit-requests-remaining']).toBeDefined();
		const events = parseEvents(res.text);
		expect(events.map(e => e.event)).toEqual(['message_start', 'content_block_start', 'ping', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
		for (const e of events) expect(JSON.parse(e.data).type).toBe(e.event);
		const start = JSON.parse(events[0]!.data);
		expect(start.message).toMatchObject({type: 'message', role: 'assistant', content: [], stop_reason: null});
		expect(start.message.usage.input_tokens).toBeGreaterThan(0);
		expect(JSON.parse(events[3]!.data).delta).toEqual({type: 'text_delta', text: 'H'});
		expect(JSON.parse(events[5]!.data)).toMatchObject({delta: {stop_reason: 'max_tokens'}, usage: {output_tokens: 1}});
	});

	it('a refused streaming request is the plain JSON error, as the APIs send before a stream starts', async () => {
		const res = await streamed('openai', 'sk-test-invalid-stream');
		expect(res.status).toBe(401);
		expect(res.headers['content-type']).toMatch(/^application\/json/);
		expect(res.json.error.code).toBe('invalid_api_key');
	});
});
