import {describe, expect, it} from 'vitest';
import {explainLow} from '../../source/diagnosis/working-key.js';
import type {KeyState} from '../../source/types.js';
import {App} from '../../source/ui/components/App.js';
import {DetailPane} from '../../source/ui/components/DetailPane.js';
import {detailLines} from '../../source/ui/detail-lines.js';
import {noColorTheme} from '../../source/ui/theme.js';
import {type HistoryLike, keyTrend} from '../../source/ui/trend.js';
import {MINUTE, T0, fakeMonitor, makeKey, reading, sampleKeys, verdict, win} from './fixtures.js';
import {keys, renderScreen} from './screen.js';

process.env.TZ = 'UTC';

const text = (key = sampleKeys()[3]!, width = 100, extra = {}) =>
	detailLines(key, {now: T0, width, theme: noColorTheme, intervalMs: MINUTE, ...extra})
		.map(line => line.map(s => s.text).join(''))
		.join('\n');

describe('detail pane content', () => {
	it('names the key, its provider, the masked key and where the secret comes from', () => {
		const first = text().split('\n')[0];
		expect(first).toBe('openai-trial · OpenAI · sk-…rial · env OPENAI_API_KEY');
	});

	it('shows the verdict in headed sections, numbered fix steps and whether it clears', () => {
		const out = text();
		expect(out).toMatch(/✗ DENIED {2}Out of credit/);
		expect(out).toMatch(/^Why\n {2}OpenAI answered 429 insufficient_quota/m);
		expect(out).toMatch(/^How to fix\n {2}1\. Add credit at https:\/\/platform\.openai\.com\/settings\/organization\/billing\n {2}2\. Wait/m);
		expect(out).toMatch(/^Evidence\n {2}HTTP 429 · insufficient_quota · insufficient_quota/m);
		expect(out).toContain('Message     You exceeded your current quota');
		expect(out).toContain('Request id  req_abc');
		expect(out).toContain('Needs action');
		expect(out).toContain('balance: $0.00 left  from endpoint');
	});

	it('says when a limited key clears by itself, with the limit and the headers', () => {
		const out = text(sampleKeys()[2]);
		expect(out).toContain('Clears by itself at 12:00:42 (in 42s)');
		expect(out).toContain('Limit hit  input tokens per minute');
		expect(out).toContain('Header      retry-after: 42');
		expect(out).toMatch(/input tokens per minute +0 of 40,000 left {2}resets 12:00:42 \(in 42s\) {2}from headers/);
	});

	it('explains a LOW key: why, numbered fix steps naming the limits page, evidence, and when it clears', () => {
		const windows = [win({id: 'requests', limit: 500, remaining: 4, resetAt: T0 + 56_000}), win({id: 'tokens', limitKind: 'tokens', limit: 30_000, remaining: 20_000})];
		const plain = verdict('ok', {title: 'Key works', why: 'OpenAI accepted the request (HTTP 200).', fix: [], clears: 'by_itself', evidence: {status: 200, headers: {'x-ratelimit-remaining-requests': '4'}}, windows});
		const explained = explainLow('openai', plain, {windows});
		const out = text(makeKey({id: 'lowkey', status: 'LOW', verdict: explained, windows}));
		expect(out).toMatch(/▲ LOW {2}Low headroom: 4 of 500 requests per minute left/);
		expect(out).toContain('Clears by itself at 12:00:56 (in 56s)');
		expect(out).toMatch(/^Why\n {2}The key works, but this is under 10% left: requests per minute: 4 of 500 left/m);
		expect(out).toMatch(/^How to fix\n {2}1\. Slow down or spread the load/m);
		expect(out).toMatch(/ {2}2\. Raise the limit: see your limits at\s+https:\/\/platform\.openai\.com\/settings\/organization\/limits/);
		expect(out).toMatch(/^Evidence\n {2}HTTP 200/m);
	});

	it('never shows a How to fix heading with nothing under it', () => {
		const bare = verdict('ok', {title: 'Key works', fix: [], clears: 'by_itself', evidence: {status: 200, headers: {}}});
		const out = text(makeKey({id: 'bare', status: 'LOW', verdict: bare, windows: [win({id: 'r', limit: 100, remaining: 1})]}));
		expect(out).not.toContain('How to fix');
	});

	it('says a far-away reset of a cap that needs action (a monthly spend cap)', () => {
		const capped = verdict('quota_exhausted', {clears: 'needs_action', clearsAt: T0 + 2 * 86_400_000, evidence: {status: 429, headers: {}}});
		const out = text(makeKey({id: 'cap', status: 'DENIED', verdict: capped}));
		expect(out).toMatch(/Needs action: or wait for the reset at 12:00:00 \(in 2d/);
	});

	it('shows a network failure as evidence without an HTTP status', () => {
		const out = text(sampleKeys()[6]);
		expect(out).toContain('no HTTP answer');
		expect(out).toContain('Network     refused: connect ECONNREFUSED 127.0.0.1:9');
	});

	it('says how far the provider’s clock is off, under Readings, when the newest answer measured it', () => {
		const line = (out: string) => out.split('\n').filter(l => l.includes('provider clock'));
		const ahead = text(makeKey({id: 'skewed', recent: [reading(T0 - 1000, {status: 200, clockSkewMs: 41_600})]}));
		expect(line(ahead)).toEqual(["  provider clock is 42 s ahead of this machine; resets are read on the provider's clock"]);
		expect(ahead.indexOf('provider clock')).toBeGreaterThan(ahead.indexOf('Readings'));
		const behind = text(makeKey({id: 'skewed', recent: [reading(T0 - 1000, {status: 429, clockSkewMs: -600_000})]}));
		expect(line(behind)).toEqual(["  provider clock is 600 s behind this machine; resets are read on the provider's clock"]);
		// A failed request has no Date header: the last answer's measurement still stands.
		const thenFailed = makeKey({id: 'skewed', recent: [reading(T0 - 2000, {status: 200, clockSkewMs: 42_000}), reading(T0 - 1000, {status: null})]});
		expect(line(text(thenFailed))).toHaveLength(1);
		// A newer answer in step (no skew carried) clears it; so does a key never off.
		const inStep = makeKey({id: 'skewed', recent: [reading(T0 - 2000, {status: 200, clockSkewMs: 42_000}), reading(T0 - 1000, {status: 200})]});
		expect(line(text(inStep))).toEqual([]);
		expect(line(text(makeKey({id: 'fine', recent: [reading(T0 - 1000, {status: 200})]})))).toEqual([]);
	});

	it('shows no verdict sections for an OK key, but its windows and readings', () => {
		const key = makeKey({id: 'fine', windows: [win({id: 'r', limit: 100, remaining: 99, resetAt: T0 + 6000})], recent: [reading(T0 - 1000, {status: 200, latencyMs: 312})]});
		const out = text(key);
		expect(out).not.toContain('How to fix');
		expect(out).toContain('requests per minute');
		expect(out).toContain('99 of 100 left');
		expect(out).toMatch(/11:59:59 {2}HTTP 200 {3}312ms {2}validity/);
	});

	it('says when the numbers came from traffic the proxy passed on rather than from a probe', () => {
		const key = makeKey({
			id: 'proxied',
			source: 'traffic',
			windows: [win({id: 'r', limit: 100, remaining: 40, resetAt: T0 + 6000, source: 'traffic'})],
			recent: [reading(T0 - 2000, {status: 200, latencyMs: 90, probe: 'validity'}), reading(T0 - 1000, {status: 200, latencyMs: 312, probe: 'headroom', source: 'traffic'})],
		});
		const out = text(key);
		expect(out).toMatch(/40 of 100 left {2}resets 12:00:06 \(in 6s\) {2}from proxied traffic/);
		expect(out).toMatch(/11:59:59 {2}HTTP 200 {3}312ms {2}proxied {2}ok/);
		expect(out).toMatch(/11:59:58 {2}HTTP 200 {4}90ms {2}validity {2}ok/);
	});

	it('redacts key material a provider echoed into its message', () => {
		const leaky = makeKey({
			id: 'leak',
			status: 'DENIED',
			verdict: verdict('invalid_key', {evidence: {status: 401, message: 'Incorrect API key provided: sk-test-invalid-abcdefghijklmnop1234', headers: {}}}),
		});
		const out = text(leaky);
		expect(out).not.toContain('abcdefghijklmnop');
		expect(out).toContain('sk-…1234');
	});

	it('says how old the kept windows and credit are when the newest answer failed', () => {
		const windows = [win({id: 'requests', limit: 500, remaining: 420})];
		const good = reading(T0 - 4 * MINUTE, {probe: 'headroom', windows, credit: {remaining: 7, currency: 'USD', source: 'endpoint'}});
		const failed = reading(T0 - 5000, {status: 200, verdict: verdict('unknown', {title: 'Unreadable answer'})});
		const down = makeKey({id: 'kept', status: 'DOWN', windows, credit: {remaining: 7, currency: 'USD', source: 'endpoint'}, recent: [good, failed], verdict: failed.verdict});
		expect(text(down, 140)).toContain('Kept from the last good reading, 4m ago: the newest answer failed');
		// A key whose newest answer was fine shows its figures without the warning.
		const fine = makeKey({id: 'fine', windows, recent: [failed, good]});
		expect(text(fine, 140)).not.toContain('Kept from');
	});

	it('labels estimates as estimates', () => {
		const key = makeKey({
			id: 'est',
			windows: [win({id: 'r', limit: 100, remaining: 40, source: 'estimate'})],
			credit: {remaining: 3, currency: 'USD', source: 'estimate'},
			recent: [reading(T0 - 1000, {source: 'estimate'})],
		});
		const lines = text(key).split('\n');
		expect(lines.find(line => line.includes('40 of 100 left'))).toContain('estimate');
		expect(lines.find(line => line.includes('$3.00 left'))).toContain('estimate');
		expect(lines.find(line => line.includes('validity'))).toContain('estimate');
	});

	it('shows forecasts and the long trend from a monitor that keeps history', () => {
		const key = makeKey({id: 'hist', windows: [win({id: 'tokens', limitKind: 'tokens', limit: 1000, remaining: 100, resetAt: T0 + MINUTE})], credit: {remaining: 5, currency: 'USD', source: 'endpoint'}});
		const history: HistoryLike = {
			fractions: () => [1, 0.8, undefined, 0.5, 0.1],
			forecastWindow: () => ({exhaustedAt: T0 + 40_000}),
			forecastCredit: () => ({exhaustedAt: T0 + 3 * 86_400_000}),
		};
		const monitor = Object.assign(fakeMonitor([key]), {history: () => history});
		const trend = keyTrend(monitor, key);
		expect(trend?.history).toEqual([1, 0.8, 0.5, 0.1]);
		const lines = text(key, 120, {trend}).split('\n');
		const out = lines.join('\n');
		// Each forecast sits on the line of the provider's figure it extrapolates, labelled an estimate.
		expect(lines.find(line => line.includes('100 of 1,000 left'))).toMatch(/from headers · estimate: runs out in ~40s$/);
		expect(lines.find(line => line.includes('$5.00 left'))).toMatch(/from endpoint · estimate: runs out in ~3d 0h$/);
		expect(out).toContain('█▇▅▂');
		expect(keyTrend(fakeMonitor([key]), key)).toBeUndefined();
	});

	it('cuts every line to the width', () => {
		for (const key of sampleKeys()) {
			for (const line of text(key, 40).split('\n')) expect(line.length).toBeLessThanOrEqual(40);
		}
	});

	it('shortens long prose on a short pane so the fix steps still show', () => {
		const wordy = makeKey({
			id: 'wordy',
			status: 'DENIED',
			verdict: verdict('invalid_key', {why: 'A long explanation. '.repeat(30), fix: ['Open the keys page and create a new key for this project, then copy it. '.repeat(3), 'Second']}),
		});
		const screen = renderScreen(<DetailPane keyState={wordy} now={T0} width={60} height={12} intervalMs={MINUTE} placement="below" />, {columns: 60, rows: 24});
		const frame = screen.lastFrame();
		expect(frame).toContain('How to fix');
		expect(frame).toMatch(/ 1\. Open the keys page/);
		expect(frame).toMatch(/^ {2}explanation\..* …$/m);
		screen.unmount();
	});

	it('fits the pane height, saying how much more there is', () => {
		const screen = renderScreen(<DetailPane keyState={sampleKeys()[3]!} now={T0} width={80} height={8} intervalMs={MINUTE} placement="below" />, {columns: 80, rows: 24});
		const lines = screen.lines();
		expect(lines).toHaveLength(8);
		expect(lines[0]).toMatch(/^─+$/);
		expect(lines.at(-1)).toMatch(/^… ↓ \d+ more — J\/Space down, K up/);
		screen.unmount();
	});
});

describe('the detail pane beside the table (150 columns)', () => {
	const billing = 'https://platform.openai.com/settings/organization/billing/overview';
	const docs = 'https://platform.openai.com/docs/guides/error-codes/api-errors#insufficient-quota';
	const quota = (why = 'OpenAI answered 429 insufficient_quota: the organization has no credit left.') =>
		makeKey({
			id: 'openai-x',
			status: 'DENIED',
			verdict: verdict('quota_exhausted', {
				why,
				fix: [`Add credit at ${billing} and wait a minute`, 'Second step'],
				evidence: {status: 429, errorType: 'insufficient_quota', message: `You exceeded your current quota. Read ${docs}`, headers: {}},
			}),
		});
	/** The pane's column of the frame, its lines joined: a URL broken across lines reads whole again. */
	const paneText = (frame: string) =>
		frame
			.split('\n')
			.map(line => line.split(' │ ')[1] ?? '')
			.map(line => line.trim())
			.join('');

	async function open(key: KeyState, rows = 40) {
		const screen = renderScreen(<App monitor={fakeMonitor([key])} clock={() => T0} />, {columns: 150, rows});
		await screen.press(keys.enter);
		await screen.waitFor(f => f.includes('How to fix'), 'the pane');
		return screen;
	}

	it('breaks long URLs across lines instead of cutting them, in the fix steps and the evidence', async () => {
		const screen = await open(quota());
		const frame = screen.lastFrame();
		expect(frame).not.toMatch(/https:\/\/\S*…/);
		expect(paneText(frame)).toContain(billing);
		expect(paneText(frame)).toContain(docs);
		screen.unmount();
	});

	it('says there is more when prose was shortened to fit, and shows all of it after J', async () => {
		const why = 'A long explanation of what happened. '.repeat(8);
		const full = detailLines(quota(why), {now: T0, width: 57, theme: noColorTheme, intervalMs: MINUTE}).length;
		const short = detailLines(quota(why), {now: T0, width: 57, theme: noColorTheme, intervalMs: MINUTE, proseLines: 2}).length;
		expect(short).toBeLessThan(full);
		// Rows for the header (1), the footer (1), the frame's spare line (1) and the table's own header: the
		// shortened pane fits with room for its hint, the full one does not.
		const screen = await open(quota(why), short + 4);
		let frame = screen.lastFrame();
		expect(frame).toMatch(/… ↓ \d+ more — J\/Space down, K up/);
		expect(paneText(frame)).not.toContain(billing);
		await screen.press('J');
		frame = await screen.waitFor(f => f.includes('↑'), 'the scrolled pane');
		expect(paneText(frame)).toContain(billing);
		screen.unmount();
	});
});
