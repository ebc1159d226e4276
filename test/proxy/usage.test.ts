import {describe, expect, it} from 'vitest';
import {jsonUsage, SseUsageWatcher, usageOf} from '../../source/proxy/usage.js';

describe('usageOf', () => {
	it('reads OpenAI, Anthropic and Gemini usage fields', () => {
		expect(usageOf({usage: {prompt_tokens: 9, completion_tokens: 1, total_tokens: 10}})).toEqual({input: 9, output: 1, total: 10});
		expect(usageOf({usage: {input_tokens: 12, output_tokens: 3}})).toEqual({input: 12, output: 3});
		expect(usageOf({usageMetadata: {promptTokenCount: 4, candidatesTokenCount: 2, totalTokenCount: 6}})).toEqual({input: 4, output: 2, total: 6});
	});

	it('treats missing or malformed counts as unknown', () => {
		expect(usageOf({usage: {prompt_tokens: 'nine', completion_tokens: -1}})).toBeUndefined();
		expect(usageOf({usage: null})).toBeUndefined();
		expect(usageOf('usage')).toBeUndefined();
		expect(jsonUsage('{"usage": {')).toBeUndefined();
	});
});

describe('SseUsageWatcher', () => {
	it('finds the usage chunk of an OpenAI stream split at any byte', () => {
		const stream =
			'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n' +
			'data: {"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}\n\n' +
			'data: [DONE]\n\n';
		const bytes = Buffer.from(stream);
		for (let cut = 1; cut < bytes.length; cut += 7) {
			const watcher = new SseUsageWatcher();
			watcher.push(bytes.subarray(0, cut));
			watcher.push(bytes.subarray(cut));
			expect(watcher.usage).toEqual({input: 5, output: 2, total: 7});
		}
	});

	it('merges Anthropic message_start input with message_delta output', () => {
		const watcher = new SseUsageWatcher();
		watcher.push(Buffer.from('event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":25,"output_tokens":1}}}\n\n'));
		watcher.push(Buffer.from('event: message_delta\ndata: {"type":"message_delta","usage":{"output_tokens":15}}\n\n'));
		expect(watcher.usage).toEqual({input: 25, output: 15});
	});
});
