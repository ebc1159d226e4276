import {afterEach, describe, expect, it, vi} from 'vitest';
import type {LiveProxy} from '../../source/app/proxy-control.js';
import {createProxySwitch} from '../../source/app/proxy-switch.js';
import {App} from '../../source/ui/components/App.js';
import {detailLines} from '../../source/ui/detail-lines.js';
import {keyColumns} from '../../source/ui/key-columns.js';
import {PROXY_OFF, PROXY_REMOTE} from '../../source/ui/proxy-commands.js';
import {ROW_GUTTER, layoutColumns} from '../../source/ui/table-layout.js';
import {noColorTheme} from '../../source/ui/theme.js';
import type {KeyState} from '../../source/types.js';
import {MINUTE, T0, type FakeProxy, fakeMonitor, fakeProxy, makeKey, sampleKeys, verdict} from './fixtures.js';
import {renderScreen} from './screen.js';

process.env.TZ = 'UTC';

let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

function proxyFor(keys: KeyState[], rates: Record<string, number> = {}): FakeProxy {
	return fakeProxy(
		keys.map(key => ({name: key.name, provider: key.provider, backup: key.name === 'openai-old', inConfig: key.name !== 'openai-batch'})),
		rates,
	);
}

function start(proxy?: FakeProxy, keys = sampleKeys(), size = {columns: 200, rows: 40}) {
	const screen = renderScreen(<App monitor={fakeMonitor(keys)} clock={() => T0} proxy={proxy} />, size);
	unmount = screen.unmount;
	return screen;
}

/** The table row of a key, from its name to the end of the line. */
const rowOf = (frame: string, name: string) => frame.split('\n').find(line => line.includes(` ${name} `)) ?? '';

describe('the live view with a proxy', () => {
	it('a makes the selected key the active key of its provider; the marker follows', async () => {
		const proxy = proxyFor(sampleKeys());
		const screen = start(proxy);
		expect(screen.lastFrame()).toContain('● openai-prod');
		await screen.press('2', 'a');
		expect(proxy.setActive).toHaveBeenCalledExactlyOnceWith('openai', 'openai-batch');
		const frame = await screen.waitFor(f => f.includes('● openai-batch'), 'the marker to move');
		expect(frame).not.toContain('● openai-prod');
		expect(frame).toContain('» openai-batch is now the active OpenAI key: the proxy uses it from the next request');
	});

	it('b toggles the selected key as a backup, and says whether the config now says so', async () => {
		const proxy = proxyFor(sampleKeys());
		const screen = start(proxy);
		await screen.press('4', 'b');
		expect(proxy.toggleBackup).toHaveBeenLastCalledWith('openai-trial');
		let frame = await screen.waitFor(f => f.includes('b openai-trial'), 'the backup marker');
		expect(frame).toContain('openai-trial is now a backup for OpenAI (saved in the config)');
		await screen.press('b');
		frame = await screen.waitFor(f => f.includes('openai-trial is no longer a backup'), 'the backup to be unmarked');
		expect(frame).not.toContain('b openai-trial');
		await screen.press('2', 'b');
		expect(proxy.toggleBackup).toHaveBeenLastCalledWith('openai-batch');
		await screen.waitFor(f => f.includes('(this run only: the key is not in the config file)'), 'the this-run-only notice');
	});

	it('warns when the key made active is not healthy', async () => {
		const proxy = proxyFor(sampleKeys());
		const screen = start(proxy);
		await screen.press('5', 'a');
		expect(proxy.setActive).toHaveBeenCalledWith('openai', 'openai-old');
		await screen.waitFor(f => f.includes('! openai-old is now the active OpenAI key') && f.includes('(it is ✗ DENIED)'), 'the warning notice');
	});

	it('says why when the proxy refuses', async () => {
		const proxy = proxyFor(sampleKeys());
		proxy.setActive.mockImplementation(() => {
			throw new Error('keywatch proxy: no key named "openai-batch"');
		});
		const screen = start(proxy);
		await screen.press('2', 'a');
		await screen.waitFor(f => f.includes('! could not change the proxy: keywatch proxy: no key named "openai-batch"'), 'the error notice');
	});

	it('marks the active key per provider and backups, and shows requests per minute', () => {
		const screen = start(proxyFor(sampleKeys(), {'openai-prod': 12, 'anthropic-main': 0}));
		const frame = screen.lastFrame();
		expect(frame.split('\n').find(line => line.includes('Name'))).toContain('Req/min');
		expect(rowOf(frame, 'openai-prod')).toMatch(/● openai-prod .* 12 /);
		expect(rowOf(frame, 'anthropic-main')).toMatch(/● anthropic-main .* 0 /);
		expect(rowOf(frame, 'openai-old')).toContain('b openai-old');
		expect(rowOf(frame, 'openai-batch')).toMatch(/ {2}openai-batch .* — /);
		expect(frame).toContain('⇄ proxy http://127.0.0.1:8787');
	});

	it('has no marker, no Req/min and no proxy line without a proxy', () => {
		const frame = start().lastFrame();
		expect(frame).not.toContain('Req/min');
		expect(frame).not.toMatch(/[●b] openai-(prod|old)/);
		expect(frame).not.toContain('⇄ proxy');
		expect(frame).not.toContain('a activate');
	});

	it('lists a and b in the footer only while a proxy runs', () => {
		const frame = start(proxyFor(sampleKeys())).lastFrame();
		expect(frame.split('\n').at(-1)).toMatch(/R probe {2}a activate {2}b backup {2}p pause/);
	});

	it('drops Req/min first when the terminal narrows', () => {
		const proxy = proxyFor(sampleKeys());
		const keysAt = (width: number) => layoutColumns(keyColumns({now: T0, intervalMs: MINUTE, theme: noColorTheme, proxy}), width - ROW_GUTTER).map(p => p.column.key);
		expect(keysAt(200)).toContain('rate');
		expect(keysAt(120)).not.toContain('rate');
		expect(keysAt(120)).toContain('trend');
	});

	it('shows the last failover in the header and moves the marker to the backup', async () => {
		const proxy = proxyFor(sampleKeys());
		const screen = start(proxy);
		proxy.failover({provider: 'openai', from: 'openai-prod', to: 'openai-old', reason: 'quota_exhausted: Out of credit', at: T0 - 2 * MINUTE});
		const frame = await screen.waitFor(f => f.includes('failover'), 'the failover in the header');
		expect(frame).toContain('⇄ proxy http://127.0.0.1:8787  │  failover OpenAI: openai-prod → openai-old (quota exhausted) 2m ago');
		expect(frame).toContain('● openai-old');
	});
});

