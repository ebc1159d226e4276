import { z } from 'zod';
import { stripControl } from '../secrets/scrub.js';
import { PROVIDER_IDS, STATUSES } from '../types.js';
// What a `serve` sends is checked for the fields the view relies on; the rest passes through as sent.
const keySchema = z.looseObject({
    id: z.string(),
    name: z.string(),
    provider: z.enum(PROVIDER_IDS),
    masked: z.string(),
    secretSource: z.string().catch(''),
    status: z.enum(STATUSES),
    windows: z.array(z.looseObject({ id: z.string() })).catch([]),
    recent: z.array(z.looseObject({ at: z.number() })).catch([]),
    probing: z.boolean().catch(false),
});
const snapshotSchema = z.looseObject({
    keys: z.array(keySchema),
    paused: z.boolean(),
    intervalMs: z.number().positive(),
    startedAt: z.number(),
    offline: z.boolean().optional(),
    demo: z.boolean().optional(),
});
// Text from another process reaches this terminal: no escape sequence in it may move a cursor.
function stripStrings(value) {
    if (typeof value === 'string')
        return stripControl(value);
    if (Array.isArray(value))
        return value.map(stripStrings);
    if (value && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = stripStrings(v);
        return out;
    }
    return value;
}
/** Parse a `GET /snapshot` answer; a short reason when it is not a keywatch snapshot. */
export function parseSnapshot(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { ok: false, error: 'answer is not JSON' };
    }
    const result = snapshotSchema.safeParse(json);
    if (!result.success)
        return { ok: false, error: 'answer is not a keywatch snapshot' };
    return { ok: true, snapshot: stripStrings(result.data) };
}
