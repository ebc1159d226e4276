import { createBellSink } from './bell.js';
import { createDesktopSink } from './desktop.js';
import { createWebhookSink } from './webhook.js';
/** The sinks a config turns on, in a stable order: bell, desktop, then each webhook. */
export function sinksFromConfig(config, environment = {}) {
    const sinks = [];
    if (config.bell)
        sinks.push(createBellSink(environment.bellStream));
    if (config.desktop)
        sinks.push(createDesktopSink());
    for (const webhook of config.webhooks ?? [])
        sinks.push(createWebhookSink({ url: webhook.url, format: webhook.format ?? 'slack' }));
    return sinks;
}
