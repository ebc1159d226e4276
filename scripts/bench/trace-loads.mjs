// Preload (`node --import ./trace-loads.mjs …`): records every module the process loads — ES modules through
// a load hook, CommonJS ones from require's cache at exit — one path or URL a line, in $KW_TRACE_FILE.
import {appendFileSync} from 'node:fs';
import {createRequire, register} from 'node:module';

register(new URL('./trace-hook.mjs', import.meta.url));
const require = createRequire(import.meta.url);
process.on('exit', () => {
	if (process.env.KW_TRACE_FILE) appendFileSync(process.env.KW_TRACE_FILE, Object.keys(require.cache).map(p => `${p}\n`).join(''));
});
