import { readFileSync } from 'node:fs';
let cached;
/** keywatch's version from package.json (two levels up from both source/serve and dist/serve). */
export function keywatchVersion() {
    if (cached)
        return cached;
    try {
        const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
        const version = JSON.parse(text).version;
        cached = typeof version === 'string' ? version : 'unknown';
    }
    catch {
        cached = 'unknown';
    }
    return cached;
}
