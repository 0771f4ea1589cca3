import {Box, Text} from 'ink';
import type {KeyContext} from '../model/keys/keymap.js';
import {helpLayout} from '../render/help-layout.js';
import {useTheme} from './theme-context.js';

export type HelpOverlayProps = {
	readonly keyContext: KeyContext;
	readonly width: number;
	readonly height: number;
	/** First line shown (↑/↓ scroll when the keys do not fit); clamped here, since a resize changes what fits. */
	readonly offset?: number;
};

/** Every binding, from the keymap, in columns that fill the screen width; what does not fit scrolls, never taller than `height`. */
export function HelpOverlay({keyContext, width, height, offset = 0}: HelpOverlayProps) {
	const theme = useTheme();
	const {lines, perColumn, columnCount, maxOffset} = helpLayout(keyContext, width, height);
	const start = Math.min(Math.max(0, offset), maxOffset);
	const shown = lines.slice(start, start + (columnCount * perColumn));
	const columns = Array.from({length: columnCount}, (_, index) => shown.slice(index * perColumn, (index + 1) * perColumn));
	const position = maxOffset > 0 ? `  lines ${start + 1}-${start + shown.length} of ${lines.length}, ↑↓ PgUp PgDn scroll` : '';
	return (
		<Box flexDirection='column' height={height} overflow='hidden'>
			<Text bold wrap='truncate' color={theme.tone('header')}>{`Keys${position}  ${theme.dot}  Esc or ? to close`}</Text>
			<Box flexDirection='row'>
				{columns.map((column, index) => (
					// eslint-disable-next-line react/no-array-index-key -- the columns are positions, not items
					<Box key={index} flexDirection='column' width={Math.floor(width / columnCount)}>
						{column.map(line => (
							<Text key={line.text} wrap='truncate' bold={line.title} color={line.title ? theme.tone('header') : undefined}>{line.text}</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
