import {describe, expect, it} from 'vitest';
import {headerLines, OFFLINE_BANNER} from '../../source/ui/header-lines.js';
import {noColorTheme} from '../../source/ui/theme.js';
import type {MonitorSnapshot} from '../../source/types.js';

const snapshot: MonitorSnapshot = {keys: [], paused: false, intervalMs: 60_000, startedAt: 0, offline: true};
const text = (lines: ReturnType<typeof headerLines>) => lines.map(line => line.map(segment => segment.text).join('')).join('\n');

describe('the offline banner', () => {
	it('blames the network when the providers did not answer', () => {
		expect(text(headerLines({snapshot, now: 0, width: 200, intervalMs: 60_000}, noColorTheme))).toContain(OFFLINE_BANNER);
	});

	it('names the remote serve when that is what cannot be read', () => {
		const out = text(headerLines({snapshot, now: 0, width: 200, intervalMs: 60_000, remote: 'http://ops:9464', remoteError: 'remote http://ops:9464 unreachable: connection refused'}, noColorTheme));
		expect(out).toContain('remote http://ops:9464 unreachable: connection refused');
		expect(out).not.toContain(OFFLINE_BANNER);
	});
});
