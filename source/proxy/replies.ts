// keywatch's own answers (as opposed to a provider's): JSON in the OpenAI error shape, so SDKs show the message.
import type {ServerResponse} from 'node:http';

export type ProxyErrorType =
	| 'keywatch_proxy_auth'
	| 'keywatch_proxy_route'
	| 'keywatch_proxy_no_key'
	| 'keywatch_proxy_upstream';

export function replyError(res: ServerResponse, status: number, type: ProxyErrorType, message: string, extraHeaders: Record<string, string> = {}): void {
	if (res.headersSent) {
		res.destroy();
		return;
	}
	const body = JSON.stringify({error: {message: `keywatch proxy: ${message}`, type}});
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(body),
		'x-keywatch-proxy': type,
		...extraHeaders,
	});
	res.end(body);
}
