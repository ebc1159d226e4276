// The client's request body: kept in memory up to 1 MiB so a failover can send it again, streamed
// through untouched beyond that.
import type {IncomingMessage} from 'node:http';
import {PassThrough, type Readable} from 'node:stream';

export type RequestBody =
	| {kind: 'none'}
	| {kind: 'buffer'; bytes: Buffer}
	/** `stream` is fed from the request by `pipe`, so destroying it upstream leaves the client's socket alone. */
	| {kind: 'stream'; stream: Readable};

function hasBody(req: IncomingMessage): boolean {
	if (req.headers['transfer-encoding'] !== undefined) return true;
	const length = req.headers['content-length'];
	return length !== undefined && length !== '0';
}

function passOn(head: Buffer[], rest: IncomingMessage): Readable {
	const pass = new PassThrough();
	for (const chunk of head) pass.write(chunk);
	rest.pipe(pass);
	return pass;
}

/** Rejects when the client goes away before its body ends. */
export function readRequestBody(req: IncomingMessage, cap: number): Promise<RequestBody> {
	if (!hasBody(req)) return Promise.resolve({kind: 'none'});
	const declared = Number(req.headers['content-length']);
	if (Number.isFinite(declared) && declared > cap) return Promise.resolve({kind: 'stream', stream: passOn([], req)});
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const cleanup = (): void => {
			req.off('data', onData);
			req.off('end', onEnd);
			req.off('error', onError);
			req.off('close', onClose);
		};
		const onData = (chunk: Buffer): void => {
			chunks.push(chunk);
			size += chunk.length;
			if (size > cap) {
				req.pause();
				cleanup();
				resolve({kind: 'stream', stream: passOn(chunks, req)});
			}
		};
		const onEnd = (): void => {
			cleanup();
			resolve({kind: 'buffer', bytes: Buffer.concat(chunks, size)});
		};
		const onError = (error: Error): void => {
			cleanup();
			reject(error);
		};
		const onClose = (): void => {
			if (req.complete) return;
			cleanup();
			reject(new Error('client closed the request before its body ended'));
		};
		req.on('data', onData);
		req.on('end', onEnd);
		req.on('error', onError);
		req.on('close', onClose);
	});
}

/**
 * The answer is over but the client is still uploading (the provider answered early): stop feeding the
 * upstream request and drain the rest, so the client's connection stays usable.
 */
export function settleUpload(req: IncomingMessage, body: RequestBody): void {
	if (body.kind !== 'stream' || req.complete) return;
	req.unpipe();
	req.resume();
}
