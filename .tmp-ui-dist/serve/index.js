export { createMetrics } from './metrics.js';
export { ServeError, startServe } from './server.js';
export { keyToJson, snapshotToJson } from './state-json.js';
