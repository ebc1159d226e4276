import {createOpenAiStyleAdapter} from './openai-style.js';

// Any gateway that speaks the OpenAI API at a user-given base URL. There is no default cheapest
// model, so the headroom probe runs only when the key names one (settings.model).
export const openaiCompatible = createOpenAiStyleAdapter({
	id: 'openai_compatible',
	label: 'OpenAI-compatible',
	defaultBaseUrl: '',
	envVars: [],
	periods: {requests: 'minute', tokens: 'minute'},
	moreReads: ['nothing else: a gateway’s balance or spend endpoints are not known'],
	costs: {
		validity: 'free: lists models at the configured base URL',
		headroom: 'one 1-token request on the model the key names (only when a model is set)',
	},
	blindSpots: ['balance and spend', 'header windows are assumed per minute (as OpenAI); a gateway may differ'],
});
