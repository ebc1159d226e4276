import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {FilterBar} from '../../source/ui/components/FilterBar.js';
import {Footer} from '../../source/ui/components/Footer.js';
import {HelpOverlay} from '../../source/ui/components/HelpOverlay.js';
import {footerItems, keyLabel, keymap} from '../../source/ui/keymap.js';
import {renderScreen} from './screen.js';

describe('footer and help overlay, generated from the keymap', () => {
	it('the overlay lists every command with all its keys and its description', () => {
		const {lastFrame} = render(<HelpOverlay width={100} height={30} />);
		const frame = lastFrame() ?? '';
		for (const command of keymap) {
			expect(frame).toContain(command.description);
			for (const binding of command.keys) expect(frame).toContain(binding.label);
			expect(frame).toMatch(new RegExp(`${keyLabel(command).replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s+${command.description}`));
		}
	});

	it.each(['table', 'pane', 'filter', 'help'] as const)('the footer in %s scope shows each footer command with its key', scope => {
		// Wide enough for every item (narrower footers drop items from the end, tested below); ink-testing-library
		// pins 100 columns, so this renders on a wider screen.
		const screen = renderScreen(<Footer scope={scope} width={120} filterActive />, {columns: 120, rows: 5});
		const frame = screen.lastFrame();
		screen.unmount();
		const items = footerItems(scope, {filterActive: true});
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(frame).toContain(`${item.keys} ${item.label}`);
	});

	it('keeps help and quit when the footer is narrow, and says resume when paused', () => {
		const {lastFrame} = render(<Footer scope="table" width={16} />);
		expect(lastFrame()).toBe('? help  q quit');
		const paused = render(<Footer scope="table" width={100} paused />);
		expect(paused.lastFrame()).toContain('p resume');
	});

	it('puts the scroll position at the right edge', () => {
		const {lastFrame} = render(<Footer scope="table" width={100} position="21–40 of 200" />);
		expect(lastFrame()).toMatch(/quit\s+21–40 of 200$/);
		expect(lastFrame()).toHaveLength(100);
	});

	it('shows the filter text and how many keys match', () => {
		const {lastFrame} = render(<FilterBar text="claude" editing matches={2} total={8} width={60} />);
		expect(lastFrame()).toMatch(/^\/claude +2 of 8 keys/);
		const applied = render(<FilterBar text="claude" editing={false} matches={2} total={8} width={60} />);
		expect(applied.lastFrame()).toMatch(/^filter: claude {2}2 of 8 keys/);
	});
});
