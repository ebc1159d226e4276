// The last line of defence: every log, error, crash and provider message passes through here.
const registered = new Set();
/** Remember a secret so `scrub` can find it (and pieces of it) in any text. */
export function registerSecret(value) {
    if (value.length >= 8)
        registered.add(value);
}
export function forgetSecrets() {
    registered.clear();
}
// Known key shapes. Each keeps its family prefix so the reader can still tell which key it was.
const keyShapes = [
    /\bsk-ant-[A-Za-z0-9_-]{8,}/g,
    /\bsk-or-v1-[A-Za-z0-9_-]{8,}/g,
    /\bsk-[A-Za-z0-9_-]{12,}/g,
    /\bAIza[0-9A-Za-z_-]{20,}/g,
    /\bgsk_[A-Za-z0-9]{12,}/g,
    /\bxai-[A-Za-z0-9_-]{12,}/g,
    /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
];
function maskShape(match) {
    if (/^bearer/i.test(match))
        return 'Bearer …';
    const family = match.startsWith('AIza') ? 'AIza' : match.slice(0, match.search(/[-_]/) + 1);
    return `${family}…${match.slice(-4)}`;
}
/** Replace registered secrets, long fragments of them, and known key shapes with masks. */
export function scrub(text, extra = []) {
    let out = text;
    for (const secret of [...registered, ...extra]) {
        if (!secret || secret.length < 8)
            continue;
        out = out.split(secret).join(`…${secret.slice(-4)}`);
        // Providers echo slices of the key ("sk-VKMIs***...wjh3"); a 12-character run of it is enough to leak.
        for (let i = 0; i + 12 <= secret.length; i += 6) {
            const piece = secret.slice(i, i + 12);
            if (out.includes(piece))
                out = out.split(piece).join('…');
        }
    }
    for (const shape of keyShapes)
        out = out.replace(shape, maskShape);
    return out;
}
// C0/C1 control characters and ANSI/OSC escape sequences: a provider message must not be able to clear
// the screen, move the cursor or set the window title.
// eslint-disable-next-line no-control-regex
const escapeSequences = /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\-_]|\u009B[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Strip terminal escapes and control characters; keep newlines and tabs as spaces. */
export function stripControl(text) {
    return text.replace(escapeSequences, '').replace(controlChars, '').replace(/[\t\n\r]+/g, ' ');
}
/** What every provider-supplied string goes through before it reaches the screen or a log. */
export function sanitize(text, extra = []) {
    return scrub(stripControl(text), extra);
}
