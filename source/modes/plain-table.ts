import stringWidth from 'string-width';
import type {Job} from '../model/jobs/job.js';

/**
The table for pipes and `--once`: plain columns padded by display width (a CJK collection name is
two cells per character), no colour, no cursor codes, no box drawing. Strings were sanitized in
api/, so nothing here can smuggle an escape sequence. Reason comes last and is never cut: a script
grepping for a failure wants all of it. A collection name is cut at `maxCollectionWidth` cells (Milvus
allows 255 characters): one long name would otherwise pad every line of the table to its width.
*/
export const plainColumns = ['JOB ID', 'COLLECTION', 'STATE', 'PROGRESS', 'REASON'] as const;

export const formatProgress = (progress: number | undefined): string => progress === undefined ? '-' : `${progress}%`;

export const maxCollectionWidth = 48;

const segmenter = new Intl.Segmenter();

/** `text` cut to at most `max` cells, ending in `…` when cut. */
const cut = (text: string, max: number): string => {
	if (stringWidth(text) <= max) {
		return text;
	}

	let kept = '';
	let used = 0;
	for (const {segment} of segmenter.segment(text)) {
		const cells = stringWidth(segment);
		if (used + cells > max - 1) {
			break;
		}

		kept += segment;
		used += cells;
	}

	return `${kept}…`;
};

const cells = (job: Job): readonly string[] => [job.jobId, cut(job.collectionName, maxCollectionWidth) || '-', job.state, formatProgress(job.progress), job.reason];

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

/** `withContext`: several contexts are watched, and a CONTEXT column comes first. */
export const formatPlainTable = (jobs: readonly Job[], withContext = false): string => {
	const header: readonly string[] = withContext ? ['CONTEXT', ...plainColumns] : plainColumns;
	const rows = [[...header], ...jobs.map(job => (withContext ? [job.context ?? '-', ...cells(job)] : cells(job)))];
	const widths = header.map((_, column) => Math.max(...rows.map(row => stringWidth(row[column] ?? ''))));
	const lines = rows.map(row => row
		.map((cell, column) => column === row.length - 1 ? cell : pad(cell, widths[column]!))
		.join('  ')
		.trimEnd());
	return `${lines.join('\n')}\n`;
};
