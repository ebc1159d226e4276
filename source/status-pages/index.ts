export {STATUS_PAGES, defaultStatusPages, humanStatusPage, summaryUrl, type StatusPage} from './pages.js';
export {parseSummary, type Indicator, type Summary, type SummaryResult} from './parse.js';
export {createStatusPoller, DEFAULT_STATUS_INTERVAL_MS, type StatusPoller, type StatusPollerOptions} from './poller.js';
export {decorateSnapshot, pickIncident, withIncidents, type IncidentSource} from './with-incidents.js';
export {isLocalBaseUrl, statusPagesForKeys, type StatusPageTargets} from './for-keys.js';
