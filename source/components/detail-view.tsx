import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import type {Job, JobDetail} from '../model/jobs/job.js';
import {fit} from '../render/cells.js';
import {formatBytes, formatClock, formatCount} from '../render/format.js';
import type {TrackedJob} from '../model/jobs/types.js';
import {wrapLines} from '../render/wrap-lines.js';
import {FileTable, fileTableHeight} from './file-table.js';
import {ProgressBar} from './progress-bar.js';
import {useTheme} from './theme-context.js';

export type DetailViewProps = {
	readonly jobId: string;
	/** The row from the list, shown while the describe answer is on its way. */
	readonly job: Job | undefined;
	/** The last good describe answer. */
	readonly detail: JobDetail | undefined;
	/** The job as tracked across polls: the last progress before a failure, its progress' age, how well its time in state is known. */
	readonly tracked?: TrackedJob;
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
		<Box flexShrink={0}>
			<Text wrap='truncate'>
				<Text color={theme.tone('label')}>{label.padEnd(labelWidth)}</Text>
				{children}
			</Text>
		</Box>
	);
}

/** Fields that give way, in this order, when the view has fewer lines than it needs (10–13-row terminals). */
type Optional = 'progress' | 'since' | 'rows' | 'files' | 'size' | 'created' | 'completed';
const givingWay: readonly Optional[] = ['completed', 'created', 'size', 'files', 'rows', 'since', 'progress'];
const maxReasonLines = 6;

/**
What fits in `height` lines: the title, an error, the state and the reason's first line always; then
the progress, the reason's further lines, and the other fields as long as lines are left. Every child
keeps its height (nothing is squeezed onto another's line); what does not fit is not drawn.
*/
const fitLayout = (height: number, reasonLines: number, hasError: boolean) => {
	const always = 3 + (hasError ? 1 : 0);
	let left = Math.max(0, height - always);
	const shown = new Set<Optional>();
	const take = (field: Optional) => {
		if (left > 0) {
			shown.add(field);
			left--;
		}
	};

	take('progress');
	const reason = 1 + Math.min(left, Math.min(maxReasonLines, reasonLines) - 1);
	left -= reason - 1;
	for (const field of givingWay.toReversed().slice(1)) {
		take(field);
	}

	return {shown, reason, room: left};
};

/**
What the tracked job adds to the progress line: the last progress before a failure (Milvus resets
it), or the time of a progress read from describe because the list had none.
*/
const progressNote = (tracked: TrackedJob | undefined, detail: JobDetail | undefined): string => {
	if (tracked === undefined) {
		return '';
	}

	if (tracked.state === 'Failed') {
		return tracked.lastRunProgress === undefined ? 'none seen before it failed' : `  failed at ${tracked.lastRunProgress} %`;
	}

	return tracked.progressAt === undefined || detail !== undefined ? '' : `  as of ${formatClock(tracked.progressAt)}`;
};

/** Since when the job is in its state: exact, or only a bound (it was there at the first poll). */
const sinceText = (tracked: TrackedJob): string => tracked.sinceExact
	? `since ${formatClock(tracked.stateSince)}`
	: `since ${formatClock(tracked.stateSince)} or earlier (already so at the first poll; the server does not say)`;

/** One job described: the numbers, every file, and the reason, wrapped (at most 6 lines). */
export function DetailView({jobId, job, detail, tracked, isLoading, error, width, height}: DetailViewProps) {
	const theme = useTheme();
	const shown = detail ?? job;
	const look = theme.state(shown?.state ?? '');
	const reason = shown?.reason ?? '';
	const lineWidth = Math.max(1, width - labelWidth);
	const wrapped = reason === '' ? ['-'] : wrapLines(reason, lineWidth, maxReasonLines);
	const files = detail?.files ?? [];
	const layout = fitLayout(height, wrapped.length, error !== undefined);
	const reasonShown = wrapped.length > layout.reason ? wrapLines(reason, lineWidth, layout.reason) : wrapped;
	const roomForFiles = layout.room;
	const fitting = Math.max(0, Math.min(files.length, Math.floor((roomForFiles - 3) / 2)));
	const has = (field: Optional) => layout.shown.has(field);
	const filesTitle = `Files (${files.length})${fitting < files.length ? `, ${files.length - fitting} not shown: enlarge the terminal` : ''}`;
	return (
		<Box flexDirection='column' height={height} overflow='hidden'>
			<Box flexShrink={0}>
				<Text bold color={theme.tone('header')} wrap='truncate'>
					{`Job ${jobId}${shown ? '  ' + shown.collectionName : ''}${isLoading ? '  ' + theme.loading : ''}  ${theme.dot}  Esc to go back`}
				</Text>
			</Box>
			{error === undefined ? null : <Box flexShrink={0}><Text color={theme.tone('error')} wrap='truncate'>{error}</Text></Box>}
			<Field label='State'><Text color={look.color}>{shown ? `${look.glyph} ${look.label}` : '?'}</Text></Field>
			{has('progress')
				? (
					<Field label='Progress'>
						{tracked?.state === 'Failed' && tracked.lastRunProgress === undefined
							? null
							: <ProgressBar progress={tracked?.state === 'Failed' ? tracked.lastRunProgress : shown?.progress} width={Math.min(40, lineWidth)} color={look.color}/>}
						<Text color={theme.tone('muted')}>{progressNote(tracked, detail)}</Text>
					</Field>
				)
				: null}
			{has('since') && tracked !== undefined ? <Field label='In state'>{sinceText(tracked)}</Field> : null}
			{has('rows') ? <Field label='Rows'>{detail ? `${formatCount(detail.importedRows)} / ${formatCount(detail.totalRows)}` : '?'}</Field> : null}
			{has('size') ? <Field label='File size'>{detail ? formatBytes(detail.fileSize) : '?'}</Field> : null}
			{has('created') ? <Field label='Created'>{detail === undefined || detail.createTime === '' ? '(not given by this server)' : detail.createTime}</Field> : null}
			{has('completed') ? <Field label='Completed'>{detail === undefined || detail.completeTime === '' ? '-' : detail.completeTime}</Field> : null}
			{reasonShown.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- the lines of one text, in order
				<Box key={index} flexShrink={0}>
					<Text wrap='truncate'>
						<Text color={theme.tone('label')}>{(index === 0 ? 'Reason' : '').padEnd(labelWidth)}</Text>
						<Text color={reason === '' ? undefined : theme.tone('error')}>{line}</Text>
					</Text>
				</Box>
			))}
			{has('files') ? <Box flexShrink={0}><Text bold wrap='truncate'>{fit(filesTitle, width)}</Text></Box> : null}
			{fitting > 0 && fileTableHeight(fitting) <= roomForFiles ? <Box flexShrink={0}><FileTable files={files.slice(0, fitting)} width={width}/></Box> : null}
		</Box>
	);
}
