import type {AlertConfig} from '../config.js';
import type {AlertSink} from '../types.js';
import {createBellSink, type BellStream} from './bell.js';
import {createDesktopSink} from './desktop.js';
import {createWebhookSink} from './webhook.js';

export type SinkEnvironment = {
	/** Where the bell goes (default stderr; the live view passes its own stdout). */
	bellStream?: BellStream;
};

/** The sinks a config turns on, in a stable order: bell, desktop, then each webhook. */
export function sinksFromConfig(config: AlertConfig, environment: SinkEnvironment = {}): AlertSink[] {
	const sinks: AlertSink[] = [];
	if (config.bell) sinks.push(createBellSink(environment.bellStream));
	if (config.desktop) sinks.push(createDesktopSink());
	for (const webhook of config.webhooks ?? []) sinks.push(createWebhookSink({url: webhook.url, format: webhook.format ?? 'slack'}));
	return sinks;
}
