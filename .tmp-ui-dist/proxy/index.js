export { startProxy, DEFAULT_PROXY_PORT } from './server.js';
export { runProxyCommand, proxyBanner } from './command.js';
export { failoverHelps, shouldFailover, FAILOVER_KINDS, FAR_RESET_MS } from './failover.js';
export { PROXY_ROUTES, proxyBasePath } from './routes.js';
export { loadOrCreateToken, tokenPath } from './token.js';
