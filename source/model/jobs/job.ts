/**
The normalized job, as the rest of the app sees it. Every string here was sanitized in `api/`
before it got here; `model/` and `components/` can print them as they are.
*/

/** States Milvus returns (2.4–2.6: the first four + None; 3.0 adds Uncommitted/Committing). Any other string is kept as-is. */
export const knownStates = ['Pending', 'Importing', 'Uncommitted', 'Committing', 'Completed', 'Failed', 'None'] as const;
export type KnownState = (typeof knownStates)[number];

export type Job = {
	/** Opaque id: decimal int64 on Milvus, `job-…` on Zilliz Cloud. Never a number. */
	readonly jobId: string;
	readonly collectionName: string;
	/** As the server said it (sanitized); usually a KnownState, but future values are kept. */
	readonly state: string;
	/** 0–100, clamped; undefined when the server sent something that is not a number. */
	readonly progress: number | undefined;
	/** '' when the server sent none. */
	readonly reason: string;
	/** The config file's context (cluster) the job was listed by, when several are watched; undefined otherwise. */
	readonly context?: string;
};

export type FileDetail = {
	readonly fileName: string;
	readonly fileSize: number | undefined;
	/** Task vocabulary: Pending, InProgress, Retry, Completed, Failed, None, … */
	readonly state: string;
	readonly progress: number | undefined;
	readonly importedRows: number | undefined;
	readonly totalRows: number | undefined;
	readonly completeTime: string;
	readonly reason: string;
};

export type JobDetail = Job & {
	readonly importedRows: number | undefined;
	readonly totalRows: number | undefined;
	readonly fileSize: number | undefined;
	/** '' when the server does not give it (before 2.6.5). */
	readonly createTime: string;
	/** '' until the job completes. */
	readonly completeTime: string;
	readonly files: readonly FileDetail[];
};

/** What describe told about one job, and when (epoch ms); times undefined where the server gave none. */
export type JobFacts = {
	readonly jobId: string;
	readonly at: number;
	readonly state: string;
	readonly progress: number | undefined;
	/** Describe's `createTime` (Milvus 2.6.5+; not on Zilliz Cloud's getProgress). */
	readonly createdAt: number | undefined;
	/** Describe's `completeTime`, once the job has finished. */
	readonly completedAt: number | undefined;
};

export const isTerminal = (state: string): boolean => state === 'Completed' || state === 'Failed';
