import { text } from 'node:stream/consumers';
import { runExplain } from './explain.js';
/** `keywatch explain`: stdin in, verdict out. */
export async function runExplainCommand(options) {
    if (process.stdin.isTTY)
        process.stderr.write('keywatch explain: paste the provider answer as JSON, then Ctrl+D\n');
    const input = await text(process.stdin);
    const result = runExplain(input, { json: Boolean(options.json), provider: options.provider });
    if (result.stdout)
        process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
    if (result.stderr)
        process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
    return result.exitCode;
}
