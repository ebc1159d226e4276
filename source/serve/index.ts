export {createMetrics, type MetricsOptions, type ServeMetrics} from './metrics.js';
export {ServeError, startServe, type ServeHandle, type ServeOptions} from './server.js';
export {keyToJson, snapshotToJson, type KeyJson} from './state-json.js';
