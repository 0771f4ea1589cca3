import {isTerminal} from '../model/jobs/job.js';
import type {JournalRecord} from './record.js';

/** One job as the journal remembers it: what `history` prints. */
export type HistoryRow = {
	readonly cluster: string;
	readonly db: string;
	readonly context: string;
	readonly jobId: string;
	readonly collection: string;
	/** The last state seen on the server. */
	readonly state: string;
	/** Set when the server stopped listing the job: finished jobs expire (Milvus GC), running ones are lost. */
	readonly gone: 'expired' | 'lost' | undefined;
	readonly progress: number | undefined;
	/** When this app first saw the job (not when it was created: the journal knows only what was watched). */
	readonly firstSeen: number;
	/** When it was seen Completed or Failed; undefined while unfinished. */
	readonly finishedAt: number | undefined;
	/** Time of its last event. */
	readonly lastAt: number;
	readonly reason: string;
};

type MutableRow = {-readonly [Key in keyof HistoryRow]: HistoryRow[Key]};

/** Folds events into one row per job (cluster, database, id): memory grows with jobs, not events. */
export const createHistoryFold = () => {
	// Nested by cluster and database: a lookup hashes the strings JSON.parse made, not a concatenation per event (measured ~2× faster).
	const clusters = new Map<string, Map<string, Map<string, MutableRow>>>();
	const all: MutableRow[] = [];
	const table = (record: JournalRecord): Map<string, MutableRow> => {
		let databases = clusters.get(record.cluster);
		if (databases === undefined) {
			databases = new Map();
			clusters.set(record.cluster, databases);
		}

		let rows = databases.get(record.db);
		if (rows === undefined) {
			rows = new Map();
			databases.set(record.db, rows);
		}

		return rows;
	};

	return {
		add(record: JournalRecord): void {
			const rows = table(record);
			let row = rows.get(record.jobId);
			if (row === undefined) {
				row = {
					cluster: record.cluster,
					db: record.db,
					context: record.context,
					jobId: record.jobId,
					collection: record.collection,
					state: record.state,
					gone: undefined,
					progress: record.progress,
					firstSeen: record.at,
					finishedAt: undefined,
					lastAt: record.at,
					reason: '',
				};
				rows.set(record.jobId, row);
				all.push(row);
			}

			row.lastAt = Math.max(row.lastAt, record.at);
			row.context = record.context === '' ? row.context : record.context;
			row.collection = record.collection === '' ? row.collection : record.collection;
			if (record.event === 'expired' || record.event === 'lost') {
				row.gone = record.event;
				return;
			}

			row.gone = undefined;
			row.state = record.state;
			row.progress = record.progress ?? row.progress;
			row.reason = record.reason;
			if (isTerminal(record.state)) {
				row.finishedAt ??= record.at;
			} else {
				row.finishedAt = undefined; // Seen running again (a retry, a re-used id): not finished after all.
			}
		},
		rows: (): HistoryRow[] => all,
	};
};

export type HistoryFilter = {
	/** Keep jobs with an event at or after this epoch ms. */
	readonly since: number | undefined;
	/** Lower-case state names; `expired` and `lost` match vanished jobs. Empty: all. */
	readonly states: readonly string[];
	readonly collections: readonly string[];
	readonly contexts: readonly string[];
};

export const matchesHistory = (row: HistoryRow, filter: HistoryFilter): boolean =>
	(filter.since === undefined || row.lastAt >= filter.since)
	&& (filter.states.length === 0 || filter.states.includes(row.state.toLowerCase()) || (row.gone !== undefined && filter.states.includes(row.gone)))
	&& (filter.collections.length === 0 || filter.collections.includes(row.collection))
	&& (filter.contexts.length === 0 || filter.contexts.includes(row.context));

/** Oldest first, like a log: the newest jobs end up just above the prompt. */
export const byFirstSeen = (a: HistoryRow, b: HistoryRow): number =>
	a.firstSeen - b.firstSeen || a.cluster.localeCompare(b.cluster) || a.jobId.localeCompare(b.jobId);

/** From first seen to finished; unknown for a job first seen already finished (when it started is not known). */
export const durationMs = (row: HistoryRow): number | undefined =>
	row.finishedAt === undefined || row.finishedAt === row.firstSeen ? undefined : row.finishedAt - row.firstSeen;
