import {Box} from 'ink';
import type {Incident, KeyState} from '../../types.js';
import {detailLines} from '../detail-lines.js';
import {useTheme} from '../hooks/use-theme.js';
import type {ProxyControl} from '../proxy-view.js';
import {type Line, fitLine, truncateLine} from '../text.js';
import type {KeyTrend} from '../trend.js';
import {TextLine} from './TextLine.js';

type Props = {
	keyState: KeyState;
	trend?: KeyTrend;
	now: number;
	width: number;
	height: number;
	intervalMs: number;
	/** Below the table it opens with a rule; beside it, a border on its left. */
	placement: 'below' | 'beside';
	incidents?: readonly Incident[];
	statusPageError?: string;
	proxy?: ProxyControl;
	/** First content line to show (J/K scroll a pane taller than the room it has). */
	scroll?: number;
};

export function DetailPane({keyState, trend, now, width, height, intervalMs, placement, incidents, statusPageError, proxy, scroll = 0}: Props) {
	const theme = useTheme();
	const beside = placement === 'beside';
	const inner = beside ? width - 3 : width;
	const room = beside ? height : height - 1;
	const options = {now, width: inner, theme, intervalMs, trend, incidents, statusPageError, proxy};
	let content = detailLines(keyState, options);
	// Too tall: at first, shorten each block of prose so the fix steps still show; once the reader scrolls,
	// show everything. What was shortened is counted, so the pane says there is more even when the rest fits.
	let shortened = 0;
	if (content.length > room && scroll === 0) {
		const short = detailLines(keyState, {...options, proseLines: 2});
		shortened = content.length - short.length;
		content = short;
	}
	const shown = scrollContent(content, room, scroll, theme.text.dim, shortened);
	const lines = beside
		? shown.map(line => [{text: ' │ ', style: theme.border}, ...truncateLine(line, inner)])
		: [fitLine([{text: '─'.repeat(width), style: theme.border}], width), ...shown];
	return (
		<Box flexDirection="column" width={width} height={height}>
			{lines.map((line, index) => (
				<TextLine key={index} line={line} />
			))}
		</Box>
	);
}

/**
 * The window of a pane taller than its room: from `scroll` (clamped so the end stays in view), with a line
 * saying what is above and below and which keys move it. `shortened` counts prose lines left out to fit:
 * those are "more" too, and the line shows even when everything else fits.
 */
export function scrollContent(content: readonly Line[], room: number, scroll: number, dim: Line[number]['style'], shortened = 0): Line[] {
	const hint = (above: number, below: number): Line => {
		const parts = [above > 0 ? `↑ ${above} above` : '', below > 0 ? `↓ ${below} more` : ''].filter(Boolean).join(' · ');
		return [{text: `… ${parts} — J/Space down, K up`, style: dim}];
	};
	if (content.length <= room - (shortened > 0 ? 1 : 0)) return shortened > 0 ? [...content, hint(0, shortened)] : [...content];
	if (room < 3) return content.slice(0, Math.max(0, room));
	const body = room - 1;
	const top = Math.min(Math.max(0, scroll), content.length - body);
	return [...content.slice(top, top + body), hint(top, content.length - top - body + shortened)];
}
