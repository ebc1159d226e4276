// Defence in depth: diagnosis already redacts, but a verdict is shown, logged and exported, so every text in it
// passes the scrubber once more before the monitor stores it.
import { sanitize } from '../secrets/scrub.js';
// Verdict texts repeat poll after poll; scrubbing checks every registered key, so remember recent results.
// A key is registered before the first request that carries it, so a remembered result never predates the
// registration of a key that text could contain.
const remembered = new Map();
const REMEMBER_MAX = 512;
const REMEMBER_LONGEST = 2_048;
function clean(text) {
    const known = remembered.get(text);
    if (known !== undefined)
        return known;
    const out = sanitize(text);
    if (text.length <= REMEMBER_LONGEST) {
        if (remembered.size >= REMEMBER_MAX)
            remembered.clear();
        remembered.set(text, out);
    }
    return out;
}
export function scrubVerdict(verdict) {
    const evidence = { ...verdict.evidence, headers: Object.fromEntries(Object.entries(verdict.evidence.headers ?? {}).map(([name, value]) => [name, clean(String(value))])) };
    if (evidence.message !== undefined)
        evidence.message = clean(evidence.message);
    if (evidence.network !== undefined)
        evidence.network = clean(evidence.network);
    if (evidence.errorType !== undefined)
        evidence.errorType = clean(evidence.errorType);
    if (evidence.errorCode !== undefined)
        evidence.errorCode = clean(evidence.errorCode);
    return { ...verdict, title: clean(verdict.title), why: clean(verdict.why), fix: verdict.fix.map(step => clean(step)), evidence };
}
