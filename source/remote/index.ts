export {fetchSnapshot, normalizeRemoteUrl, RemoteUrlError} from './fetch-snapshot.js';
export {createRemoteMonitor, type RemoteMonitor, type RemoteMonitorOptions} from './remote-monitor.js';
