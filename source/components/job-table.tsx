import {Box, Text} from 'ink';
import type {SortSpec} from '../model/jobs/types.js';
import {fit, maxWidth} from '../render/cells.js';
import {
	columnTitles, gap, layoutColumns, prefixWidth, sortColumnId, type Column, type ContentWidths,
} from '../render/columns.js';
import type {LiveRowData} from '../render/row-texts.js';
import {LiveRow} from './live-row.js';
import {useTheme} from './theme-context.js';

export type JobTableProps = {
	/** The rows in the visible window only (the app picks the window). */
	readonly rows: readonly LiveRowData[];
	/** Index into `rows`; -1 when the selected job is not among them. */
	readonly selectedIndex: number;
	/** Lines for the table, title line included. */
	readonly height: number;
	readonly width: number;
	readonly sort: SortSpec;
	/** Widest id and collection over every row, not only the visible ones, so columns do not shift while scrolling. */
	readonly contentWidths?: ContentWidths;
	/** Shown instead of rows when there are none. */
	readonly emptyText: string;
};

let lastLayout: {readonly key: string; readonly columns: readonly Column[]} | undefined;

/** The same array while the layout holds, so the memoized rows can compare it by identity. */
function sameLayout(width: number, jobId: number, collection: number, context: number): readonly Column[] {
	const key = `${width} ${jobId} ${collection} ${context}`;
	if (lastLayout?.key !== key) {
		lastLayout = {key, columns: layoutColumns(width, {jobId, collection, context})};
	}

	return lastLayout.columns;
}

/**
The live table, built from Box/Text rather than ink-table: it needs dense rows with no rule between
them, one inverse selected row, a colour per cell and widths measured with string-width.
It is given only the rows in the visible window, so 10k jobs cost as much as 40.
*/
export function JobTable({rows, selectedIndex, height, width, sort, contentWidths, emptyText}: JobTableProps) {
	const theme = useTheme();
	const visible = rows.slice(0, Math.max(0, height - 1));
	const idWidth = contentWidths?.jobId ?? maxWidth(visible.map(row => row.jobId));
	const collectionWidth = contentWidths?.collection ?? maxWidth(visible.map(row => row.collectionName));
	const contextWidth = contentWidths?.context ?? maxWidth(visible.map(row => row.context ?? ''));
	const columns = sameLayout(width, idWidth, collectionWidth, contextWidth);
	const sortedId = sortColumnId[sort.column];
	const titles = columns.map(({id, width: w}) => {
		const arrow = id === sortedId ? (sort.reverse ? theme.sortDown : theme.sortUp) : '';
		return fit(columnTitles[id] + arrow, w);
	});
	return (
		<Box flexDirection='column' height={height}>
			<Text bold color={theme.tone('header')} wrap='truncate'>
				{' '.repeat(prefixWidth) + titles.join(' '.repeat(gap))}
			</Text>
			{visible.length === 0
				? <Text color={theme.tone('muted')}>{'  ' + emptyText}</Text>
				: visible.map((row, index) => (
					<LiveRow key={`${row.context ?? ''}/${row.jobId}`} row={row} columns={columns} isSelected={index === selectedIndex}/>
				))}
		</Box>
	);
}
