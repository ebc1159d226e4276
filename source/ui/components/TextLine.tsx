import {Text} from 'ink';
import type {Line} from '../text.js';

type Props = {
	line: Line;
	inverse?: boolean;
};

/** One pre-measured line. `truncate-end` is a backstop: lines are already cut to width, never wrapped. */
export function TextLine({line, inverse}: Props) {
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
