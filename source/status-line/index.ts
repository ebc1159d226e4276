export {readStatusCache, STATUS_CACHE_FILE, writeStatusCache, type StatusCacheRead} from './cache.js';
export {startStatusCacheWriter, type StatusCacheWriter, type StatusCacheWriterOptions} from './cache-writer.js';
export {renderStatusLine, type RenderStatusLineOptions} from './render.js';
export {statusLine, statusSymbols, type StatusLineOptions} from './status-line.js';
