import {getHeader, parseCount, parseEpochReset, parseResetDelay} from '../parse/index.js';
import type {Exchange, RateWindow} from '../types.js';
import {createOpenAiStyleAdapter, openAiStyleReads, openAiStyleWindows} from './openai-style.js';
import {after, makeWindow, present} from './windows.js';

// Together's documentation names `x-ratelimit-*` and `x-tokenlimit-*` headers without pinning the exact
// names or windows (providers.md §10), so both the OpenAI names and the bare family are read, and the
// bare family's window is left unknown rather than guessed.
export function togetherWindows(headers: Exchange['headers'], now: number): RateWindow[] {
	const reset = getHeader(headers, 'x-ratelimit-reset');
	const resetAt = parseEpochReset(reset, now) ?? after(now, parseResetDelay(reset));
	return [
		...openAiStyleWindows(headers, now, {requests: 'minute', tokens: 'minute'}),
		...present([
			makeWindow({
				id: 'requests-dynamic',
				limitKind: 'requests',
				period: 'unknown',
				limit: parseCount(getHeader(headers, 'x-ratelimit-limit')),
				remaining: parseCount(getHeader(headers, 'x-ratelimit-remaining')),
				resetAt,
				source: 'headers',
			}),
			makeWindow({
				id: 'tokens-dynamic',
				limitKind: 'tokens',
				period: 'unknown',
				limit: parseCount(getHeader(headers, 'x-tokenlimit-limit')),
				remaining: parseCount(getHeader(headers, 'x-tokenlimit-remaining')),
				source: 'headers',
			}),
		]),
	];
}

export const together = createOpenAiStyleAdapter({
	id: 'together',
	label: 'Together',
	defaultBaseUrl: 'https://api.together.xyz/v1',
	envVars: ['TOGETHER_API_KEY'],
	periods: {requests: 'minute', tokens: 'minute'},
	headroomModel: 'meta-llama/Llama-3.2-3B-Instruct-Turbo',
	costs: {
		validity: 'free: lists models (a long list)',
		headroom: '≈10 tokens on Llama-3.2-3B-Instruct-Turbo (≈$0.0000006 a probe)',
	},
	windows: togetherWindows,
	headerReads: [
		...openAiStyleReads({requests: 'minute', tokens: 'minute'}),
		'x-ratelimit-{limit,remaining,reset}: requests, window not documented',
		'x-tokenlimit-{limit,remaining}: tokens, window not documented',
	],
	blindSpots: ['credit balance (no per-key balance endpoint)', 'the exact window of the x-ratelimit-/x-tokenlimit- headers (shown as unknown)'],
});
