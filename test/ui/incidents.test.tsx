import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/components/App.js';
import {detailLines} from '../../source/ui/detail-lines.js';
import {noColorTheme} from '../../source/ui/theme.js';
import type {Incident, KeyState} from '../../source/types.js';
import {MINUTE, T0, fakeMonitor, makeKey, sampleKeys, verdict} from './fixtures.js';
import {keys, renderScreen} from './screen.js';

process.env.TZ = 'UTC';

let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

const claudeIncident: Incident = {
	provider: 'anthropic',
	name: 'Elevated errors on Claude API',
	impact: 'major',
	status: 'investigating',
	url: 'https://status.claude.com/incidents/abc123',
	startedAt: T0 - 20 * MINUTE,
};
const openaiMaintenance: Incident = {provider: 'openai', name: 'Scheduled maintenance of fine-tuning', impact: 'maintenance', status: 'in_progress'};

/** The sample keys, with the overloaded Anthropic key's verdict naming the incident as the status-page decorator does. */
function keysWithIncident(): KeyState[] {
	return sampleKeys().map(key =>
		key.id === 'anthropic-busy' && key.verdict
			? {...key, verdict: {...key.verdict, evidence: {...key.verdict.evidence, incident: {name: claudeIncident.name, url: claudeIncident.url}}}}
			: key,
	);
}

function start(extra: Parameters<typeof fakeMonitor>[1], size = {columns: 100, rows: 30}, list = keysWithIncident()) {
	const monitor = fakeMonitor(list, extra);
	const screen = renderScreen(<App monitor={monitor} clock={() => T0} />, size);
	unmount = screen.unmount;
	return {screen, monitor};
}

const paneText = (key: KeyState, extra: Partial<Parameters<typeof detailLines>[1]> = {}) =>
	detailLines(key, {now: T0, width: 100, theme: noColorTheme, intervalMs: MINUTE, ...extra})
		.map(line => line.map(s => s.text).join(''))
		.join('\n');

describe('incidents in the header', () => {
	it('shows one banner per provider with an open incident: name, impact, link', () => {
		const {screen} = start({incidents: {anthropic: [claudeIncident], openai: [openaiMaintenance]}});
		const lines = screen.lines();
		expect(lines).toContain('⚠ OpenAI: Scheduled maintenance of fine-tuning (maintenance)');
		expect(lines).toContain('⚠ Anthropic: Elevated errors on Claude API (major) status.claude.com/incidents/abc123');
	});

	it('says how many more a provider has, and cuts the link rather than wrapping', () => {
		const second: Incident = {provider: 'anthropic', name: 'Slow console', impact: 'minor', status: 'identified'};
		const {screen} = start({incidents: {anthropic: [second, claudeIncident]}}, {columns: 60, rows: 24});
		const banner = screen.lines().find(line => line.startsWith('⚠ Anthropic'));
		expect(banner).toBe('⚠ Anthropic: Elevated errors on Claude API (major, +1 more)…');
	});

	it('shows no banner without incidents', () => {
		const {screen} = start({incidents: {anthropic: []}});
		expect(screen.lastFrame()).not.toContain('⚠');
	});
});

describe('a DOWN key and its incident', () => {
	it('the pane names the incident and its link under the status, and lists open incidents', async () => {
		const {screen} = start({incidents: {anthropic: [claudeIncident]}}, {columns: 100, rows: 50});
		await screen.press('6', keys.enter);
		const frame = await screen.waitFor(f => f.includes('How to fix'), 'the pane');
		expect(frame).toContain('anthropic-busy · Anthropic');
		expect(frame).toContain('Incident: Elevated errors on Claude API  https://status.claude.com/incidents/abc123');
		expect(frame).toMatch(/^Status page · Anthropic$/m);
		expect(frame).toContain('  • Elevated errors on Claude API (major, investigating) since 11:40:00');
		expect(frame).toContain('Incident    Elevated errors on Claude API https://status.claude.com/incidents/abc123');
	});

	it('the row says which incident in its why on a wide screen', () => {
		const {screen} = start({incidents: {anthropic: [claudeIncident]}}, {columns: 200, rows: 30});
		const row = screen.lines().find(line => line.includes(' anthropic-busy '));
		expect(row).toMatch(/▼ DOWN .* incident: Elevated errors on Claude API/);
	});

	it('a DOWN key without a matched incident gets one of its provider, and other keys keep their why', () => {
		const busy = makeKey({id: 'busy', provider: 'anthropic', status: 'DOWN', verdict: verdict('overloaded', {title: 'Anthropic is overloaded', clears: 'by_itself'})});
		expect(paneText(busy, {incidents: [claudeIncident]})).toContain('Incident: Elevated errors on Claude API');
		expect(paneText(busy)).not.toContain('Incident:');
		const denied = sampleKeys()[4]!;
		expect(paneText(denied, {incidents: [{...claudeIncident, provider: 'openai'}]})).not.toContain('Incident:');
	});

	it('lists open incidents for a key that is not DOWN too', () => {
		const out = paneText(sampleKeys()[0]!, {incidents: [openaiMaintenance]});
		expect(out).toMatch(/^Status page · OpenAI\n {2}• Scheduled maintenance of fine-tuning \(maintenance, in_progress\)$/m);
	});
});

describe('status pages that cannot be read', () => {
	const errors = {openai: 'status.openai.com could not be reached (dns)'};

	it('are said once in the notice line, and quietly in the pane of that provider’s keys', async () => {
		const {screen, monitor} = start({statusPageErrors: errors}, {columns: 130, rows: 30});
		const notice = '! status page not read, keywatch carries on without it: OpenAI (status.openai.com could not be reached (dns))';
		expect(screen.lines()).toContain(notice);
		// Another notice takes the line; the same error in later snapshots does not bring it back.
		await screen.press('a');
		await screen.waitFor(f => f.includes('proxy is off'), 'the next notice');
		monitor.update({statusPageErrors: {...errors}, keys: keysWithIncident()});
		await screen.press('j');
		expect(screen.lastFrame()).not.toContain('status page not read');
		await screen.press(keys.enter);
		const frame = await screen.waitFor(f => f.includes('Status page · OpenAI'), 'the pane');
		expect(frame).toContain('Not read    status.openai.com could not be reached (dns); keywatch keeps working without it');
	});

	it('a page of another provider failing later is said too, once', async () => {
		const {screen, monitor} = start({statusPageErrors: errors}, {columns: 130, rows: 30});
		monitor.update({statusPageErrors: {...errors, anthropic: 'status.claude.com answered HTTP 503'}});
		const frame = await screen.waitFor(f => f.includes('Anthropic (status.claude.com answered HTTP 503)'), 'the second notice');
		expect(frame).not.toContain('OpenAI (status.openai.com');
	});
});
