import {isTerminal} from '../model/jobs/job.js';
import {noSamples, tracked} from '../model/jobs/tracked.js';
import type {HistoryEntry, JobEvent, TrackedJob} from '../model/jobs/types.js';
import type {JournalRecord} from './record.js';

/** A journal record as the event log shows events: the same detail the model puts in its own. */
export const recordEvent = (record: JournalRecord): JobEvent => {
	const detail = record.event === 'failed' ? record.reason : (record.event === 'completed' ? '' : record.state);
	return {
		at: record.at, kind: record.event, jobId: record.jobId, collectionName: record.collection, detail,
	};
};

export type HistoryScope = {
	readonly cluster: string;
	readonly db: string;
	/** Empty: every collection. */
	readonly collections: readonly string[];
};

/**
The jobs the journal knows on this cluster and database that the server no longer lists: the
screen's "expired (from history)" rows. A finished job is expired, an unfinished one lost (its last
news is old); both as of their last record.
*/
export const historyJobs = (
	known: ReadonlyMap<string, JournalRecord>,
	scope: HistoryScope,
	listed: (jobId: string) => boolean,
): TrackedJob[] => {
	const jobs: TrackedJob[] = [];
	for (const record of known.values()) {
		if (record.cluster !== scope.cluster || record.db !== scope.db || listed(record.jobId)
			|| (scope.collections.length > 0 && !scope.collections.includes(record.collection))) {
			continue;
		}

		jobs.push(tracked({
			jobId: record.jobId, collectionName: record.collection, state: record.state, progress: record.progress, reason: record.reason,
		}, {
			firstSeen: record.at,
			lastChange: record.at,
			stateSince: record.at,
			stateChangedAt: undefined,
			samples: noSamples,
			gone: isTerminal(record.state) ? 'expired' : 'lost',
			progressAt: undefined,
			lastRunProgress: undefined,
			sinceExact: false,
		}));
	}

	return jobs;
};

/** What the live screen takes from the journal once it has been read (issue #14). */
export type JournalSnapshot = {readonly entries: readonly HistoryEntry[]; readonly events: readonly JobEvent[]};

/** Every job the journal knows on this cluster (each database), and its recent events from before this run. */
export const journalSnapshot = (known: ReadonlyMap<string, JournalRecord>, earlier: readonly JournalRecord[], cluster: string): JournalSnapshot => {
	const entries: HistoryEntry[] = [];
	for (const record of known.values()) {
		if (record.cluster === cluster) {
			const [job] = historyJobs(new Map([['', record]]), {cluster, db: record.db, collections: []}, () => false);
			entries.push({db: record.db, job: job!});
		}
	}

	return {entries, events: earlier.map(record => recordEvent(record))};
};
