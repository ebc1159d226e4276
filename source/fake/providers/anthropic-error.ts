import {json} from '../http.js';
import type {Answer, FakeContext} from '../types.js';

/** `{"type":"error","error":{"type","message"},"request_id"}` (request_id in the body since 2025). */
export function anthropicError(ctx: FakeContext, status: number, type: string, message: string, extra: Record<string, unknown> = {}): Answer {
	return json(status, {type: 'error', error: {type, message, ...extra}, request_id: ctx.requestId});
}
