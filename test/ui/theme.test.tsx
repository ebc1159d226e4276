import chalk from 'chalk';
import {render} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/components/App.js';
import {STATUSES} from '../../source/types.js';
import {colorTheme, noColorTheme, statusLabels, statusText, themeFor} from '../../source/ui/theme.js';
import {T0, fakeMonitor, sampleKeys} from './fixtures.js';

// SGR colour codes: 30-37, 90-97 foreground, 40-47, 100-107 background, 38/48 extended.
const colourCode = /\u001B\[(?:3[0-7]|9[0-7]|4[0-7]|10[0-7]|38;[25]|48;[25])[;m]/;

describe('theme', () => {
	it('gives every status a distinct symbol and word', () => {
		expect(STATUSES.map(statusText)).toEqual(['✓ OK', '▲ LOW', '◷ LIMITED', '✗ DENIED', '▼ DOWN', '… CHECKING']);
		expect(new Set(Object.values(statusLabels).map(l => l.symbol)).size).toBe(STATUSES.length);
	});

	it('has no colour anywhere in the no-colour theme', () => {
		expect(JSON.stringify(noColorTheme)).not.toMatch(/"color"|"dimColor"/);
		expect(Object.values(colorTheme.status).every(style => style.color)).toBe(true);
	});

	it('picks the no-colour theme from the option or NO_COLOR', () => {
		expect(themeFor(true)).toBe(noColorTheme);
		expect(themeFor(undefined, {NO_COLOR: '1'})).toBe(noColorTheme);
		expect(themeFor(undefined, {NO_COLOR: ''})).toBe(colorTheme);
		expect(themeFor(false, {NO_COLOR: '1'})).toBe(colorTheme);
		expect(themeFor(undefined, {})).toBe(colorTheme);
	});

	describe('rendered with colour support on', () => {
		let level: typeof chalk.level;
		beforeEach(() => {
			level = chalk.level;
			chalk.level = 3;
		});
		afterEach(() => {
			chalk.level = level;
		});

		it('colours statuses with the colour theme', () => {
			const {lastFrame, unmount} = render(<App monitor={fakeMonitor(sampleKeys())} clock={() => T0} />);
			expect(lastFrame()).toMatch(colourCode);
			unmount();
		});

		it('draws no colour with noColor, but keeps the symbols, the words and the selection', () => {
			const {lastFrame, unmount} = render(<App monitor={fakeMonitor(sampleKeys())} clock={() => T0} noColor />);
			const frame = lastFrame() ?? '';
			expect(frame).not.toMatch(colourCode);
			for (const status of STATUSES) expect(frame).toContain(statusText(status));
			expect(frame).toContain('\u001B[7m');
			expect(frame).toContain('› ');
			unmount();
		});
	});
});