describe('without a proxy', () => {
	it.each(['a', 'b'])('%s says how to turn the proxy on', async key => {
		const screen = start(undefined, sampleKeys(), {columns: 100, rows: 30});
		await screen.press(key);
		const frame = await screen.waitFor(f => f.includes('proxy is off'), 'the notice');
		expect(frame).toContain(`! ${PROXY_OFF}`);
		// A separate `keywatch proxy` has its own active keys: the way on is the proxy inside this view.
		expect(PROXY_OFF).toBe('proxy is off: P starts it here (or keywatch --proxy, or keywatch proxy enable)');
	});

	it.each(['a', 'P'])('%s in a --remote view says the proxy runs beside the monitor', async key => {
		const screen = renderScreen(<App monitor={fakeMonitor(sampleKeys())} clock={() => T0} remote="http://ops:9464" />, {columns: 140, rows: 30});
		unmount = screen.unmount;
		await screen.press(key);
		await screen.waitFor(f => f.includes(`! ${PROXY_REMOTE}`), 'the notice');
	});
});

describe('P starts and stops the proxy inside the view', () => {
	function switchable(fail?: NodeJS.ErrnoException) {
		const proxy = proxyFor(sampleKeys());
		const close = vi.fn(async () => {});
		let release: () => void = () => {};
		const start = vi.fn(async (): Promise<LiveProxy> => {
			// Held until the test lets it finish, so the "starting" notice can be seen.
			await new Promise<void>(resolve => (release = resolve));
			if (fail) throw fail;
			return {control: proxy, close};
		});
		const proxySwitch = createProxySwitch(start, 8787);
		const screen = renderScreen(<App monitor={fakeMonitor(sampleKeys())} clock={() => T0} proxySwitch={proxySwitch} />, {columns: 200, rows: 40});
		unmount = screen.unmount;
		return {screen, proxy, start, close, release: () => release()};
	}

	it('starts it: the proxy line, the active marker and a and b appear; P again stops it', async () => {
		const {screen, proxy, start, close, release} = switchable();
		expect(screen.lastFrame()).not.toContain('⇄ proxy');
		expect(screen.lines().at(-1)).toMatch(/p pause {2}P proxy {2}\/ filter/);
		await screen.press('P');
		await screen.waitFor(f => f.includes('» starting the proxy on 127.0.0.1:8787…'), 'the starting notice');
		// A second P while it starts does not start a second proxy.
		await screen.press('P');
		release();
		let frame = await screen.waitFor(f => f.includes('⇄ proxy http://127.0.0.1:8787') && f.includes('proxy on at'), 'the proxy line');
		expect(start).toHaveBeenCalledOnce();
		expect(frame).toContain('» proxy on at http://127.0.0.1:8787 for this run, token in /home/test/.config/keywatch/proxy-token');
		expect(frame).toContain('● openai-prod');
		expect(frame.split('\n').at(-1)).toMatch(/a activate {2}b backup {2}p pause {2}P proxy/);
		await screen.press('2', 'a');
		expect(proxy.setActive).toHaveBeenCalledWith('openai', 'openai-batch');

		await screen.press('P');
		frame = await screen.waitFor(f => f.includes('proxy stopped'), 'the stopped notice');
		expect(close).toHaveBeenCalledOnce();
		expect(frame).not.toContain('⇄ proxy');
		expect(frame).not.toContain('● openai-batch');
		await screen.press('a');
		await screen.waitFor(f => f.includes(`! ${PROXY_OFF}`), 'a to say the proxy is off');
	});

	it('says why it could not start, naming the port and that a separate keywatch proxy cannot be controlled from here', async () => {
		const taken = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:8787'), {code: 'EADDRINUSE'});
		const {screen, release} = switchable(taken);
		await screen.press('P');
		release();
		const frame = await screen.waitFor(f => f.includes('could not start'), 'the error notice');
		expect(frame).toContain('! the proxy could not start: port 8787 on 127.0.0.1 is already in use');
		expect(frame).not.toContain('⇄ proxy');
	});
});

