import type {KeyState, MonitorSnapshot, ProviderId, Status, VerdictKind} from '../types.js';
import {alertText, describeChange} from './alert-text.js';
import type {Alert, AlertKeyChange} from './types.js';

export type AlertEngineOptions = {
	/** Per key: after an alert, further changes wait this long unless they are worse. Default 15 min. */
	cooldownMs?: number;
	/** Consecutive readings of a new status before it counts, unless the reading is definite (see `isDefinite`). Default 2. */
	hysteresis?: number;
	/** Changes of one provider's keys within this window go out as one alert. Default 5 s; 0 = same update only. */
	groupWindowMs?: number;
	now?: () => number;
};

export type AlertEngine = {
	/** Feed the latest snapshot; returns the alerts due now. */
	update(snapshot: MonitorSnapshot): Alert[];
	/** Alerts whose grouping window has passed since the last update. */
	flush(): Alert[];
	/** When `flush` will next have something, if anything is waiting. */
	nextDueAt(): number | undefined;
};

// CHECKING is never a state a key "goes" to: it only means no reading yet.
const severity: Record<Status, number> = {CHECKING: -1, OK: 0, LOW: 1, LIMITED: 2, DOWN: 3, DENIED: 4};

// Verdicts that name the cause from what the provider said, not keywatch's best guess at an odd answer.
const vagueKinds: ReadonlySet<VerdictKind> = new Set(['unknown', 'bad_request']);

/**
 * A reading that needs no second one to be believed. Hysteresis damps flapping; it must not delay a definite
 * answer. Two kinds are definite: a status the monitor holds until a deadline the provider named (a 429's
 * retry-after or reset) further off than one poll interval, since no second reading comes before then, and a
 * DENIED from an explicit provider error (401 invalid key, 402 billing, 403 permission…), which does not flap.
 * A hold shorter than the interval delays nothing: the next reading comes at the usual pace and confirms it.
 */
export function isDefinite(key: KeyState, intervalMs = 0): boolean {
	if (key.status === 'OK' || key.status === 'CHECKING') return false;
	if (key.heldUntil !== undefined && key.status !== 'LOW' && key.heldUntil - (key.checkedAt ?? 0) > intervalMs) return true;
	const verdict = key.verdict;
	if (key.status !== 'DENIED' || !verdict) return false;
	return verdict.clears === 'needs_action' && !vagueKinds.has(verdict.kind) && typeof verdict.evidence?.status === 'number';
}

type Track = {
	/** The last status an alert told about (or the silent baseline). */
	announced?: Status;
	/** The status the readings have settled on. */
	confirmed?: Status;
	candidate?: Status;
	count: number;
	lastObservation?: string;
	cooldownUntil: number;
};

type Pending = {dueAt: number; changes: Map<string, AlertKeyChange>};

/** The defaults when the config sets none (`keywatch alert list` shows them as such). */
export const DEFAULT_COOLDOWN_MINUTES = 15;
export const DEFAULT_HYSTERESIS = 2;

export function createAlertEngine(options: AlertEngineOptions = {}): AlertEngine {
	const cooldownMs = options.cooldownMs ?? DEFAULT_COOLDOWN_MINUTES * 60_000;
	const hysteresis = Math.max(1, Math.floor(options.hysteresis ?? DEFAULT_HYSTERESIS));
	const groupWindowMs = options.groupWindowMs ?? 5000;
	const now = options.now ?? Date.now;
	const tracks = new Map<string, Track>();
	const pending = new Map<ProviderId, Pending>();

	// A reading is a new checkedAt or a new status; the many snapshots between probes are not readings. The
	// monitor publishes one per probe round, so a round's free and headroom probes count once together.
	function observe(track: Track, key: KeyState, intervalMs: number): void {
		if (key.status === 'CHECKING') return;
		const observation = `${key.checkedAt ?? ''}|${key.status}`;
		const definite = key.status !== track.confirmed && isDefinite(key, intervalMs);
		// The same reading seen again only matters if it has since become definite (its hold was booked after it).
		if (observation === track.lastObservation && !(definite && key.status === track.candidate)) return;
		const repeated = observation === track.lastObservation;
		track.lastObservation = observation;
		if (track.confirmed === undefined) {
			// The first reading is the baseline: keywatch alerts on changes, not on what it finds at start.
			track.confirmed = key.status;
			track.announced = key.status;
			return;
		}
		if (key.status === track.confirmed) {
			track.candidate = undefined;
			track.count = 0;
			return;
		}
		if (repeated) {
			// Counted already; only its definiteness is new.
		} else if (key.status === track.candidate) track.count += 1;
		else {
			track.candidate = key.status;
			track.count = 1;
		}
		if (track.count >= hysteresis || definite) {
			track.confirmed = key.status;
			track.candidate = undefined;
			track.count = 0;
		}
	}

	function queue(key: KeyState, change: AlertKeyChange, at: number): void {
		let group = pending.get(key.provider);
		if (!group) {
			group = {dueAt: at + groupWindowMs, changes: new Map()};
			pending.set(key.provider, group);
		}
		const earlier = group.changes.get(key.id);
		const merged = earlier ? {...change, from: earlier.from} : change;
		if (merged.from === merged.to) group.changes.delete(key.id);
		else group.changes.set(key.id, merged);
	}

	function announce(track: Track, key: KeyState, at: number): void {
		const {announced, confirmed} = track;
		if (announced === undefined || confirmed === undefined || announced === confirmed) return;
		const worse = severity[confirmed] > severity[announced];
		if (at < track.cooldownUntil && !worse) return;
		queue(key, describeChange(key, announced, confirmed, at), at);
		track.announced = confirmed;
		track.cooldownUntil = at + cooldownMs;
	}

	function due(at: number): Alert[] {
		const alerts: Alert[] = [];
		for (const [provider, group] of pending) {
			if (group.changes.size === 0) {
				pending.delete(provider);
				continue;
			}
			if (group.dueAt > at) continue;
			pending.delete(provider);
			const keys = [...group.changes.values()];
			alerts.push({at, provider, keys, text: alertText(provider, keys)});
		}
		return alerts;
	}

	return {
		update(snapshot) {
			const at = now();
			const seen = new Set<string>();
			for (const key of snapshot.keys) {
				seen.add(key.id);
				let track = tracks.get(key.id);
				if (!track) {
					track = {count: 0, cooldownUntil: Number.NEGATIVE_INFINITY};
					tracks.set(key.id, track);
				}
				observe(track, key, snapshot.intervalMs);
				announce(track, key, at);
			}
			for (const id of tracks.keys()) {
				if (seen.has(id)) continue;
				tracks.delete(id);
				for (const group of pending.values()) group.changes.delete(id);
			}
			return due(at);
		},
		flush() {
			return due(now());
		},
		nextDueAt() {
			let next: number | undefined;
			for (const group of pending.values()) {
				if (group.changes.size > 0 && (next === undefined || group.dueAt < next)) next = group.dueAt;
			}
			return next;
		},
	};
}
