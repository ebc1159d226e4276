// The header and body value parsers: pure, never throwing, `undefined` for anything malformed.
export { getHeader, headerValues } from './header.js';
export { parseAmount, parseCount } from './count.js';
export { MAX_DURATION_MS, parseDuration, parseResetDelay } from './duration.js';
export { MAX_RETRY_AFTER_MS, parseHttpDate, parseRetryAfter } from './retry-after.js';
export { MAX_EPOCH_RESET_AHEAD_MS, MAX_TIMESTAMP_DISTANCE_MS, isRealDate, parseEpochReset, parseTimestamp, } from './timestamp.js';
