import {useTheme} from '../hooks/use-theme.js';
import {type Segment, fitLine} from '../text.js';
import {TextLine} from './TextLine.js';

type Props = {
	text: string;
	/** Typing into it, rather than a filter already applied. */
	editing: boolean;
	matches: number;
	total: number;
	width: number;
};

export function FilterBar({text, editing, matches, total, width}: Props) {
	const theme = useTheme();
	const line: Segment[] = [
		{text: editing ? '/' : 'filter: ', style: theme.text.accent},
		{text},
		...(editing ? [{text: ' ', style: {inverse: true}}] : []),
		{text: `  ${matches} of ${total} keys`, style: theme.text.dim},
	];
	return <TextLine line={fitLine(line, width)} />;
}
