import {stripControl} from '../secrets/scrub.js';
import type {KeyState} from '../types.js';
import {formatClock} from './format.js';
import type {Notice} from './state.js';

/**
 * What R says instead of probing a key the provider asked keywatch to leave alone (a retry-after, or a window
 * reset it named). The monitor refuses such a probe on purpose, and a keypress that does nothing reads as a
 * broken key binding, so the view says why and until when.
 */
export function heldNotice(key: KeyState | undefined, now: number): Notice | undefined {
	if (!key?.heldUntil || key.heldUntil <= now) return undefined;
	const why = key.verdict?.retryAfterSeconds === undefined ? "the provider's reset" : 'retry-after from the provider';
	return {text: `${stripControl(key.name)} is held until ${formatClock(key.heldUntil)} (${why}); R will probe then`, tone: 'info', at: now};
}
