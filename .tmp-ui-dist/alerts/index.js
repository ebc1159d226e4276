export { createAlerter } from './alerter.js';
export { alertConfigSchema, webhookConfigSchema } from './config.js';
export { dispatch, sendTest, testAlert } from './dispatch.js';
export { createAlertEngine } from './engine.js';
export { createBellSink } from './sinks/bell.js';
export { createDesktopSink } from './sinks/desktop.js';
export { sinksFromConfig } from './sinks/from-config.js';
export { maskUrl, registerUrlSecret } from './sinks/mask-url.js';
export { createWebhookSink, webhookBody } from './sinks/webhook.js';
