// Everything the monitor keeps per key, and how that becomes the immutable KeyState a row shows.

import {balanceFloor, explainFreeProbeOnly, explainLow, type HeadroomProbe} from '../diagnosis/working-key.js';
import {publishedLimits} from '../providers/published.js';
import {spendOf} from './spend.js';
import type {ProviderAdapter} from '../providers/types.js';
import {describeSecretRef} from '../secrets/resolve.js';
import type {Secret} from '../secrets/secret.js';
import type {Credit, KeyConfig, KeyFacts, KeyState, NetworkFailureKind, ProbeKind, RateWindow, Reading, Spend, Status, Verdict} from '../types.js';
import {KeyHistory} from './history.js';
import {decidingReading, judgedCredit, mergeWindows, newestReading, pickAccountCredit, pickCredit, type LatestByKind} from './key-view.js';
import {RingBuffer} from './ring-buffer.js';

export type Plan = {kind: ProbeKind; periodMs: number};
export type StatusOf = (verdict: Verdict | undefined, windows: RateWindow[], credit?: Credit, lowThreshold?: number, lowBalance?: number, spend?: Spend) => Status;

type View = {verdict?: Verdict; windows: RateWindow[]; credit?: Credit; accountCredit?: Credit; judged?: Credit; spend?: Spend; status: Status; newest?: Reading};

export type Runtime = {
	id: string;
	config: KeyConfig;
	secretSource: string;
	adapter?: ProviderAdapter;
	/** The only place a key's value lives; KeyState carries `masked`. */
	secret?: Secret;
	admin?: Secret;
	masked: string;
	/** Why the key cannot be probed at all (missing secret, unknown provider). */
	setupProblem?: Verdict;
	plans: Plan[];
	due: Map<ProbeKind, number>;
	/** Per probe kind: a window reset the provider named, before which that probe is pointless. */
	notBefore: Map<ProbeKind, number>;
	/** Key-level hold from backoff, a slow re-check, or a provider deadline. */
	holdUntil: number;
	/** The part of the hold the provider asked for: even probeNow waits for it. */
	providerUntil: number;
	failures: number;
	timer?: unknown;
	nextAt?: number;
	running?: Promise<void>;
	preparing?: Promise<void>;
	latest: LatestByKind;
	withWindows: LatestByKind;
	withCredit: LatestByKind;
	/** What earlier answers said that later requests need (xAI's team id). */
	facts: KeyFacts;
	/** Network failure kind of the last probe; null when the provider answered. */
	lastNetwork?: NetworkFailureKind | null;
	recent: RingBuffer<Reading>;
	recentArray: Reading[];
	view?: View;
	viewStale: boolean;
	history: KeyHistory;
	state: KeyState;
};

export function createRuntime(id: string, config: KeyConfig, sizes: {recent: number; history: number}): Runtime {
	// Where the secret comes from, and for environment keys that they were found there rather than configured.
	const secretSource =
		config.origin === 'demo' ? 'demo key (built-in fake provider)' : config.origin === 'env' ? `${describeSecretRef(config.secret)} (found in environment)` : describeSecretRef(config.secret);
	return {
		id,
		config,
		secretSource,
		masked: '…',
		plans: [],
		due: new Map(),
		notBefore: new Map(),
		holdUntil: 0,
		providerUntil: 0,
		failures: 0,
		latest: {},
		withWindows: {},
		withCredit: {},
		facts: {},
		recent: new RingBuffer(sizes.recent),
		recentArray: [],
		viewStale: true,
		history: new KeyHistory(sizes.history),
		state: Object.freeze({id, name: config.name, provider: config.provider, masked: '…', secretSource, status: 'CHECKING', windows: [], recent: [], probing: false}),
	};
}

export function recordReading(rt: Runtime, reading: Reading): void {
	rt.latest[reading.probe] = reading;
	if (reading.windows.length > 0) rt.withWindows[reading.probe] = reading;
	if (reading.credit && reading.probe !== 'spend') rt.withCredit[reading.probe] = reading;
	rt.recent.push(reading);
	// A new array per reading: the UI tells a change by identity.
	rt.recentArray = rt.recent.toArray();
	rt.viewStale = true;
}

