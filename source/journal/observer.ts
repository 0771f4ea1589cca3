import type {Job} from '../model/jobs/job.js';
import {noSamples, tracked} from '../model/jobs/tracked.js';
import type {JobEvent, TrackedJob} from '../model/jobs/types.js';
import {createLiveJobs, type LiveJobs} from './live-jobs.js';
import type {JournalRecord} from './record.js';

/** Where a poll's jobs come from: the journal's key for them. */
export type JournalScope = {
	/** The URI (never with credentials) or `zilliz-cloud:<cluster id>`. */
	readonly cluster: string;
	/** '' for the server's default database. */
	readonly db: string;
	/** The context name (issue #13), '' without one. */
	readonly context: string;
	/** The collections polled; empty: all. A journaled job outside them is not "gone" when it is not listed. */
	readonly collections: readonly string[];
};

/** Joined into one flat string (a template literal makes a chain that a Map holds beside its flattened copy: sort.ts idSortKey). */
export const recordKey = (cluster: string, db: string, jobId: string): string => [cluster, db, jobId].join('\u0000');

/** The journal's last record of each job: what a restarted app knows before its first poll. */
export type JournalIndex = Map<string, JournalRecord>;

const inScope = (record: JournalRecord, scope: JournalScope): boolean =>
	record.cluster === scope.cluster && record.db === scope.db
	&& (scope.collections.length === 0 || scope.collections.includes(record.collection));

/** The jobs the journal last saw on the server (not expired or lost), tracked as of their last record, and the newest record's time. */
export const seed = (index: JournalIndex, scope: JournalScope): {jobs: Map<string, TrackedJob>; at: number} => {
	const jobs = new Map<string, TrackedJob>();
	let at = 0;
	for (const record of index.values()) {
		if (!inScope(record, scope) || record.event === 'expired' || record.event === 'lost') {
			continue;
		}

		at = Math.max(at, record.at);
		jobs.set(record.jobId, tracked({
			jobId: record.jobId, collectionName: record.collection, state: record.state, progress: record.progress, reason: record.reason,
		}, {
			firstSeen: record.at, lastChange: record.at, stateSince: record.at, stateChangedAt: undefined, samples: noSamples,
			gone: undefined, progressAt: undefined, lastRunProgress: undefined, sinceExact: false,
		}));
	}

	return {jobs, at};
};

export type JobObserver = {
	/** Derives the records of one good poll (the model's own events: model/history.ts), notes them in the index and returns them. */
	readonly observe: (scope: JournalScope, jobs: readonly Job[], at: number) => readonly JournalRecord[];
};

/** The journal's record of an event; `job`: the job after the poll that gave it. */
export const toRecord = (event: JobEvent, scope: JournalScope, job: TrackedJob | undefined): JournalRecord => ({
	at: event.at,
	cluster: scope.cluster,
	db: scope.db,
	context: scope.context,
	jobId: event.jobId,
	collection: event.collectionName,
	event: event.kind,
	state: job?.state ?? (event.kind === 'state' ? event.detail : ''),
	progress: job?.progress,
	reason: event.kind === 'failed' ? event.detail : (job?.reason ?? ''),
});

/**
Tracks the polled jobs apart from the screen's state (the script modes have none, and the screen's
first poll reports no events: for the journal a job it has never seen is news). The first poll of a
scope is compared with the journal's last word on each job, so a restart journals only what changed
while the app was away: jobs that appeared, moved on, or vanished from the server (expired / lost).
*/
export const createJobObserver = (index: JournalIndex, stallAfterMs: number): JobObserver => {
	let scopeKey: string | undefined;
	// Merged in place poll after poll (live-jobs.ts): no new map of every job per poll, in whatever order the server lists them.
	let jobs: LiveJobs = createLiveJobs(new Map());
	let previousAt = 0;
	return {
		observe(scope, list, at) {
			const key = JSON.stringify([scope.cluster, scope.db, scope.collections]);
			if (key !== scopeKey) {
				scopeKey = key;
				const seeded = seed(index, scope);
				jobs = createLiveJobs(seeded.jobs);
				previousAt = seeded.at;
			}

			// goneKeepMs 0: a vanished job is journaled once and then forgotten here (the journal remembers it).
			const events = jobs.merge(list, {
				at, previousAt, stallAfterMs, goneKeepMs: 0, samples: false,
			});
			// Every event's job is still tracked after the poll (a job is dropped only a poll after its gone event).
			const records = events.map(event => toRecord(event, scope, jobs.get(event.jobId)));
			previousAt = at;
			for (const record of records) {
				index.set(recordKey(record.cluster, record.db, record.jobId), record);
			}

			return records;
		},
	};
};
