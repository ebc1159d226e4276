import type {MonitorApi} from '../monitor/types.js';
import type {KeyState} from '../types.js';
import {isKnown} from './format.js';
import {windowName} from './key-view.js';

// A local monitor keeps a long bounded history per key and can forecast from it; a remote one keeps its own
// ring, filled from the serve's /snapshot?history= samples.
// The UI reads it through this structural type, so it depends on no monitor internals.

export type ForecastLike = {exhaustedAt?: number};
export type HistoryLike = {
	fractions(windowId: string): ReadonlyArray<number | undefined>;
	forecastWindow(windowId: string, resetAt?: number): ForecastLike | undefined;
	forecastCredit(): ForecastLike | undefined;
};
export type MonitorWithHistory = MonitorApi & {history?: (id: string) => HistoryLike | undefined};

export type KeyTrend = {
	/** Headroom of the tightest window per sample, oldest first. */
	history: number[];
	/** What runs out before its reset at the current pace; always estimates. */
	forecasts: Array<{subject: string; exhaustedAt: number}>;
};

export function keyTrend(monitor: MonitorWithHistory, key: KeyState): KeyTrend | undefined {
	const history = typeof monitor.history === 'function' ? monitor.history(key.id) : undefined;
	if (!history) return undefined;
	const series = key.windows.map(window => history.fractions(window.id));
	const length = Math.max(0, ...series.map(s => s.length));
	const tightest: number[] = [];
	for (let index = 0; index < length; index++) {
		const values = series.map(s => s[index]).filter(isKnown);
		if (values.length > 0) tightest.push(Math.min(...values));
	}
	const forecasts: KeyTrend['forecasts'] = [];
	for (const window of key.windows) {
		const at = history.forecastWindow(window.id, window.resetAt)?.exhaustedAt;
		if (isKnown(at)) forecasts.push({subject: windowName(window), exhaustedAt: at});
	}
	const credit = key.credit ? history.forecastCredit()?.exhaustedAt : undefined;
	if (isKnown(credit)) forecasts.push({subject: key.credit?.label ?? 'credit', exhaustedAt: credit});
	return {history: tightest, forecasts};
}
