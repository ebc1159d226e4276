// `keywatch list` and `keywatch add`, in-process (the built-CLI tests in test/cli cover the same commands end to end).
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {UsageError} from '../../source/app/options.js';
import {runAdd, runList} from '../../source/commands/keys.js';
import {commandSandbox} from '../helpers/command-sandbox.js';

const box = commandSandbox('kw-keys-');

const configured = () => JSON.parse(readFileSync(path.join(box.dir, 'config.json'), 'utf8')).keys as Array<{name: string; baseUrl?: string}>;

describe('keywatch list', () => {
	it('does not list an environment key twice when a configured key already reads that variable', async () => {
		process.env.OPENAI_API_KEY = 'sk-test-listdup-000000000000000000001111';
		process.env.ANTHROPIC_API_KEY = 'sk-ant-test-listdup-0000000000000002222';
		await runAdd('openai', {name: 'prod', env: 'OPENAI_API_KEY'});
		box.out = '';
		expect(await runList({json: true})).toBe(0);
		const rows = JSON.parse(box.out) as Array<{name: string; origin: string}>;
		expect(rows.map(r => [r.name, r.origin])).toEqual([
			['prod', 'config'],
			['env-anthropic', 'environment'],
		]);
		box.out = '';
		await runList({});
		expect(box.out).not.toContain('env-openai');
		expect(box.out).not.toContain('listdup');
	});
});

describe('keywatch add --base-url', () => {
	it('refuses an Anthropic base URL that ends in /v1, naming the fix (the SDK adds /v1 itself)', async () => {
		const added = runAdd('anthropic', {name: 'claude', env: 'ANTHROPIC_API_KEY', baseUrl: 'https://gateway.example.com/anthropic/v1'});
		await expect(added).rejects.toThrow(UsageError);
		await expect(added).rejects.toThrow('--base-url https://gateway.example.com/anthropic');
	});

	it('refuses an OpenAI-style base URL without /v1', async () => {
		await expect(runAdd('openai', {name: 'gw', env: 'X', baseUrl: 'https://gateway.example.com'})).rejects.toThrow(
			/OpenAI-style base URLs include \/v1.*--base-url https:\/\/gateway\.example\.com\/v1/,
		);
	});

	it.each([
		['anthropic', 'https://gateway.example.com/anthropic'],
		['anthropic', 'http://127.0.0.1:4000/'],
		['openai', 'https://gateway.example.com/v1'],
		['openai', 'http://127.0.0.1:4000/openai/v1/'],
		['openai-compatible', 'https://llm.internal/api/v2'],
		['groq', 'https://api.groq.com/openai/v1'],
		['openrouter', 'https://openrouter.ai/api/v1'],
	])('accepts %s %s', async (provider, baseUrl) => {
		expect(await runAdd(provider, {name: 'k', env: 'X', baseUrl})).toBe(0);
		expect(configured()[0]?.baseUrl).toBe(baseUrl);
	});
});
