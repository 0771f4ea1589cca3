import {memo} from 'react';
import {Text} from 'ink';
import type {Column} from '../render/columns.js';
import type {JobRowData} from '../render/row-texts.js';
import {rowSegments} from '../render/row-colours.js';
import {useTheme} from './theme-context.js';

export type JobRowProps = {
	readonly row: JobRowData;
	readonly columns: readonly Column[];
	readonly selected: boolean;
};

export const sameRow = (a: JobRowData, b: JobRowData): boolean => a === b || (a.jobId === b.jobId && a.context === b.context && a.stale === b.stale && a.collectionName === b.collectionName
	&& a.state === b.state && a.progress === b.progress && a.progressStale === b.progressStale && a.hint === b.hint && a.inState === b.inState
	&& a.reason === b.reason && a.changed === b.changed && a.gone === b.gone);

/**
One dense line, every cell cut to its width by what the terminal shows. Memoized on what it prints
(row data is rebuilt for every frame): a poll that moves one job, or a clock tick, re-renders only the
rows whose text changed.
*/
export const JobRow = memo(({row, columns, selected}: JobRowProps) => {
	const theme = useTheme();
	return (
		<Text wrap='truncate' inverse={theme.color ? selected : false} dimColor={row.gone !== undefined}>
			{rowSegments(row, columns, selected, theme).map(({text, color}, index) => (
				// eslint-disable-next-line react/no-array-index-key -- runs have no identity but their place
				color === undefined ? text : <Text key={index} color={color}>{text}</Text>
			))}
		</Text>
	);
}, (before, after) => before.selected === after.selected && before.columns === after.columns && sameRow(before.row, after.row));
