import { alertText, describeChange } from './alert-text.js';
// CHECKING is never a state a key "goes" to: it only means no reading yet.
const severity = { CHECKING: -1, OK: 0, LOW: 1, LIMITED: 2, DOWN: 3, DENIED: 4 };
export function createAlertEngine(options = {}) {
    const cooldownMs = options.cooldownMs ?? 15 * 60_000;
    const hysteresis = Math.max(1, Math.floor(options.hysteresis ?? 2));
    const groupWindowMs = options.groupWindowMs ?? 5000;
    const now = options.now ?? Date.now;
    const tracks = new Map();
    const pending = new Map();
    // A reading is a new checkedAt or a new status; the many snapshots between probes are not readings.
    function observe(track, key) {
        if (key.status === 'CHECKING')
            return;
        const observation = `${key.checkedAt ?? ''}|${key.status}`;
        if (observation === track.lastObservation)
            return;
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
        if (key.status === track.candidate)
            track.count += 1;
        else {
            track.candidate = key.status;
            track.count = 1;
        }
        if (track.count >= hysteresis) {
            track.confirmed = key.status;
            track.candidate = undefined;
            track.count = 0;
        }
    }
    function queue(key, change, at) {
        let group = pending.get(key.provider);
        if (!group) {
            group = { dueAt: at + groupWindowMs, changes: new Map() };
            pending.set(key.provider, group);
        }
        const earlier = group.changes.get(key.id);
        const merged = earlier ? { ...change, from: earlier.from } : change;
        if (merged.from === merged.to)
            group.changes.delete(key.id);
        else
            group.changes.set(key.id, merged);
    }
    function announce(track, key, at) {
        const { announced, confirmed } = track;
        if (announced === undefined || confirmed === undefined || announced === confirmed)
            return;
        const worse = severity[confirmed] > severity[announced];
        if (at < track.cooldownUntil && !worse)
            return;
        queue(key, describeChange(key, announced, confirmed, at), at);
        track.announced = confirmed;
        track.cooldownUntil = at + cooldownMs;
    }
    function due(at) {
        const alerts = [];
        for (const [provider, group] of pending) {
            if (group.changes.size === 0) {
                pending.delete(provider);
                continue;
            }
            if (group.dueAt > at)
                continue;
            pending.delete(provider);
            const keys = [...group.changes.values()];
            alerts.push({ at, provider, keys, text: alertText(provider, keys) });
        }
        return alerts;
    }
    return {
        update(snapshot) {
            const at = now();
            const seen = new Set();
            for (const key of snapshot.keys) {
                seen.add(key.id);
                let track = tracks.get(key.id);
                if (!track) {
                    track = { count: 0, cooldownUntil: Number.NEGATIVE_INFINITY };
                    tracks.set(key.id, track);
                }
                observe(track, key);
                announce(track, key, at);
            }
            for (const id of tracks.keys()) {
                if (seen.has(id))
                    continue;
                tracks.delete(id);
                for (const group of pending.values())
                    group.changes.delete(id);
            }
            return due(at);
        },
        flush() {
            return due(now());
        },
        nextDueAt() {
            let next;
            for (const group of pending.values()) {
                if (group.changes.size > 0 && (next === undefined || group.dueAt < next))
                    next = group.dueAt;
            }
            return next;
        },
    };
}
