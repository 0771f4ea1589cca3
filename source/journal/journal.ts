import type {Job} from '../model/jobs/job.js';
import {rebuildIfChurned} from '../model/jobs/churn.js';
import type {JournalLimits} from './limits.js';
import {
	createJobObserver, recordKey, type JournalIndex, type JournalScope,
} from './observer.js';
import {readJournal} from './reader.js';
import type {JournalRecord} from './record.js';
import {openJournalWriter, type JournalWriter} from './writer.js';

/** The small interface the poll paths use: one call per good poll. */
export type Journal = {
	/** The poll's transitions, appended to the file (when on) and returned for notifications. */
	readonly observe: (scope: JournalScope, jobs: readonly Job[], at: number) => readonly JournalRecord[];
	/** The last record of every job the journal knows on this cluster (for "expired (from history)" rows). */
	readonly known: () => ReadonlyMap<string, JournalRecord>;
	/** The journal's newest records of this cluster from before this run, oldest first (the event log's start). */
	readonly earlier: readonly JournalRecord[];
	readonly bytesWritten: () => number;
	/** Records read from the file at open (every cluster's): how much the start parsed. */
	readonly readRecords: number;
};

export type JournalOptions = {
	/** The journal's folder; undefined with --no-journal: events are still derived (for --notify / --on-event), nothing is read or written. */
	readonly dir: string | undefined;
	/** The cluster(s) watched (several contexts: each one's): the records of others are not read. */
	readonly cluster: string | readonly string[];
	readonly stallAfterMs: number;
	readonly now: () => number;
	readonly onError: (message: string) => void;
	readonly limits?: JournalLimits;
	/** How many earlier records to keep for the event log. */
	readonly earlierCount?: number;
};

/** Reads what the journal knows of this cluster (streamed: one record per job is kept), then opens it for appending. */
export const openJournal = async (options: JournalOptions): Promise<Journal> => {
	const index: JournalIndex = new Map();
	const earlier: JournalRecord[] = [];
	const earlierCount = options.earlierCount ?? 100;
	let writer: JournalWriter | undefined;
	let readRecords = 0;
	const clusters = new Set(typeof options.cluster === 'string' ? [options.cluster] : options.cluster);
	if (options.dir !== undefined) {
		try {
			({records: readRecords} = await readJournal(options.dir, record => {
				if (!clusters.has(record.cluster)) {
					return;
				}

				index.set(recordKey(record.cluster, record.db, record.jobId), record);
				earlier.push(record);
				if (earlier.length > earlierCount * 2) {
					earlier.splice(0, earlier.length - earlierCount);
				}
			}));
		} catch (error: unknown) {
			const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'read error';
			options.onError(`cannot read the journal in ${options.dir} (${code}); starting without its history`);
		}

		writer = openJournalWriter({
			dir: options.dir, limits: options.limits, now: options.now, onError: options.onError,
		});
	}

	const observer = createJobObserver(index, options.stallAfterMs);
	/** Records deleted from the index since its table was last rebuilt (churn.ts). */
	let forgotten = 0;
	return {
		observe(scope, jobs, at) {
			const records = observer.observe(scope, jobs, at);
			writer?.append(records);
			for (const record of records) {
				// A job journaled as expired or lost is never seeded again (observer.ts): its record need not be
				// kept. On a busy cluster that is most jobs, one more each time one finishes, for as long as the app runs.
				if (record.event === 'expired' || record.event === 'lost') {
					forgotten += index.delete(recordKey(record.cluster, record.db, record.jobId)) ? 1 : 0;
				}
			}

			if (rebuildIfChurned(index, forgotten)) {
				forgotten = 0;
			}

			return records;
		},
		// Read once, before the first poll (the screen's history rows): later, the jobs that expired during the run are gone from it.
		known: () => index,
		earlier: earlier.slice(-earlierCount),
		bytesWritten: () => writer?.written() ?? 0,
		readRecords,
	};
};
