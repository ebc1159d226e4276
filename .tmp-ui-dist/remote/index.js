export { fetchSnapshot, normalizeRemoteUrl, RemoteUrlError } from './fetch-snapshot.js';
export { createRemoteMonitor } from './remote-monitor.js';
