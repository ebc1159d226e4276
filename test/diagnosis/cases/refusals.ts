// Refusals that do not say why, and answers keywatch cannot read: never a confident cause. Each names
// its candidates and the step that tells them apart, or is `unknown` with a generic next step.
import {type Case, oai} from './case.js';

const forbidden = ['permission', 'region_blocked', 'suspended'] as const;
const cloudflare =
	'<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1><p>Access denied. You are unable to access api.example.com</p></body></html>';

export const refusalCases: Case[] = [
	{
		name: '403 "Access denied" names permission, region and suspension, and how to tell them apart',
		provider: 'openai_compatible',
		status: 403,
		body: oai('Access denied'),
		kind: 'permission',
		candidates: [...forbidden],
		rule: 'status.403',
		says: [/Tell them apart/, /another network or country/],
	},
	{name: '403 "Forbidden" relayed as JSON', provider: 'openai', status: 403, body: {error: {message: 'Forbidden'}}, kind: 'permission', candidates: [...forbidden], says: [/https:\/\/platform\.openai\.com/]},
	{name: '403 "Not authorized to access this resource"', provider: 'together', status: 403, body: {message: 'Not authorized to access this resource'}, kind: 'permission', candidates: [...forbidden]},
	{name: '403 "Permission denied" from an unknown host', provider: 'openai_compatible', status: 403, body: {detail: 'Permission denied'}, kind: 'permission', candidates: [...forbidden]},
	{
		name: '401 "Not authorized" could be the key or its permissions',
		provider: 'openai_compatible',
		status: 401,
		body: oai('Not authorized'),
		kind: 'invalid_key',
		candidates: ['invalid_key', 'permission'],
		rule: 'status.401-generic',
		says: [/Tell them apart: open your provider's API keys page/],
	},
	{name: '401 "Access denied" from a gateway', provider: 'groq', status: 401, body: {error: {message: 'Access denied'}}, kind: 'invalid_key', candidates: ['invalid_key', 'permission'], says: [/https:\/\/console\.groq\.com\/keys/]},
	{name: '401 "Unauthorized" as JSON', provider: 'openai', status: 401, body: {error: {message: 'Unauthorized'}}, kind: 'invalid_key', candidates: ['invalid_key', 'permission']},
	{
		name: 'Cloudflare HTML 403 block page: the page is not the provider speaking',
		provider: 'openai',
		status: 403,
		headers: {'content-type': 'text/html', 'cf-ray': '8a1b2c3d4e5f-AMS'},
		body: cloudflare,
		kind: 'permission',
		candidates: ['permission', 'region_blocked'],
		rule: 'status.html-403',
		says: [/web page, not an API answer/, /another network/],
	},
	{
		name: 'HTML 403 whose text would match a suspension wording is still only a page',
		provider: 'anthropic',
		status: 403,
		body: '<html><head><title>403 Forbidden</title></head><body>Your account has been suspended. Access denied.</body></html>',
		kind: 'permission',
		rule: 'status.html-403',
	},
	{
		name: 'HTML 401 login page from a proxy',
		provider: 'openai_compatible',
		status: 401,
		body: '<html><head><title>401 Authorization Required</title></head><body><center><h1>401 Authorization Required</h1></center><hr><center>nginx</center></body></html>',
		kind: 'invalid_key',
		candidates: ['invalid_key', 'permission'],
		rule: 'status.html-401',
	},
	{name: 'HTML 407 proxy authentication', provider: 'openai', status: 407, body: '<html><title>407 Proxy Authentication Required</title></html>', kind: 'invalid_key', rule: 'status.html-401', says: [/proxy/]},
	{name: 'HTML 429 from a CDN is not read as a provider rate-limit message', provider: 'openai_compatible', status: 429, body: '<html><title>Rate limited</title><body>You are being rate limited</body></html>', kind: 'unknown', candidates: ['rate_limited', 'quota_exhausted']},
	// Specific wordings still decide on their own.
	{name: '403 naming the missing scope stays permission', provider: 'openai_compatible', status: 403, body: oai('Your key is missing scopes: model.request'), kind: 'permission', rule: 'msg.permission'},
	{name: 'Azure firewall denial stays permission', provider: 'azure_openai', status: 403, body: {error: {code: '403', message: 'Access denied due to Virtual Network/Firewall rules.'}}, kind: 'permission'},
	{name: '403 "Access denied: your account has been suspended" is a suspension', provider: 'openai_compatible', status: 403, body: oai('Access denied: your account has been suspended.'), kind: 'suspended'},
	{name: 'Anthropic permission_error keeps its own type', provider: 'anthropic', status: 403, body: {type: 'error', error: {type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.'}}, kind: 'permission'},
	// A 400 is a malformed request only when the body says so.
	{
		name: 'unrecognised JSON on a 400 is unknown, with the evidence and a next step',
		provider: 'openai_compatible',
		status: 400,
		body: {foo: 'bar'},
		kind: 'unknown',
		candidates: ['bad_request', 'invalid_key', 'quota_exhausted'],
		rule: 'status.400',
		says: [/does not guess/, /Tell them apart: check that the key is listed and active/, /curl/],
	},
	{name: 'empty 400 is unknown', provider: 'openai', status: 400, body: '', kind: 'unknown', rule: 'status.400'},
	{name: 'a 400 with a message nobody recognises is unknown', provider: 'groq', status: 400, body: {error: {message: 'Something went wrong with your account'}}, kind: 'unknown'},
	{name: 'a 400 whose type says invalid request stays bad_request', provider: 'openai_compatible', status: 400, body: oai('Something about messages', 'invalid_request_error'), kind: 'bad_request', rule: 'status.400-typed'},
	{name: 'a 400 naming a malformed parameter stays bad_request', provider: 'openai_compatible', status: 400, body: {error: {message: "'temperature' must be between 0 and 2"}}, kind: 'bad_request', rule: 'status.400-worded'},
	{name: 'a 400 saying the JSON could not be parsed stays bad_request', provider: 'deepseek', status: 400, body: {error: {message: 'Failed to deserialize the JSON body into the target type'}}, kind: 'bad_request'},
];
