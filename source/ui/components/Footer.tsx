import {type FooterItem, type Scope, footerItems} from '../keymap.js';
import {useTheme} from '../hooks/use-theme.js';
import {type Line, type Segment, fitLine, lineWidth} from '../text.js';
import type {Theme} from '../theme.js';
import {TextLine} from './TextLine.js';

export type FooterProps = {
	scope: Scope;
	width: number;
	filterActive?: boolean;
	paused?: boolean;
	/** A proxy runs: its keys (activate, backup) join the footer. */
	proxy?: boolean;
	/** Right-aligned, e.g. "21–40 of 200" when the table scrolls. */
	position?: string;
};

// Help and quit survive any width: with those two a user can find everything else.
const essential = new Set(['help.toggle', 'app.quit', 'filter.apply', 'filter.clear']);

function itemSegments(item: FooterItem, paused: boolean, theme: Theme): Segment[] {
	const label = item.id === 'poll.toggle' && paused ? 'resume' : item.label;
	return [{text: item.keys, style: theme.text.accent}, {text: ` ${label}`, style: theme.text.dim}];
}

/** The footer, generated from the keymap for the current scope and cut to fit. */
export function footerLine({scope, width, filterActive, paused = false, proxy, position}: FooterProps, theme: Theme): Line {
	const right: Segment[] = position ? [{text: position, style: theme.text.dim}] : [];
	const room = width - (position ? lineWidth(right) + 2 : 0);
	let items = footerItems(scope, {filterActive, proxy});
	const build = () => items.flatMap((item, index) => [...(index > 0 ? [{text: '  '}] : []), ...itemSegments(item, paused, theme)]);
	while (lineWidth(build()) > room) {
		const droppable = items.filter(item => !essential.has(item.id)).at(-1);
		if (!droppable) break;
		items = items.filter(item => item !== droppable);
	}
	const left = build();
	if (right.length === 0 || room <= 0) return fitLine(left, width);
	return [...fitLine(left, room), {text: '  '}, ...right];
}

export function Footer(props: FooterProps) {
	const theme = useTheme();
	return <TextLine line={footerLine(props, theme)} />;
}
