// Module hook (runs on the loader thread): appends every ES module URL Node loads to $KW_TRACE_FILE.
import {appendFileSync} from 'node:fs';

export async function load(url, context, nextLoad) {
	if (process.env.KW_TRACE_FILE) appendFileSync(process.env.KW_TRACE_FILE, `${url}\n`);
	return nextLoad(url, context);
}
