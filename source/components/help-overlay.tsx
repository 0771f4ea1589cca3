import {Box, Text} from 'ink';
import {helpSections} from '../model/key-help.js';
import type {KeyContext} from '../model/keymap.js';
import {fit} from './cells.js';
import {useTheme} from './theme-context.js';

export type HelpOverlayProps = {
	readonly keyContext: KeyContext;
	readonly width: number;
	readonly height: number;
};

/** Every binding, from the keymap, in columns that fill the screen width. */
export function HelpOverlay({keyContext, width, height}: HelpOverlayProps) {
	const theme = useTheme();
	const lines: Array<{text: string; title: boolean}> = [];
	for (const section of helpSections(keyContext)) {
		lines.push({text: section.title, title: true});
		for (const row of section.rows) {
			lines.push({text: `${fit(row.keys, 14)} ${row.description}`, title: false});
		}
	}

	const columnWidth = 58;
	const perColumn = Math.max(1, height - 1);
	const columnCount = Math.max(1, Math.min(Math.ceil(lines.length / perColumn), Math.floor(width / columnWidth)));
	const columns = Array.from({length: columnCount}, (_, index) => lines.slice(index * perColumn, (index + 1) * perColumn));
	const hidden = lines.length - (columnCount * perColumn);
	return (
		<Box flexDirection='column' height={height}>
			<Text bold color={theme.tone('header')}>{`Keys${hidden > 0 ? ` (${hidden} more lines: enlarge the terminal)` : ''}  ${theme.dot}  Esc or ? to close`}</Text>
			<Box flexDirection='row'>
				{columns.map(column => (
					<Box key={column[0]?.text ?? ''} flexDirection='column' width={Math.floor(width / columnCount)}>
						{column.map(line => (
							<Text key={line.text} wrap='truncate' bold={line.title} color={line.title ? theme.tone('header') : undefined}>{line.text}</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
