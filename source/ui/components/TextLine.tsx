import {Text} from 'ink';
import {memo} from 'react';
import type {Line} from '../text.js';

type Props = {
	line: Line;
	inverse?: boolean;
};

/** One pre-measured line. `truncate-end` is a backstop: lines are already cut to width, never wrapped. */
function TextLineView({line, inverse}: Props) {
	if (line.length === 0 || line.every(segment => segment.text === '')) return <Text> </Text>;
	return (
		<Text wrap="truncate-end" inverse={inverse}>
			{line.map((segment, index) =>
				segment.style ? (
					<Text key={index} {...segment.style}>
						{segment.text}
					</Text>
				) : (
					segment.text
				),
			)}
		</Text>
	);
}

// Lines are rebuilt every frame (each tick of the clock, 1 s or 5 s: ui/tick.ts) but most come out the
// same: comparing the segments is far cheaper than letting React and Ink redo an unchanged row.
const sameLine = (a: Props, b: Props): boolean =>
	a.inverse === b.inverse &&
	a.line.length === b.line.length &&
	a.line.every((segment, index) => segment.text === b.line[index]!.text && segment.style === b.line[index]!.style);

export const TextLine = memo(TextLineView, sameLine);
