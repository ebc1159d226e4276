import { scrub } from '../secrets/scrub.js';
const leaveAlternateScreen = '\u001B[?1049l\u001B[?25h';
/**
 * The last path out: whatever went wrong, the terminal is restored, the message is scrubbed of keys and
 * kept to one line, and the exit code is non-zero.
 */
export function installCrashHandlers() {
    const crash = (error) => {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (process.stdout.isTTY)
            process.stdout.write(leaveAlternateScreen);
        try {
            process.stdin.setRawMode?.(false);
        }
        catch { }
        process.stderr.write(`keywatch crashed: ${scrub(message).split('\n')[0]}\n`);
        process.exit(70);
    };
    process.on('uncaughtException', crash);
    process.on('unhandledRejection', crash);
    // Writing to a closed pipe (`keywatch check | head -1`) is not an error worth a stack trace.
    process.stdout.on('error', (error) => {
        if (error.code === 'EPIPE')
            process.exit(0);
    });
}
