import type {ProviderId, Status} from '../types.js';

/** One key's confirmed change of status, with the verdict's words (already scrubbed). */
export type AlertKeyChange = {
	name: string;
	/** `sk-…abcd` at most, so two keys with similar names can be told apart. */
	masked?: string;
	from: Status;
	to: Status;
	title?: string;
	why?: string;
	firstFix?: string;
};

export type Alert = {
	/** Epoch ms when the alert was formed. */
	at: number;
	/** The provider whose keys changed; `keywatch` for alerts about keywatch itself (the test alert). */
	provider: ProviderId | 'keywatch';
	keys: AlertKeyChange[];
	/** Plain text for every sink: names, masked forms and verdict words only, never a key. */
	text: string;
	/** Set on the alert `keywatch alert test` sends. */
	test?: boolean;
};

export type SinkResult = {
	sink: string;
	ok: boolean;
	detail: string;
};

/** Somewhere an alert goes. `send` reports its outcome and never rejects. */
export type AlertSink = {
	/** Safe to print: a webhook sink names its URL masked. */
	name: string;
	send(alert: Alert): Promise<SinkResult>;
};
