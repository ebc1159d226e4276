import type {MonitorSnapshot, ProviderId} from '../types.js';
import {providerLabel} from './key-view.js';
import type {Notice, ViewAction} from './state.js';

// A status page that cannot be read is said once per provider, in the notice line; the detail pane
// keeps saying it quietly for that provider's keys.

export function statusPageAnnouncement(snapshot: MonitorSnapshot, announced: readonly string[], at: number): ViewAction | undefined {
	const errors = snapshot.statusPageErrors ?? {};
	const fresh = (Object.keys(errors) as ProviderId[]).filter(provider => errors[provider] && !announced.includes(provider));
	if (fresh.length === 0) return undefined;
	const what = fresh.map(provider => `${providerLabel(provider)} (${errors[provider]})`).join('; ');
	const notice: Notice = {text: `status page not read, keywatch carries on without it: ${what}`, tone: 'warning', at};
	return {type: 'announce', ids: fresh, notice};
}
