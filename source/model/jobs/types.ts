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
	/**
	When `progress` was read from the job's describe (getProgress) because its list record had none
	(Zilliz Cloud's list): the age the row shows. Undefined when the list itself gave it (current as of the last poll).
	*/
	readonly progressAt: number | undefined;
	/** The last progress seen while the job was unfinished: a Failed job shows it ("failed at 63 %"; Milvus resets it to 0). */
	readonly lastRunProgress: number | undefined;
	/**
	`stateSince` is the true time the job entered its state: its change was seen between two polls, or
	describe's `completeTime` (finished) or `createTime` (Pending) said so. Otherwise it is the first
	poll that saw the job, a lower bound on the time in state (shown `≥12s`).
	*/
	readonly sinceExact: boolean;
};

/** A job the journal knows on this cluster (issue #14), as of its last record; `db` '' is the default database. */
/** A job the journal knows. `context`: with several contexts, whose it is (its `db` is then '' for the context's own database). */
export type HistoryEntry = {readonly db: string; readonly job: TrackedJob; readonly context?: string};

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
