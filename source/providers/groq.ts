import {createOpenAiStyleAdapter} from './openai-style.js';

// Groq reuses OpenAI's header names with different windows: requests are per DAY, tokens per minute.
export const groq = createOpenAiStyleAdapter({
	id: 'groq',
	label: 'Groq',
	defaultBaseUrl: 'https://api.groq.com/openai/v1',
	envVars: ['GROQ_API_KEY'],
	periods: {requests: 'day', tokens: 'minute'},
	moreReads: ['retry-after (seconds) on a 429'],
	headroomModel: 'llama-3.1-8b-instant',
	costs: {
		validity: 'free: lists models',
		headroom: '1 request of the daily request quota and ≈10 tokens on llama-3.1-8b-instant (≈$0.0000005 on paid tiers)',
	},
	blindSpots: ['balance or spend (Groq has no usage API)', 'daily token (TPD) and audio limits: only the request-per-day and token-per-minute headers exist'],
});
