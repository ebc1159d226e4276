// A Monitor whose snapshots also carry the providers' open incidents, and whose DOWN verdicts name the
// incident that explains them. The UI reads snapshots through useSyncExternalStore, so a snapshot is a new
// object only when the monitor's snapshot or the status pages' state changed.
import type {Monitor} from '../monitor/monitor.js';
import type {Incident, KeyState, MonitorSnapshot, ProviderId, VerdictKind} from '../types.js';
import type {StatusPoller} from './poller.js';

export type IncidentSource = Pick<StatusPoller, 'incidents' | 'errors' | 'subscribe' | 'refresh' | 'start' | 'stop'>;

/** Verdicts that say the provider, not the key, is failing: an open incident may be the reason. */
const PROVIDER_DOWN: ReadonlySet<VerdictKind> = new Set(['overloaded', 'outage']);

/** The incident a DOWN verdict points at: the first major or critical one, else the first. */
export function pickIncident(incidents: readonly Incident[] | undefined): Incident | undefined {
	if (!incidents || incidents.length === 0) return undefined;
	return incidents.find(i => i.impact === 'major' || i.impact === 'critical') ?? incidents[0];
}

type Marked = {incident: Incident; key: KeyState};

/** A key state, with its DOWN verdict naming the incident. `memo` keeps a key's object until it or its incident changes. */
function withIncident(key: KeyState, incidents: Partial<Record<ProviderId, Incident[]>>, memo?: WeakMap<KeyState, Marked>): KeyState {
	const verdict = key.verdict;
	if (!verdict || !PROVIDER_DOWN.has(verdict.kind)) return key;
	const incident = pickIncident(incidents[key.provider]);
	if (!incident) return key;
	const known = memo?.get(key);
	if (known && known.incident === incident) return known.key;
	const evidence = {...verdict.evidence, incident: incident.url ? {name: incident.name, url: incident.url} : {name: incident.name}};
	const marked = Object.freeze({...key, verdict: Object.freeze({...verdict, evidence: Object.freeze(evidence)})});
	memo?.set(key, {incident, key: marked});
	return marked;
}

export function decorateSnapshot(
	snapshot: MonitorSnapshot,
	incidents: Partial<Record<ProviderId, Incident[]>>,
	errors: Partial<Record<ProviderId, string>>,
	memo?: WeakMap<KeyState, Marked>,
): MonitorSnapshot {
	const keys = snapshot.keys.map(key => withIncident(key, incidents, memo));
	return Object.freeze({...snapshot, keys: Object.freeze(keys) as KeyState[], incidents, statusPageErrors: errors});
}

export function withIncidents(monitor: Monitor, poller: IncidentSource): Monitor {
	let cache: {base: MonitorSnapshot; incidents: object; errors: object; derived: MonitorSnapshot} | undefined;
	// Key objects the UI and the alert engine compare stay the same while neither the key nor its incident changes.
	const memo = new WeakMap<KeyState, Marked>();

	function getSnapshot(): MonitorSnapshot {
		const base = monitor.getSnapshot();
		const incidents = poller.incidents();
		const errors = poller.errors();
		if (cache && cache.base === base && cache.incidents === incidents && cache.errors === errors) return cache.derived;
		const derived = decorateSnapshot(base, incidents, errors, memo);
		cache = {base, incidents, errors, derived};
		return derived;
	}

	return {
		// What the decorator leaves alone passes straight through, methods added to Monitor later included
		// (createMonitor returns a plain object whose methods never use `this`).
		...monitor,
		getSnapshot,
		subscribe(listener) {
			const offMonitor = monitor.subscribe(listener);
			const offPoller = poller.subscribe(listener);
			return () => {
				offMonitor();
				offPoller();
			};
		},
		start() {
			monitor.start();
			poller.start();
		},
		async checkOnce() {
			await Promise.all([monitor.checkOnce(), poller.refresh()]);
			return getSnapshot();
		},
		async stop() {
			await Promise.all([monitor.stop(), poller.stop()]);
		},
	};
}
