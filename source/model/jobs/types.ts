import type {ApiError} from './result.js';
import type {Job} from './job.js';

/** A job as tracked across polls. Times are epoch milliseconds, always taken from actions. */
export type ProgressSample = {readonly at: number; readonly progress: number};

export type TrackedJob = Job & {
	readonly firstSeen: number;
	/** Last time state or progress changed. */
	readonly lastChange: number;
	/** When the job entered its current state (first seen, if it was already in it). */
	readonly stateSince: number;
	/** When the state last changed between two polls (undefined if never seen changing): drives the "changed" row mark. */
	readonly stateChangedAt: number | undefined;
	/** Recent samples, oldest first, bounded. */
	readonly samples: readonly ProgressSample[];
	/** Set when the job vanished from the list: finished jobs expire (Milvus GC, ~3 h: docs/milvus-rest.md#garbage-collection), running ones are lost. */
	readonly gone: 'expired' | 'lost' | undefined;
};

/** A job the journal knows on this cluster (issue #14), as of its last record; `db` '' is the default database. */
export type HistoryEntry = {readonly db: string; readonly job: TrackedJob};

export type JobEventKind = 'failed' | 'completed' | 'stalled' | 'expired' | 'lost' | 'appeared' | 'state';

export type JobEvent = {
	readonly at: number;
	readonly kind: JobEventKind;
	readonly jobId: string;
	readonly collectionName: string;
	/** The new state, for 'state'; the reason, for 'failed'. */
	readonly detail: string;
};

export type SortColumn = 'state' | 'progress' | 'jobId' | 'collection' | 'rate' | 'age';
export type SortSpec = {readonly column: SortColumn; readonly reverse: boolean};

export type JobFilter = {
	/** Case-insensitive substring over id, collection, state and reason; a leading `!` inverts. */
	readonly text: string;
	/** Empty: every state. */
	readonly states: readonly string[];
};

export type PollStatus = {
	readonly lastOkAt: number | undefined;
	readonly lastError: {readonly at: number; readonly error: ApiError} | undefined;
	readonly consecutiveFailures: number;
};