/** What the readings say: recomputed only when a reading or the key's setup changed. */
function derive(rt: Runtime, statusOf: StatusOf, now: number): View {
	if (rt.view && !rt.viewStale) return rt.view;
	const verdict = rt.setupProblem ?? decidingReading(rt.latest, now)?.verdict;
	const windows = mergeWindows(rt.withWindows);
	const credit = pickCredit(rt.withCredit);
	const accountCredit = pickAccountCredit(rt.withCredit, credit);
	const judged = judgedCredit(credit, accountCredit);
	const spend = spendOf(rt.latest.spend, rt.config.settings?.budget);
	let status: Status = 'CHECKING';
	if (verdict) {
		try {
			status = statusOf(verdict, windows, judged, rt.config.settings?.lowThreshold, rt.config.settings?.lowBalance, spend);
		} catch {
			status = verdict.kind === 'ok' ? 'OK' : 'DOWN';
		}
	}
	rt.view = {verdict, windows, credit, accountCredit, judged, spend, status, newest: newestReading(rt.latest)};
	rt.viewStale = false;
	return rt.view;
}

/**
 * The verdict a working key shows: LOW explained from the windows, credit or spend that made it LOW, and an
 * OK that only the free probe saw marked as such. Readings keep the plain verdict; only the key's state
 * (pane, check --json, /state, alerts) carries the explanation.
 */
function explainWorking(rt: Runtime, state: KeyState, verdict: Verdict, judged: Credit | undefined): Verdict {
	if (verdict.kind !== 'ok') return verdict;
	const provider = rt.config.provider;
	if (state.status === 'LOW') {
		const {lowThreshold: threshold, lowBalance} = rt.config.settings ?? {};
		return explainLow(provider, verdict, {windows: state.windows, credit: judged, spend: state.spend, threshold, lowBalance}) ?? verdict;
	}
	if (state.status !== 'OK' || rt.latest.headroom) return verdict;
	const hasHeadroom = rt.adapter?.probes.some(p => p.kind === 'headroom') === true;
	if (!hasHeadroom) return verdict;
	const probe: HeadroomProbe = rt.plans.some(p => p.kind === 'headroom') ? 'pending' : 'off';
	return explainFreeProbeOnly(provider, verdict, {windows: state.windows, credit: state.credit, probe});
}

/** A fresh, frozen KeyState for the key (never mutated afterwards: the UI compares by identity). */
export function buildKeyState(rt: Runtime, statusOf: StatusOf, now: number): KeyState {
	const {verdict, windows, credit, accountCredit, judged, spend, status, newest} = derive(rt, statusOf, now);
	const state: KeyState = {
		id: rt.id,
		name: rt.config.name,
		provider: rt.config.provider,
		masked: rt.masked,
		secretSource: rt.secretSource,
		status,
		windows,
		recent: rt.recentArray,
		probing: rt.running !== undefined,
	};
	if (credit) state.credit = credit;
	if (accountCredit) state.accountCredit = accountCredit;
	const floor = judged ? balanceFloor(judged, rt.config.settings?.lowBalance) : undefined;
	if (floor !== undefined) state.lowBalance = floor;
	const published = publishedLimits(rt.config.provider, rt.config.settings?.tier);
	if (published) state.published = published;
	if (spend) state.spend = spend;
	if (verdict) state.verdict = explainWorking(rt, state, verdict, judged);
	if (newest) {
		state.checkedAt = newest.at;
		state.source = newest.source;
		if (newest.latencyMs !== undefined) state.latencyMs = newest.latencyMs;
	}
	if (rt.nextAt !== undefined && rt.timer !== undefined) state.nextProbeAt = rt.nextAt;
	if (rt.providerUntil > now) state.heldUntil = rt.providerUntil;
	return Object.freeze(state);
}
