import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import type {Job, JobDetail} from '../model/jobs/job.js';
import {fit, width as cellWidth} from '../render/cells.js';
import {formatBytes, formatCount} from '../render/format.js';
import {FileTable, fileTableHeight} from './file-table.js';
import {ProgressBar} from './progress-bar.js';
import {useTheme} from './theme-context.js';

export type DetailViewProps = {
	readonly jobId: string;
	/** The row from the list, shown while the describe answer is on its way. */
	readonly job: Job | undefined;
	/** The last good describe answer. */
	readonly detail: JobDetail | undefined;
	readonly isLoading: boolean;
	/** One line from describeError when the last describe failed. */
	readonly error: string | undefined;
	readonly width: number;
	readonly height: number;
};

const labelWidth = 11;

function Field({label, children}: {readonly label: string; readonly children: ReactNode}) {
	const theme = useTheme();
	return (
		<Text wrap='truncate'>
			<Text color={theme.tone('label')}>{label.padEnd(labelWidth)}</Text>
			{children}
		</Text>
	);
}

/** One job described: the numbers, every file, and the whole reason, wrapped. */
export function DetailView({jobId, job, detail, isLoading, error, width, height}: DetailViewProps) {
	const theme = useTheme();
	const shown = detail ?? job;
	const look = theme.state(shown?.state ?? '');
	const reason = shown?.reason ?? '';
	const reasonLines = reason === '' ? 1 : Math.ceil(cellWidth(reason) / Math.max(1, width - labelWidth));
	const files = detail?.files ?? [];
	const fixedLines = 8 + Math.min(reasonLines, 6) + (error === undefined ? 0 : 1);
	const roomForFiles = Math.max(0, height - fixedLines);
	const fitting = Math.max(0, Math.min(files.length, Math.floor((roomForFiles - 3) / 2)));
	return (
		<Box flexDirection='column' height={height} overflow='hidden'>
			<Text bold color={theme.tone('header')} wrap='truncate'>
				{`Job ${jobId}${shown ? '  ' + shown.collectionName : ''}${isLoading ? '  ' + theme.loading : ''}  ${theme.dot}  Esc to go back`}
			</Text>
			{error === undefined ? null : <Text color={theme.tone('error')} wrap='truncate'>{error}</Text>}
			<Field label='State'><Text color={look.color}>{shown ? `${look.glyph} ${look.label}` : '?'}</Text></Field>
			<Field label='Progress'><ProgressBar progress={shown?.progress} width={Math.min(40, width - labelWidth)} color={look.color}/></Field>
			<Field label='Rows'>{detail ? `${formatCount(detail.importedRows)} / ${formatCount(detail.totalRows)}` : '?'}</Field>
			<Field label='File size'>{detail ? formatBytes(detail.fileSize) : '?'}</Field>
			<Field label='Created'>{detail === undefined || detail.createTime === '' ? '(not given by this server)' : detail.createTime}</Field>
			<Field label='Completed'>{detail === undefined || detail.completeTime === '' ? '-' : detail.completeTime}</Field>
			<Box flexDirection='row' height={Math.min(reasonLines, 6)}>
				<Text color={theme.tone('label')}>{'Reason'.padEnd(labelWidth)}</Text>
				<Box width={Math.max(1, width - labelWidth)}>
					<Text wrap='wrap' color={reason === '' ? undefined : theme.tone('error')}>{reason === '' ? '-' : reason}</Text>
				</Box>
			</Box>
			<Text bold wrap='truncate'>{fit(`Files (${files.length})${fitting < files.length ? `, ${files.length - fitting} not shown: enlarge the terminal` : ''}`, width)}</Text>
			{fitting > 0 && fileTableHeight(fitting) <= roomForFiles ? <FileTable files={files.slice(0, fitting)} width={width}/> : null}
		</Box>
	);
}
