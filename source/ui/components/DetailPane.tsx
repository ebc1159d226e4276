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
};

export function DetailPane({keyState, trend, now, width, height, intervalMs, placement, incidents, statusPageError, proxy}: Props) {
	const theme = useTheme();
	const beside = placement === 'beside';
	const inner = beside ? width - 3 : width;
	const room = beside ? height : height - 1;
	const options = {now, width: inner, theme, intervalMs, trend, incidents, statusPageError, proxy};
	let content = detailLines(keyState, options);
	// Too tall: shorten each block of prose before cutting the end, so the fix steps still show.
	if (content.length > room) content = detailLines(keyState, {...options, proseLines: 2});
	const shown: Line[] =
		content.length > room
			? [...content.slice(0, Math.max(0, room - 1)), [{text: `… ${content.length - room + 1} more lines: a taller terminal shows them`, style: theme.text.dim}]]
			: content;
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
