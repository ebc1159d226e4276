import http from 'node:http';
import type {AddressInfo} from 'node:net';

export type Received = {method: string; path: string; headers: http.IncomingHttpHeaders; body: string};

/** A webhook receiver on 127.0.0.1 that records what it gets and answers as the test says. */
export async function startReceiver(answer: (request: Received, index: number) => {status: number; body?: string; headers?: Record<string, string>} | 'hang' = () => ({status: 200, body: 'ok'})) {
	const received: Received[] = [];
	const server = http.createServer(async (request, response) => {
		let body = '';
		for await (const chunk of request) body += String(chunk);
		const entry = {method: request.method ?? '', path: request.url ?? '', headers: request.headers, body};
		received.push(entry);
		const reply = answer(entry, received.length - 1);
		if (reply === 'hang') return;
		response.writeHead(reply.status, reply.headers);
		response.end(reply.body ?? '');
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		async close() {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}
