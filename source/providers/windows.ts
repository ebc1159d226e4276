import type {RateWindow} from '../types.js';

/** A window as decoded, before `makeWindow` decides whether it says anything. */
export type WindowParts = RateWindow;

/**
 * A window, or undefined when neither limit nor remaining is known (a lone reset, or Azure's `-1`
 * sentinels, says nothing about headroom). Unknown fields are left out, never zeroed; a remaining
 * above its limit is capped at the limit so bars never pass 100%.
 */
export function makeWindow(parts: WindowParts): RateWindow | undefined {
	const {limit, resetAt} = parts;
	let {remaining} = parts;
	if (limit === undefined && remaining === undefined) return undefined;
	if (limit !== undefined && remaining !== undefined && remaining > limit) remaining = limit;
	const window: RateWindow = {id: parts.id, limitKind: parts.limitKind, period: parts.period, source: parts.source};
	if (limit !== undefined) window.limit = limit;
	if (remaining !== undefined) window.remaining = remaining;
	if (resetAt !== undefined) window.resetAt = resetAt;
	return window;
}

export function present<T>(items: readonly (T | undefined)[]): T[] {
	return items.filter((item): item is T => item !== undefined);
}

/** now + a relative delay, or undefined when the delay is unknown. */
export function after(now: number, delayMs: number | undefined): number | undefined {
	return delayMs === undefined ? undefined : now + delayMs;
}
