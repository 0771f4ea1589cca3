import {Box, Text} from 'ink';
import {visibleWindow} from '../model/select/window.js';
import {truncate} from '../render/cells.js';
import {useTheme} from './theme-context.js';

export type PickerProps = {
	readonly title: string;
	readonly items: readonly string[];
	/** The list is on its way from the server. */
	readonly isLoading: boolean;
	/** One line from describeError when loading failed. */
	readonly error: string | undefined;
	readonly highlighted: number;
	/** The entry in use now, marked. */
	readonly current: string | undefined;
	readonly width: number;
	readonly height: number;
	/** A line under the title (the context picker's command line). */
	readonly prompt?: string;
};

/** A list to choose from: collections ("all collections" first) or databases. */
export function Picker({
	title, items, isLoading, error, highlighted, current, width, height, prompt,
}: PickerProps) {
	const theme = useTheme();
	const room = Math.max(0, height - 1 - (prompt === undefined ? 0 : 1) - (error === undefined ? 0 : 1) - (isLoading ? 1 : 0));
	const {start, end} = visibleWindow(items.length, highlighted, room, highlighted - Math.floor(room / 2));
	return (
		<Box flexDirection='column' height={height}>
			<Text bold color={theme.tone('header')}>{`${title}  ${theme.dot}  Enter to choose, Esc to go back`}</Text>
			{prompt === undefined ? null : <Text wrap='truncate'>{truncate(prompt, width, theme.ellipsis)}</Text>}
			{error === undefined ? null : <Text color={theme.tone('error')} wrap='truncate'>{error}</Text>}
			{isLoading ? <Text color={theme.tone('muted')}>{theme.loading}</Text> : null}
			{items.slice(start, end).map((item, index) => {
				const selected = start + index === highlighted;
				return (
					<Text key={item} inverse={theme.color ? selected : false} wrap='truncate'>
						{`${selected ? theme.pointer : ' '} ${truncate(item, width - 14, theme.ellipsis)}${item === current ? '  (watching)' : ''}`}
					</Text>
				);
			})}
		</Box>
	);
}
