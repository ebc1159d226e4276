// The last line of defence: every log, error, crash and provider message passes through here.

/** A run this long of any registered secret is treated as a leak of it. */
const FRAGMENT = 12;

const registered = new Set<string>();
// Every FRAGMENT-long run of every registered secret: one set lookup per position finds fragments of any of
// thousands of keys in a single pass, instead of one scan of the text per key.
const fragments = new Set<string>();
// Secrets of 8 to 11 characters have no fragment of that length; they are looked for whole.
const shortSecrets = new Set<string>();

/** Remember a secret so `scrub` can find it (and pieces of it) in any text. */
export function registerSecret(value: string): void {
	if (value.length < 8 || registered.has(value)) return;
	registered.add(value);
	if (value.length < FRAGMENT) {
		shortSecrets.add(value);
		return;
	}
	for (let i = 0; i + FRAGMENT <= value.length; i++) fragments.add(value.slice(i, i + FRAGMENT));
}

export function forgetSecrets(): void {
	registered.clear();
	fragments.clear();
	shortSecrets.clear();
}

// Known key shapes. Each keeps its family prefix so the reader can still tell which key it was.
const keyShapes: RegExp[] = [
	/\bsk-ant-[A-Za-z0-9_-]{8,}/g,
	/\bsk-or-v1-[A-Za-z0-9_-]{8,}/g,
	/\bsk-[A-Za-z0-9_-]{12,}/g,
	/\bAIza[0-9A-Za-z_-]{20,}/g,
	/\bgsk_[A-Za-z0-9]{12,}/g,
	/\bxai-[A-Za-z0-9_-]{12,}/g,
	/\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
];

function maskShape(match: string): string {
	if (/^bearer/i.test(match)) return 'Bearer …';
	const family = match.startsWith('AIza') ? 'AIza' : match.slice(0, match.search(/[-_]/) + 1);
	return `${family}…${match.slice(-4)}`;
}

const tokenChar = /[A-Za-z0-9_.~+/=-]/;

/**
 * The whole token around a leaked stretch is masked, not just the stretch: keys of one family share long
 * prefixes (every Anthropic key starts `sk-ant-api03-`), so masking only the shared part would print the
 * rest of another key. A whole token keeps at most its family marker and last four characters.
 */
function maskToken(text: string, start: number, end: number): [number, number, string] {
	while (start > 0 && tokenChar.test(text[start - 1] as string)) start--;
	while (end < text.length && tokenChar.test(text[end] as string)) end++;
	const token = text.slice(start, end);
	const family = ['sk-', 'gsk_', 'xai-', 'AIza'].find(prefix => token.startsWith(prefix)) ?? '';
	return [start, end, token.length >= 12 ? `${family}…${token.slice(-4)}` : '…'];
}

/** Replace every token that contains a run of a registered secret. */
function scrubRegistered(text: string): string {
	if (fragments.size === 0 || text.length < FRAGMENT) return text;
	let out = '';
	let copied = 0;
	let i = 0;
	const last = text.length - FRAGMENT;
	while (i <= last) {
		if (!fragments.has(text.slice(i, i + FRAGMENT))) {
			i++;
			continue;
		}
		const [start, end, mask] = maskToken(text, Math.max(i, copied), i + FRAGMENT);
		out += `${text.slice(copied, Math.max(start, copied))}${mask}`;
		copied = end;
		i = end;
	}
	return copied === 0 ? text : out + text.slice(copied);
}

/** The same for one-off secrets a caller passes (a command's output): few, so looked for one by one. */
function scrubExtra(text: string, secrets: Iterable<string>): string {
	let out = text;
	for (const secret of secrets) {
		if (!secret || secret.length < 8) continue;
		const pieces = secret.length < FRAGMENT ? [secret] : Array.from({length: secret.length - FRAGMENT + 1}, (_, i) => secret.slice(i, i + FRAGMENT));
		for (const piece of pieces) {
			let at = out.indexOf(piece);
			while (at !== -1) {
				const [start, end, mask] = maskToken(out, at, at + piece.length);
				out = out.slice(0, start) + mask + out.slice(end);
				at = out.indexOf(piece, start + mask.length);
			}
		}
	}
	return out;
}

/** Replace registered secrets, long fragments of them, and known key shapes with masks. */
export function scrub(text: string, extra: readonly string[] = []): string {
	// Known shapes first: a key-shaped token is masked whole before fragments of registered keys are sought.
	let out = text;
	for (const shape of keyShapes) out = out.replace(shape, maskShape);
	out = scrubRegistered(out);
	if (shortSecrets.size > 0) out = scrubExtra(out, shortSecrets);
	if (extra.length > 0) out = scrubExtra(out, extra);
	return out;
}

// C0/C1 control characters and ANSI/OSC escape sequences: a provider message must not be able to clear
// the screen, move the cursor or set the window title.
// eslint-disable-next-line no-control-regex
const escapeSequences = /\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\-_]|\u009B[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Strip terminal escapes and control characters; keep newlines and tabs as spaces. */
export function stripControl(text: string): string {
	return text.replace(escapeSequences, '').replace(controlChars, '').replace(/[\t\n\r]+/g, ' ');
}

/** What every provider-supplied string goes through before it reaches the screen or a log. */
export function sanitize(text: string, extra: readonly string[] = []): string {
	return scrub(stripControl(text), extra);
}
