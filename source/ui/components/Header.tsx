import {Box} from 'ink';
import {type HeaderProps, headerLines} from '../header-lines.js';
import {useTheme} from '../hooks/use-theme.js';
import {TextLine} from './TextLine.js';

export {DEMO_BANNER, OFFLINE_BANNER, type HeaderProps} from '../header-lines.js';

export function Header(props: HeaderProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			{headerLines(props, theme).map((line, index) => (
				// Lines are positional: the status line, then the banners in a fixed order.
				<TextLine key={index} line={line} />
			))}
		</Box>
	);
}
