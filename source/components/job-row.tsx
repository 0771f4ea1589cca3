import {memo} from 'react';
import {Text} from 'ink';
import type {Column} from './columns.js';
import {rowSegments} from './row-segments.js';
import {useTheme} from './theme-context.js';

/** What one row shows: computed by the app from the model, so this stays props-only. */
export type JobRowData = {
	readonly jobId: string;
	readonly collectionName: string;
	readonly state: string;
	/** As shown: a Failed job's is the last seen before it failed (undefined: no percentage at all). */
	readonly progress: number | undefined;
	/** The progress came from describe and is older than a poll (Zilliz Cloud's list has none): dimmed. */
	readonly progressStale?: boolean;
	/** Rate and ETA, or what the job is waiting for. */
	readonly hint: string;
	/** Time in the current state, formatted (formatAge): a text, so an unchanged row compares equal. */
	readonly inState: string;
	readonly reason: string;
	/** The state changed at the last poll: marked for a moment. */
	readonly changed: boolean;
	/** The job vanished from the list. */
	readonly gone: 'expired' | 'lost' | undefined;
};

export type JobRowProps = {
	readonly row: JobRowData;
	readonly columns: readonly Column[];
	readonly selected: boolean;
};

const sameRow = (a: JobRowData, b: JobRowData): boolean => a === b || (a.jobId === b.jobId && a.collectionName === b.collectionName
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
