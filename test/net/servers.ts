// Real loopback servers for transport tests: every fault is served by a socket on 127.0.0.1, port 0.
import http from 'node:http';
import net from 'node:net';
import type {AddressInfo} from 'node:net';

export type Running = {url: string; port: number; close(): Promise<void>};

async function listen(server: net.Server): Promise<Running> {
	const sockets = new Set<net.Socket>();
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}

export function httpServer(handler: http.RequestListener): Promise<Running> {
	return listen(http.createServer(handler));
}

/** A raw TCP server: for answers that are not (or not yet) HTTP. */
export function tcpServer(onSocket: (socket: net.Socket) => void): Promise<Running> {
	return listen(net.createServer(onSocket));
}

/** A port with nothing listening on it. */
export async function closedPort(): Promise<number> {
	const running = await tcpServer(() => {});
	await running.close();
	return running.port;
}
