// How each provider echoes part of a key back in its error messages (providers.md quotes each form).
// Short keys are cut harder so that an echo never reveals a whole key.
function tooShort(key, shown) {
    return key.length < shown * 2;
}
/** OpenAI: `sk-VKMIs***...wjh3` (first 8, last 4). */
export function openaiEcho(key) {
    return tooShort(key, 12) ? '***' : `${key.slice(0, 8)}***...${key.slice(-4)}`;
}
/** DeepSeek: `****18b` (last 3). */
export function deepseekEcho(key) {
    return tooShort(key, 3) ? '****' : `****${key.slice(-3)}`;
}
/** xAI: `na***ys` (first 2, last 2). */
export function xaiEcho(key) {
    return tooShort(key, 4) ? '***' : `${key.slice(0, 2)}***${key.slice(-2)}`;
}
/** Gemini consumer: `AIzaSyAh…RSI` (first 8, last 3). */
export function geminiEcho(key) {
    return tooShort(key, 11) ? '…' : `${key.slice(0, 8)}…${key.slice(-3)}`;
}
/** OpenRouter key label: `sk-or-v1-au7...890`. */
export function openrouterLabel(key) {
    return tooShort(key, 15) ? '...' : `${key.slice(0, 12)}...${key.slice(-3)}`;
}
/** xAI redacted_api_key: `xai-...b14o`. */
export function xaiRedacted(key) {
    return tooShort(key, 8) ? '...' : `${key.slice(0, 4)}...${key.slice(-4)}`;
}
