// The diagnosis layer: a provider's answer in, a verdict out; a verdict in, a status word out.
export { classify, diagnose } from './diagnose.js';
export { formatVerdict } from './format.js';
export { guessProvider } from './guess-provider.js';
export { pageOf, pages, pagesFor } from './pages.js';
export { statusOf } from './status.js';
