export { readStatusCache, STATUS_CACHE_FILE, writeStatusCache } from './cache.js';
export { startStatusCacheWriter } from './cache-writer.js';
export { renderStatusLine } from './render.js';
export { statusLine, statusSymbols } from './status-line.js';
