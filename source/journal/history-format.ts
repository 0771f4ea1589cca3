import stringWidth from 'string-width';
import {formatProgress} from '../modes/plain-table.js';
import {durationMs, type HistoryRow} from './history-rows.js';

/** ISO 8601 to the second, UTC: what the `--wait` lines print, sortable and unambiguous in logs. */
export const isoTime = (at: number): string => new Date(at).toISOString().replace(/\.\d+Z$/v, 'Z');

/** 42s, 3m05s, 2h07m, 3d04h: two units at most, enough to compare jobs at a glance. */
export const formatDuration = (ms: number): string => {
	const seconds = Math.max(0, Math.round(ms / 1000));
	const [d, h, m, s] = [Math.floor(seconds / 86_400), Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60];
	const two = (value: number): string => String(value).padStart(2, '0');
	if (d > 0) {
		return `${d}d${two(h)}h`;
	}

	if (h > 0) {
		return `${h}h${two(m)}m`;
	}

	return m > 0 ? `${m}m${two(s)}s` : `${s}s`;
};

export const stateText = (row: HistoryRow): string => row.gone === undefined ? row.state : `${row.state} (${row.gone})`;

export const historyColumns = ['CLUSTER', 'DB', 'COLLECTION', 'JOB ID', 'STATE', 'PROGRESS', 'FIRST SEEN', 'FINISHED', 'DURATION', 'REASON'] as const;

const cells = (row: HistoryRow): readonly string[] => {
	const duration = durationMs(row);
	return [
		row.context === '' ? row.cluster : row.context,
		row.db === '' ? '-' : row.db,
		row.collection === '' ? '-' : row.collection,
		row.jobId,
		stateText(row),
		formatProgress(row.progress),
		isoTime(row.firstSeen),
		row.finishedAt === undefined ? '-' : isoTime(row.finishedAt),
		duration === undefined ? '-' : formatDuration(duration),
		row.reason,
	];
};

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

/** The plain table, as `--once` prints jobs: padded by display width, reason last and never cut. Text was sanitized when read. */
export const formatHistoryTable = (rows: readonly HistoryRow[]): string => {
	const table = [[...historyColumns], ...rows.map(row => cells(row))];
	const widths = historyColumns.map((_, column) => Math.max(...table.map(row => stringWidth(row[column] ?? ''))));
	const lines = table.map(row => row
		.map((cell, column) => column === row.length - 1 ? cell : pad(cell, widths[column]!))
		.join('  ')
		.trimEnd());
	return `${lines.join('\n')}\n`;
};

/* eslint-disable @typescript-eslint/no-restricted-types -- JSON has no undefined */
export type HistoryJson = {
	readonly cluster: string;
	readonly dbName: string | null;
	readonly context: string | null;
	readonly jobId: string;
	readonly collectionName: string;
	readonly state: string;
	readonly gone: 'expired' | 'lost' | null;
	readonly progress: number | null;
	readonly firstSeen: string;
	readonly finishedAt: string | null;
	readonly durationMs: number | null;
	readonly lastEventAt: string;
	readonly reason: string;
};
/* eslint-enable @typescript-eslint/no-restricted-types */

export const toHistoryJson = (row: HistoryRow): HistoryJson => ({
	cluster: row.cluster,
	dbName: row.db === '' ? null : row.db,
	context: row.context === '' ? null : row.context,
	jobId: row.jobId,
	collectionName: row.collection,
	state: row.state,
	gone: row.gone ?? null,
	progress: row.progress ?? null,
	firstSeen: new Date(row.firstSeen).toISOString(),
	finishedAt: row.finishedAt === undefined ? null : new Date(row.finishedAt).toISOString(),
	durationMs: durationMs(row) ?? null,
	lastEventAt: new Date(row.lastAt).toISOString(),
	reason: row.reason,
});
