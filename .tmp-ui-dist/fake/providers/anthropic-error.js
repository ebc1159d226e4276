import { json } from '../http.js';
/** `{"type":"error","error":{"type","message"},"request_id"}` (request_id in the body since 2025). */
export function anthropicError(ctx, status, type, message, extra = {}) {
    return json(status, { type: 'error', error: { type, message, ...extra }, request_id: ctx.requestId });
}
