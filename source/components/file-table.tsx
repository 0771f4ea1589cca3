import {Table} from '@alcalzone/ink-table';
import {Text} from 'ink';
import type {PropsWithChildren} from 'react';
import type {FileDetail} from '../model/jobs/job.js';
import {truncate, truncateMiddle} from '../render/cells.js';
import {formatBytes, formatCount, formatPercent} from '../render/format.js';
import {useTheme} from './theme-context.js';

export type FileTableProps = {
	readonly files: readonly FileDetail[];
	readonly width: number;
};

type FileRow = {file: string; state: string; progress: string; rows: string; size: string; reason: string};

const asciiRule: Readonly<Record<string, string>> = {'─': '-', '│': '|'};
const toAscii = (text: string): string => text.replaceAll(/[─│]/gv, c => asciiRule[c] ?? c).replaceAll(/[┌┐└┘├┤┬┴┼]/gv, '+');

/** ink-table draws its rules in box-drawing characters; in ASCII mode they become `-`, `|` and `+`. */
function AsciiSkeleton({children}: PropsWithChildren) {
	return <Text>{typeof children === 'string' ? toAscii(children) : children}</Text>;
}

function PlainSkeleton({children}: PropsWithChildren) {
	return <Text>{children}</Text>;
}

function Heading({children}: PropsWithChildren) {
	const theme = useTheme();
	return <Text bold color={theme.tone('header')}>{children}</Text>;
}

/** Lines the table takes for `count` files: top, heading, a rule above each row, bottom. */
export const fileTableHeight = (count: number): number => (count === 0 ? 0 : 3 + (2 * count));

/**
The detail view's file list: few rows, each a record to read rather than scan, so ink-table's ruled
grid fits here. It sizes columns by String.length, so the file name (from the server, possibly wide)
is cut to what is left of the width first, in the middle.
*/
export function FileTable({files, width}: FileTableProps) {
	const theme = useTheme();
	const base = files.map(file => ({
		state: file.state,
		progress: formatPercent(file.progress),
		rows: `${formatCount(file.importedRows)}/${formatCount(file.totalRows)}`,
		size: formatBytes(file.fileSize),
		reason: file.reason,
	}));
	const longest = (pick: (row: (typeof base)[number]) => string, title: string) =>
		Math.max(title.length, ...base.map(row => pick(row).length)) + 2;
	const fixed = longest(row => row.state, 'state') + longest(row => row.progress, 'progress')
		+ longest(row => row.rows, 'rows') + longest(row => row.size, 'size') + 7;
	const reasonWidth = Math.min(24, Math.max(0, width - fixed - 20));
	const fileWidth = Math.max(4, width - fixed - Math.max(6, reasonWidth) - 4);
	const data: FileRow[] = files.map((file, index) => ({
		// Files of one job share a folder and differ at the end: cut the middle, keep the name.
		file: truncateMiddle(file.fileName, fileWidth, theme.ellipsis),
		...base[index]!,
		reason: truncate(base[index]!.reason, reasonWidth, theme.ellipsis),
	}));
	return (
		<Table
			data={data}
			columns={['file', 'state', 'progress', 'rows', 'size', 'reason']}
			skeleton={theme.ascii ? AsciiSkeleton : PlainSkeleton}
			header={Heading}
		/>
	);
}
