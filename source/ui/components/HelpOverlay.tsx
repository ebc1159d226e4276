import {Box} from 'ink';
import {keyLabel, keymap} from '../keymap.js';
import {useTheme} from '../hooks/use-theme.js';
import {type Line, fitLine, textWidth, wrapText} from '../text.js';
import type {Theme} from '../theme.js';
import {TextLine} from './TextLine.js';

type Props = {width: number; height: number};

/** Every command in the keymap with all its keys; the overlay cannot drift from what the keys do. */
export function helpLines(width: number, theme: Theme, withNote = true, withHeading = true): Line[] {
	const labels = keymap.map(command => keyLabel(command));
	const column = Math.max(...labels.map(label => textWidth(label))) + 2;
	const lines: Line[] = withHeading ? [[{text: 'Keys', style: theme.text.heading}, {text: '   ? or Esc closes this list', style: theme.text.dim}]] : [];
	for (const [index, command] of keymap.entries()) {
		const label = labels[index] ?? '';
		lines.push([{text: '  '}, {text: label.padEnd(column), style: theme.text.accent}, {text: command.description}]);
	}
	const note = 'In the filter line, type to narrow by name or provider; Enter keeps the filter, Esc clears it.';
	if (withNote) for (const part of wrapText(note, width)) lines.push([{text: part, style: theme.text.dim}]);
	return lines.map(line => fitLine(line, width));
}

export function HelpOverlay({width, height}: Props) {
	const theme = useTheme();
	// The note on the filter line goes first when the list does not fit, then the heading (the footer still
	// says ? and Esc close it): every key must stay listed, on 80x24 too.
	let lines = helpLines(width, theme);
	if (lines.length > height) lines = helpLines(width, theme, false);
	if (lines.length > height) lines = helpLines(width, theme, false, false);
	const shown = lines.length > height ? [...lines.slice(0, Math.max(0, height - 1)), fitLine([{text: '…'}], width)] : lines;
	return (
		<Box flexDirection="column" width={width} height={height}>
			{shown.map((line, index) => (
				<TextLine key={index} line={line} />
			))}
		</Box>
	);
}
