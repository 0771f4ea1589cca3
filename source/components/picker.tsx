import {Box, Text} from 'ink';
import {fit} from './cells.js';
import {scrollOffset} from './scroll.js';
import {useTheme} from './theme-context.js';

export type PickerProps = {
	readonly title: string;
	/** Undefined while loading. */
	readonly items: readonly string[] | undefined;
	/** One line from describeError when loading failed. */
	readonly error: string | undefined;
	readonly highlighted: number;
	/** The entry in use now, marked. */
	readonly current: string | undefined;
	readonly width: number;
	readonly height: number;
};

/** A list to choose from: collections ("all collections" first) or databases. */
export function Picker({title, items, error, highlighted, current, width, height}: PickerProps) {
	const theme = useTheme();
	const room = Math.max(0, height - 2);
	const list = items ?? [];
	const offset = scrollOffset(highlighted - Math.floor(room / 2), highlighted, room, list.length);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone('header')}>{`${title}  ·  Enter to choose, Esc to go back`}</Text>
			{error === undefined ? null : <Text color={theme.tone('error')} wrap="truncate">{error}</Text>}
			{items === undefined && error === undefined ? <Text color={theme.tone('muted')}>loading…</Text> : null}
			{list.slice(offset, offset + room).map((item, index) => {
				const selected = offset + index === highlighted;
				return (
					<Text key={item} inverse={selected && theme.color} wrap="truncate">
						{`${selected ? theme.pointer : ' '} ${fit(item, width - 6, 'left', theme.ellipsis)}${item === current ? ' ' + (theme.ascii ? '*' : '●') : ''}`}
					</Text>
				);
			})}
		</Box>
	);
}
