import {Box} from 'ink';
import {type HeaderProps, headerLines} from '../header-lines.js';
import {useTheme} from '../hooks/use-theme.js';
import {TextLine} from './TextLine.js';

export {DEMO_BANNER, OFFLINE_BANNER, type HeaderProps} from '../header-lines.js';

/** `maxLines` keeps the first lines (the status line, then banners in order) when the screen is short. */
export function Header({maxLines, ...props}: HeaderProps & {maxLines?: number}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			{headerLines(props, theme).slice(0, maxLines).map((line, index) => (
				// Lines are positional: the status line, then the banners in a fixed order.
				<TextLine key={index} line={line} />
			))}
		</Box>
	);
}
