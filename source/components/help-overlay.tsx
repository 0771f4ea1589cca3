import {Box, Text} from 'ink';
import {helpSections} from '../model/keys/key-help.js';
import type {KeyContext} from '../model/keys/keymap.js';
import {fit} from '../render/cells.js';
import {useTheme} from './theme-context.js';

export type HelpOverlayProps = {
	readonly keyContext: KeyContext;
	readonly width: number;
	readonly height: number;
	/** First line shown (↑/↓ scroll when the keys do not fit); clamped here, since a resize changes what fits. */
	readonly offset?: number;
};

type Line = {readonly text: string; readonly title: boolean};

const columnWidth = 58;

const helpLines = (keyContext: KeyContext): readonly Line[] => helpSections(keyContext).flatMap(section => [
	{text: section.title, title: true},
	...section.rows.map(row => ({text: `${fit(row.keys, 14)} ${row.description}`, title: false})),
]);

/** How the help is laid out in `width` × `height` (title line included): columns side by side, then scrolling. Pure. */
export const helpLayout = (keyContext: KeyContext, width: number, height: number) => {
	const lines = helpLines(keyContext);
	const perColumn = Math.max(1, height - 1);
	const columnCount = Math.max(1, Math.min(Math.ceil(lines.length / perColumn), Math.floor(width / columnWidth)));
	const capacity = columnCount * perColumn;
	return {
		lines, perColumn, columnCount, maxOffset: Math.max(0, lines.length - capacity),
	};
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
