import { configDir } from '../config/store.js';
import { renderStatusLine } from '../status-line/render.js';
/** `keywatch status --line`: one line for a tmux status bar. Reads a serve or the cache; never probes. */
export async function runStatus(options) {
    const line = await renderStatusLine({ remote: options.remote, cacheDir: configDir(), ascii: options.ascii });
    process.stdout.write(`${line}\n`);
    return 0;
}