describe('the detail pane with a proxy', () => {
	const text = (key: KeyState, proxy: FakeProxy) =>
		detailLines(key, {now: T0, width: 120, theme: noColorTheme, intervalMs: MINUTE, proxy})
			.map(line => line.map(s => s.text).join(''))
			.join('\n');

	it('says where limits apply and that another OpenRouter key cannot help', () => {
		const key = makeKey({id: 'router', provider: 'openrouter', status: 'LIMITED', verdict: verdict('rate_limited', {clears: 'by_itself'})});
		const out = text(key, fakeProxy([{name: 'router', provider: 'openrouter'}], {router: 3}));
		expect(out).toMatch(/^Proxy$/m);
		expect(out).toContain('Active key  router (this key)');
		expect(out).toContain('Traffic     3 requests in the last minute');
		expect(out).toContain('Base URL    http://127.0.0.1:8787/openrouter/v1 (token in /home/test/.config/keywatch/proxy-token)');
		// Wrapped to the pane's width: compare as one paragraph.
		expect(out.replaceAll(/\n {14}/g, ' ')).toMatch(/Failover {4}OpenRouter limits .* are account-wide: another key on the account hits the same limit\./);
	});

	it('for a denied key, says a backup can help, and how to make this key a backup', () => {
		const [, , , trial] = sampleKeys();
		const out = text(trial!, fakeProxy([{name: 'openai-prod', provider: 'openai'}, {name: 'openai-trial', provider: 'openai'}]));
		expect(out).toContain('Active key  openai-prod (a makes this key active)');
		expect(out).toContain('Backup      no (b marks it)');
		expect(out).toContain("Failover    This key's quota is used up: a backup key on another account or project can serve the request.");
	});

	it('has no proxy section without a proxy', () => {
		const out = detailLines(sampleKeys()[0]!, {now: T0, width: 120, theme: noColorTheme, intervalMs: MINUTE})
			.map(line => line.map(s => s.text).join(''))
			.join('\n');
		expect(out).not.toMatch(/^Proxy$/m);
	});
});

describe('notices', () => {
	it('expire after a while as the clock moves on', async () => {
		vi.useFakeTimers({toFake: ['setInterval', 'clearInterval']});
		try {
			let now = T0;
			const screen = renderScreen(<App monitor={fakeMonitor(sampleKeys())} clock={() => now} />, {columns: 100, rows: 30});
			unmount = screen.unmount;
			await screen.press('a');
			await screen.waitFor(f => f.includes('proxy is off'), 'the notice');
			now += 16_000;
			vi.advanceTimersByTime(1000);
			await screen.waitFor(f => !f.includes('proxy is off'), 'the notice to expire');
		} finally {
			vi.useRealTimers();
		}
	});
});
