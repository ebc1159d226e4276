import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { sanitize } from '../../secrets/scrub.js';
// The child sees only what it needs to reach the desktop: never the provider keys in our environment.
const passedEnv = [
    'PATH',
    'HOME',
    'USER',
    'LANG',
    'LC_ALL',
    'LC_MESSAGES',
    'TMPDIR',
    'DISPLAY',
    'WAYLAND_DISPLAY',
    'DBUS_SESSION_BUS_ADDRESS',
    'XDG_RUNTIME_DIR',
    'XDG_SESSION_TYPE',
];
const binaries = { linux: 'notify-send', darwin: 'osascript', freebsd: 'notify-send' };
async function findOnPath(binary, pathVariable) {
    for (const dir of (pathVariable ?? '').split(path.delimiter)) {
        // A relative PATH entry would run whatever sits in the current folder.
        if (!dir || !path.isAbsolute(dir))
            continue;
        const candidate = path.join(dir, binary);
        try {
            await access(candidate, constants.X_OK);
            return candidate;
        }
        catch {
            // Not here; keep looking.
        }
    }
    return undefined;
}
function childEnv(env) {
    const out = {};
    for (const name of passedEnv)
        if (env[name] !== undefined)
            out[name] = env[name];
    return out;
}
function titleAndBody(alert) {
    const body = alert.text.replace(/^keywatch:\s*/, '');
    return { title: `keywatch: ${alert.provider}`, body: body.length > 500 ? `${body.slice(0, 499)}…` : body };
}
function args(binary, alert) {
    const { title, body } = titleAndBody(alert);
    if (binary === 'osascript') {
        // Text goes in as argv, not spliced into the script, so quotes in a message cannot change it.
        return ['-e', 'on run argv', '-e', 'display notification (item 2 of argv) with title (item 1 of argv)', '-e', 'end run', title, body];
    }
    const urgent = alert.keys.some(change => change.to === 'DENIED' || change.to === 'DOWN');
    return ['--app-name=keywatch', `--urgency=${urgent ? 'critical' : 'normal'}`, '--', title, body];
}
/** A desktop notification via notify-send (Linux) or osascript (macOS); "not available" when neither exists. */
export function createDesktopSink(options = {}) {
    const platform = options.platform ?? process.platform;
    const env = options.env ?? process.env;
    const timeoutMs = options.timeoutMs ?? 5000;
    const binary = binaries[platform];
    const name = 'desktop';
    return {
        name,
        async send(alert) {
            if (!binary)
                return { sink: name, ok: false, detail: `not available: no desktop notifier on ${platform}` };
            const found = await findOnPath(binary, env.PATH);
            if (!found)
                return { sink: name, ok: false, detail: `not available: ${binary} not found on PATH` };
            return new Promise(resolve => {
                execFile(found, args(binary, alert), { env: childEnv(env), timeout: timeoutMs, windowsHide: true }, (error, _stdout, stderr) => {
                    if (!error) {
                        resolve({ sink: name, ok: true, detail: `shown with ${binary}` });
                        return;
                    }
                    const reason = sanitize(String(stderr || error.message)).trim().slice(0, 200);
                    resolve({ sink: name, ok: false, detail: `${binary} failed: ${reason}` });
                });
            });
        },
    };
}
