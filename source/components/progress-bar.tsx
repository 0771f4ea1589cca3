import {Text} from 'ink';
import {formatPercent, percentWidth} from '../render/format.js';
import {useTheme} from './theme-context.js';

export type ProgressBarProps = {
	readonly progress: number | undefined;
	/** Cells for the whole thing: bar, a space, and the percent right-aligned in 4 cells. */
	readonly width: number;
	readonly color?: string;
	/** No colours of its own: the selected row paints the whole line in one highlight. */
	readonly isPlain?: boolean;
};

/** `████▌····  47%`: the bar shows the shape, the number the value (the bar alone says little without colour). */
export function ProgressBar({progress, width, color, isPlain = false}: ProgressBarProps) {
	const theme = useTheme();
	const barWidth = Math.max(0, width - percentWidth - 1);
	const {filled, empty} = theme.bar(progress, barWidth);
	const percent = formatPercent(progress).padStart(percentWidth);
	return (
		<Text>
			<Text color={isPlain ? undefined : (color ?? theme.tone('bar'))}>{filled}</Text>
			<Text color={isPlain ? undefined : theme.tone('muted')}>{empty}</Text>
			{barWidth > 0 ? ' ' : ''}
			{percent}
		</Text>
	);
}
