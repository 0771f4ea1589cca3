import {useMemo, useRef} from 'react';
import {Box, Text} from 'ink';
import type {SortSpec} from '../model/types.js';
import {fit, width as cellWidth} from './cells.js';
import {columnTitles, gap, layoutColumns, prefixWidth, sortColumnId} from './columns.js';
import {JobRow, type JobRowData} from './job-row.js';
import {scrollOffset} from './scroll.js';
import {useTheme} from './theme-context.js';

export type JobTableProps = {
	readonly rows: readonly JobRowData[];
	readonly selectedIndex: number;
	/** Lines for the table, title line included. */
	readonly height: number;
	readonly width: number;
	readonly sort: SortSpec;
	/** Shown instead of rows when there are none. */
	readonly emptyText: string;
};

const maxWidthOf = (rows: readonly JobRowData[], pick: (row: JobRowData) => string): number =>
	rows.reduce((max, row) => Math.max(max, cellWidth(pick(row))), 0);

/**
The live table, built from Box/Text rather than ink-table: it needs dense rows with no rule between
them, one inverse selected row, a colour per cell and widths measured with string-width.
Only the rows in the visible window are rendered.
*/
export function JobTable({rows, selectedIndex, height, width, sort, emptyText}: JobTableProps) {
	const theme = useTheme();
	const offsetRef = useRef(0);
	const bodyHeight = Math.max(0, height - 1);
	const offset = scrollOffset(offsetRef.current, selectedIndex, bodyHeight, rows.length);
	offsetRef.current = offset;
	const visible = rows.slice(offset, offset + bodyHeight);
	const idWidth = maxWidthOf(visible, row => row.jobId);
	const collectionWidth = maxWidthOf(visible, row => row.collectionName);
	// The same array while the widths stay, so memoized rows that did not change are not re-rendered.
	const columns = useMemo(() => layoutColumns(width, {jobId: idWidth, collection: collectionWidth}), [width, idWidth, collectionWidth]);
	const sortedId = sortColumnId[sort.column];
	const titles = columns.map(({id, width: w}) => {
		const arrow = id === sortedId ? (sort.reverse ? theme.sortDown : theme.sortUp) : '';
		return fit(columnTitles[id] + arrow, w);
	});
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone('header')} wrap="truncate">
				{' '.repeat(prefixWidth) + titles.join(' '.repeat(gap))}
			</Text>
			{visible.length === 0
				? <Text color={theme.tone('muted')}>{'  ' + emptyText}</Text>
				: visible.map((row, index) => (
					<JobRow key={row.jobId} row={row} columns={columns} selected={offset + index === selectedIndex}/>
				))}
		</Box>
	);
}
